import type { APIEmbed, APIEmbedField } from "discord.js";
import { addDays } from "../../domain/schedule/localTime.js";
import type { AssignedItem, PlanSection } from "../../domain/schedule/scheduleTypes.js";
import { messages } from "../../messages.js";
import type { WeekView } from "../../services/StudyService.js";
import type { Reply } from "../commandTypes.js";
import { embedLength, fitLines, shareBudget } from "./fitLines.js";
import { colors, escapeText, limits, localDateText, minutesText, truncate } from "./format.js";

/** Below Discord's 6,000-character embed total, with room for rounding. */
const embedBudget = limits.embedTotal - 200;
/** Every field shows at least its first line or "…and N more". */
const minimumFieldValue = 60;

function weeksText(section: Pick<PlanSection, "weekStart" | "weekEnd">): string {
  return section.weekStart === section.weekEnd ? `week ${section.weekStart}` : `weeks ${section.weekStart}–${section.weekEnd}`;
}

function itemLine(item: AssignedItem, done: boolean): string {
  return `${done ? "✅" : "⬜"} ${escapeText(item.title)} · ${item.kind} · ${minutesText(item.minutes)}`;
}

const moreLine = (hidden: number) => `…and ${hidden} more`;

/** `/week`: the week's sections, its items day by day with done marks, Reference items, and the total time. */
export function renderWeek(view: WeekView): Reply {
  const { cohort, week } = view;
  const settings = cohort.settings;
  const description: string[] = [
    `**${localDateText(week.startDate)} – ${localDateText(addDays(week.endDate, -1))}** (cohort time, ${settings.timeZone})`,
  ];
  if (view.currentWeek === 0) description.push(messages.week.beforeStart(localDateText(settings.startDate)));
  if (view.currentWeek > view.totalWeeks && week.number === view.totalWeeks) description.push(messages.week.afterEnd);
  description.push("", ...week.sections.map((section) => `📘 **${escapeText(section.title)}** · ${weeksText(section)}`));
  const assigned = week.days.flatMap((day) => day.items);
  const done = assigned.filter((item) => view.doneItemIds.has(item.id)).length;
  description.push(
    "",
    `Total: **${minutesText(week.totalMinutes)}** · ${assigned.length} item${assigned.length === 1 ? "" : "s"} · ${done} done`,
  );
  if (week.unestimatedItems > 0) description.push(messages.week.unestimated(week.unestimatedItems));

  const blocks: { name: string; lines: string[] }[] = week.days.map((day) => ({
    name: `${localDateText(day.date)} · ${minutesText(day.minutes)}`,
    lines: day.items.length === 0 ? [messages.week.nothingAssigned] : day.items.map((item) => itemLine(item, view.doneItemIds.has(item.id))),
  }));
  if (view.references.length > 0) {
    blocks.push({
      name: `Reference · ${view.references.length} item${view.references.length === 1 ? "" : "s"}`,
      lines: [messages.week.referenceIntro, ...view.references.map((item) => `📎 ${escapeText(item.title)} · ${minutesText(item.minutes)}`)],
    });
  }

  const embed: APIEmbed = {
    color: view.isCurrent ? colors.brand : colors.neutral,
    title: truncate(`${cohort.name} · Week ${week.number} of ${view.totalWeeks}${view.isCurrent ? " (this week)" : ""}`, limits.title),
    description: truncate(description.join("\n"), 1500),
    footer: { text: truncate("✅ done · ⬜ to do · /done item: logs one", limits.footer) },
  };
  const shown = blocks.slice(0, limits.fields);
  const names = shown.map((block) => truncate(block.name, limits.fieldName));
  const room = embedBudget - embedLength(embed) - names.reduce((sum, name) => sum + name.length, 0);
  const shares = shareBudget(
    shown.map((block) => block.lines.join("\n").length),
    room,
  );
  const fields: APIEmbedField[] = shown.map((block, index) => ({
    name: names[index] ?? "",
    value: fitLines(block.lines, Math.min(limits.fieldValue, Math.max(minimumFieldValue, shares[index] ?? 0)), moreLine),
  }));
  embed.fields = fields;
  return { embeds: [embed], ephemeral: true };
}
