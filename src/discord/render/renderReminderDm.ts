import type { ReminderView } from "../../services/ReminderService.js";
import { amountText, durationText, localDateText } from "../i18n/formatters.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { itemTitle } from "./itemTitle.js";
import { kindLabel } from "./kindLabel.js";
import { fitLines } from "./fitLines.js";
import { colors, timestamp, truncate } from "./format.js";
import type { PostMessage } from "./postMessage.js";

function cohortChannelLink(guildId: string, channelId: string): string {
  return `https://discord.com/channels/${guildId}/${channelId}`;
}

/** The daily reminder DM: today's unfinished items and when they are due. */
export function renderReminderDm(t: Translator, view: ReminderView): PostMessage {
  const minutes = view.items.reduce((sum, item) => sum + (item.minutes ?? 0), 0);
  const lines = view.items.map((item) =>
    item.minutes === null
      ? t.t("reminderDm.itemTopic", { title: itemTitle(t, item), kind: kindLabel(t, item) })
      : t.t("reminderDm.item", {
          title: itemTitle(t, item),
          kind: kindLabel(t, item),
          minutes: markup(durationText(t, item.minutes)),
        }),
  );
  const description = [
    t.t("reminderDm.intro", {
      date: localDateText(t, view.localDate),
      minutes: amountText(t, minutes, view.items.length),
      due: markup(timestamp(view.dueBy, "f")),
    }),
    fitLines(lines, 3000, (hidden) => t.t("format.more", { count: hidden })),
  ];
  if (view.overdueCount > 0)
    description.push("", t.t("reminderDm.overdue", { count: view.overdueCount, timed: view.timed ? "yes" : "no" }));
  description.push("", t.t("reminderDm.howTo"));
  return {
    embeds: [
      {
        color: colors.brand,
        title: truncate(t.t("reminderDm.title", { cohort: view.cohort.name }), 256),
        // The title opens the cohort's channel; with the reminder's time (shown by the footer) and the footer's
        // cohort name (two cohorts may share a channel) it marks this DM among the member's others whatever its
        // list says by then (Scheduler: a retry finds the one sent).
        url: cohortChannelLink(view.cohort.guildId, view.cohort.channelId),
        timestamp: view.remindAt.toISOString(),
        description: description.join("\n"),
        footer: { text: truncate(t.plainUser(view.cohort.name), 2048) },
      },
    ],
  };
}
