import type { ReminderView } from "../../services/ReminderService.js";
import { colors, escapeText, localDateText, minutesText, timestamp, truncate } from "./format.js";
import { fitLines } from "./fitLines.js";
import type { PostMessage } from "./postMessage.js";

/** The daily reminder DM: today's unfinished items and when they are due. */
export function renderReminderDm(view: ReminderView): PostMessage {
  const minutes = view.items.reduce((sum, item) => sum + (item.minutes ?? 0), 0);
  const lines = view.items.map((item) => `• **${escapeText(item.title)}** · ${item.kind} · ${minutesText(item.minutes)}`);
  const description = [
    `Still to read today (**${localDateText(view.localDate)}**, ${minutesText(minutes)}), due by ${timestamp(view.dueBy, "f")}:`,
    fitLines(lines, 3000, (hidden) => `…and ${hidden} more`),
  ];
  if (view.overdueCount > 0) description.push("", `Also ${view.overdueCount} overdue item${view.overdueCount === 1 ? "" : "s"} from earlier days.`);
  description.push("", "Run `/today` in the server to mark items done. `/remind off:True` stops these reminders.");
  return {
    embeds: [
      {
        color: colors.brand,
        title: truncate(`⏰ Reading reminder · ${view.cohort.name}`, 256),
        description: description.join("\n"),
        footer: { text: truncate(view.cohort.name, 2048) },
      },
    ],
  };
}
