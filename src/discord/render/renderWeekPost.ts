import type { APIEmbedField } from "discord.js";
import { addDays } from "../../domain/schedule/localTime.js";
import type { AssignedItem, PlanDay } from "../../domain/schedule/scheduleTypes.js";
import type { WeekPostView } from "../../services/PostService.js";
import { colors, escapeText, limits, localDateText, minutesText, timestamp, truncate } from "./format.js";
import { chunkLines, packEmbeds, type RenderedPost } from "./postMessage.js";
import { standingLines } from "./standingLines.js";

/** Discord thread names allow 100 characters. */
const maxThreadName = 100;

function itemLine(item: AssignedItem, track: string | undefined): string {
  const kind = item.kind === "Required" ? "Required" : item.kind;
  return `• **${escapeText(item.title)}** · ${kind} · ${minutesText(item.minutes)}${track === undefined ? "" : ` · ${escapeText(track)}`}`;
}

/** "2 h 20 min", "2 h 20 min + 1 without an estimate", or "no time estimate" when none of the items has one. */
function timeText(minutes: number, unestimated: number): string {
  if (minutes === 0 && unestimated > 0) return "no time estimate";
  return `${minutesText(minutes)}${unestimated > 0 ? ` + ${unestimated} without an estimate` : ""}`;
}

function dayFields(day: PlanDay, trackByItemId: ReadonlyMap<number, string>): APIEmbedField[] {
  const name = `${localDateText(day.date)} · ${day.items.length === 0 ? "free" : timeText(day.minutes, day.unestimatedItems)}`;
  if (day.items.length === 0) return [{ name, value: "Nothing assigned: catch up or read ahead." }];
  const chunks = chunkLines(
    day.items.map((item) => itemLine(item, trackByItemId.get(item.id))),
    limits.fieldValue,
  );
  return chunks.map((value, index) => ({ name: index === 0 ? name : `${localDateText(day.date)} (continued)`, value }));
}

/**
 * The weekly assignment: the week's sections, its items grouped by study day
 * with kind and minutes, the total time, and from week 2 the previous week's
 * top five. Dates are cohort-local calendar dates; instants use `<t:…>`.
 */
export function renderWeekPost(view: WeekPostView): RenderedPost {
  const { cohort, week } = view;
  const items = week.days.flatMap((day) => day.items);
  const studyDays = week.days.length;
  const description: string[] = [
    `**${escapeText(view.curriculumTitle)}** · ${localDateText(week.startDate)} – ${localDateText(addDays(week.endDate, -1))}`,
    "",
    `**This week:** ${
      week.sections.length === 0
        ? "no new reading"
        : week.sections
            .map((section) => `${escapeText(section.title)} (${section.weekStart === section.weekEnd ? `week ${section.weekStart}` : `weeks ${section.weekStart}–${section.weekEnd}`})`)
            .join(" · ")
    }`,
    items.length === 0
      ? "**Total:** nothing new this week: a good time to catch up."
      : `**Total:** ${items.length} item${items.length === 1 ? "" : "s"} · ${timeText(week.totalMinutes, week.unestimatedItems)} over ${studyDays} study day${studyDays === 1 ? "" : "s"}`,
  ];
  for (const checkpoint of view.checkpoints) {
    description.push(`**Checkpoint:** ${escapeText(checkpoint.sectionTitle)} on ${timestamp(checkpoint.dueAt, "F")}`);
  }
  if (view.referenceCount > 0) {
    description.push(`**Reference:** ${view.referenceCount} item${view.referenceCount === 1 ? "" : "s"} to look things up in, listed in \`/week\`.`);
  }
  description.push("", "Run `/today` each day for your list, and `/done` to log what you finish.");

  const fields: APIEmbedField[] = items.length === 0 ? [] : week.days.flatMap((day) => dayFields(day, view.trackByItemId));
  if (view.lastWeek !== null) {
    const lines = standingLines(view.lastWeek.top);
    fields.push({
      name: `🏆 Week ${view.lastWeek.weekNumber} top five`,
      value: lines.length === 0 ? `Nobody logged points in week ${view.lastWeek.weekNumber}. This week could be yours!` : lines.join("\n"),
    });
  }
  const title = `📚 Week ${week.number} of ${view.totalWeeks} · ${cohort.name}`;
  const messages = packEmbeds(
    {
      color: colors.brand,
      title,
      description: description.join("\n"),
      footer: { text: `${cohort.name} · week ${week.number} of ${view.totalWeeks}` },
    },
    fields,
    { continuationTitle: `Week ${week.number} (continued)` },
  );
  return { messages, threadName: truncate(`Week ${week.number} discussion · ${cohort.name}`, maxThreadName) };
}
