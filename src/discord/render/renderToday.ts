import { ButtonStyle, type APIEmbed } from "discord.js";
import { endOfLocalDay } from "../../domain/schedule/localTime.js";
import { progressBar } from "../../domain/scoring/progressBar.js";
import type { ItemStatus, TodayView } from "../../services/StudyService.js";
import type { Reply } from "../commandTypes.js";
import { button, buttonRows, colors, escapeText, limits, localDateText, minutesText, timestamp, truncate } from "./format.js";

/** Custom id of the "mark done" buttons: done:<cohortId>:<itemId>. */
export function doneButtonId(cohortId: number, itemId: number): string {
  return `done:${cohortId}:${itemId}`;
}

function itemLine(status: ItemStatus): string {
  const mark = status.done ? "✅" : "⬜";
  const kind = status.item.kind === "Required" ? "Required" : status.item.kind;
  return `${mark} **${escapeText(status.item.title)}** · ${kind} · ${minutesText(status.item.minutes)}`;
}

function listLines(lines: readonly string[], max: number): string {
  let text = "";
  for (const [index, line] of lines.entries()) {
    const more = `\n…and ${lines.length - index} more`;
    if (text.length + line.length + 1 + more.length > max) return `${text}${more}`;
    text += `${text === "" ? "" : "\n"}${line}`;
  }
  return text;
}

export function renderToday(view: TodayView): Reply {
  const { cohort, day } = view;
  const settings = cohort.settings;
  const embed: APIEmbed = {
    color: colors.brand,
    title: truncate(`${cohort.name} · ${view.day.weekNumber === 0 ? "Not started yet" : view.day.weekNumber > view.totalWeeks ? "Course finished" : `Week ${day.weekNumber} · Day ${day.dayOfWeekIndex}`}`, limits.title),
    fields: [],
  };
  const description: string[] = [`**${localDateText(day.localDate)}** (cohort time, ${settings.timeZone})`];
  if (view.items.length === 0) {
    description.push(
      view.nextStudyDate === null
        ? "Nothing is assigned today, and the plan has no more reading days."
        : `Nothing is assigned today. Next reading day: **${localDateText(view.nextStudyDate)}**.`,
    );
  } else {
    description.push(
      `Due by ${timestamp(endOfLocalDay(day.localDate, settings.timeZone), "f")} · ${minutesText(view.minutesLeft)} left of ${minutesText(view.minutesTotal)}`,
      "",
      listLines(view.items.map(itemLine), 3000),
    );
  }
  if (cohort.status === "paused") description.push("", "⏸️ This cohort is paused: no posts or reminders for now.");
  embed.description = truncate(description.join("\n"), limits.description);
  const fields: NonNullable<APIEmbed["fields"]> = [];
  if (view.overdue.length > 0) {
    const overdueMinutes = view.overdue.reduce((sum, status) => sum + (status.item.minutes ?? 0), 0);
    fields.push({
      name: `Overdue · ${view.overdue.length} item${view.overdue.length === 1 ? "" : "s"} · ${minutesText(overdueMinutes)}`,
      value: listLines(
        view.overdue.map((status) => `⬜ ${escapeText(status.item.title)} · ${minutesText(status.item.minutes)} · from ${status.assignedDate === null ? "?" : localDateText(status.assignedDate)}`),
        limits.fieldValue,
      ),
    });
  }
  if (view.week !== null) {
    fields.push({
      name: `Week ${view.week.weekNumber} progress`,
      value: `${progressBar(view.week.done, view.week.total)} ${view.week.done}/${view.week.total} items`,
    });
  }
  embed.fields = fields;
  const open = [...view.items, ...view.overdue].filter((status) => !status.done);
  const buttons = open.slice(0, limits.buttonsPerRow * limits.rows).map((status) => button(doneButtonId(cohort.id, status.item.id), `Done: ${status.item.title}`, ButtonStyle.Success));
  return { embeds: [embed], components: buttonRows(buttons), ephemeral: true };
}
