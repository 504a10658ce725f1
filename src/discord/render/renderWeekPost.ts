import type { APIEmbedField } from "discord.js";
import { addDays } from "../../domain/schedule/localTime.js";
import type { AssignedItem, PlanDay, PlanWeek } from "../../domain/schedule/scheduleTypes.js";
import type { WeekPostView } from "../../services/PostService.js";
import type { LeaderboardEntry } from "../../services/StudyService.js";
import { durationText, localDateText, weeksText } from "../i18n/formatters.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { itemTitle } from "./itemTitle.js";
import { kindLabel } from "./kindLabel.js";
import { colors, limits, timestamp, truncate } from "./format.js";
import { chunkLines, packEmbeds, type RenderedPost } from "./postMessage.js";
import { standingLines } from "./standingLines.js";
import { renderLiveBoard } from "./renderLiveBoard.js";

/** Discord thread names allow 100 characters. */
const maxThreadName = 100;

function itemLine(t: Translator, item: AssignedItem, track: string | undefined): string {
  // Whether there is a track is its own parameter: a track may be named anything, "none" too.
  const tracked = { withTrack: track === undefined ? "no" : "yes", track: track ?? "" };
  if (item.minutes === null) return t.t("weekPost.itemTopic", { title: itemTitle(t, item), kind: kindLabel(t, item), ...tracked });
  return t.t("weekPost.item", {
    title: itemTitle(t, item),
    kind: kindLabel(t, item),
    minutes: markup(durationText(t, item.minutes)),
    ...tracked,
  });
}

/** "2 h 20 min", "2 h 20 min + 1 without an estimate", or "no time estimate" when none of the items has one. */
function timeText(t: Translator, minutes: number, unestimated: number): string {
  if (minutes === 0 && unestimated > 0) return t.t("format.topics", { count: unestimated });
  return t.t("weekPost.time", { minutes: markup(durationText(t, minutes)), unestimated });
}

function dayFields(t: Translator, day: PlanDay, trackByItemId: ReadonlyMap<number, string>): APIEmbedField[] {
  const date = localDateText(t, day.date);
  const name = t.plain("weekPost.dayName", {
    date,
    time: day.items.length === 0 ? t.plain("weekPost.free") : timeText(t, day.minutes, day.unestimatedItems),
  });
  if (day.items.length === 0) return [{ name, value: t.t("weekPost.nothingAssigned") }];
  const chunks = chunkLines(
    day.items.map((item) => itemLine(t, item, item.choice === undefined ? trackByItemId.get(item.id) : undefined)),
    limits.fieldValue,
  );
  return chunks.map((value, index) => ({ name: index === 0 ? name : t.plain("weekPost.dayContinued", { date }), value }));
}

/**
 * The total of a week with nothing assigned, as the weekly post and `/week` say it: nothing new (never "0 min"). A
 * phase with "choose one" tracks is read over all its weeks: its quiet weeks are for the chosen track.
 */
export function quietWeekTotal(week: PlanWeek): "weekPost.totalNoneChoice" | "weekPost.totalNone" {
  return week.sections.some((section) => section.items.some((item) => (item.track ?? null) !== null))
    ? "weekPost.totalNoneChoice"
    : "weekPost.totalNone";
}

function descriptionOf(t: Translator, view: WeekPostView): string[] {
  const { week } = view;
  const items = week.days.flatMap((day) => day.items);
  const sections = week.sections.map((section) =>
    t.t("weekPost.section", { title: section.title, weeks: markup(weeksText(t, section.weekStart, section.weekEnd)) }),
  );
  const description: string[] = [
    t.t("weekPost.header", {
      curriculum: view.curriculumTitle,
      from: localDateText(t, week.startDate),
      to: localDateText(t, addDays(week.endDate, -1)),
    }),
    "",
    ...(view.breakWeek === null
      ? [
          sections.length === 0 ? t.t("weekPost.thisWeekNone") : t.t("weekPost.thisWeek", { sections: markup(sections.join(" · ")) }),
          items.length === 0
            ? t.t(quietWeekTotal(week))
            : week.totalMinutes === 0
              ? t.t("weekPost.totalTopics", { items: items.length, days: week.days.length })
              : t.t("weekPost.total", {
                  items: items.length,
                  time: markup(timeText(t, week.totalMinutes, week.unestimatedItems)),
                  days: week.days.length,
                }),
        ]
      : [t.t("weekPost.breakWeek", { next: view.breakWeek.nextWeek, date: localDateText(t, view.breakWeek.resumesOn) })]),
  ];
  for (const checkpoint of view.checkpoints) {
    description.push(t.t("weekPost.checkpoint", { section: checkpoint.sectionTitle, at: markup(timestamp(checkpoint.dueAt, "F")) }));
  }
  if (view.referenceCount > 0) description.push(t.t("weekPost.reference", { count: view.referenceCount }));
  description.push("", t.t("weekPost.howTo"));
  return description;
}

/** The post's part naming the leaders of its last reading week (also what an edit of a post already sent replaces). */
export function lastWeekTopField(t: Translator, lastWeek: number, top: readonly LeaderboardEntry[]): APIEmbedField {
  const lines = standingLines(t, top);
  return {
    name: t.plain("weekPost.topName", { week: lastWeek }),
    value: lines.length === 0 ? t.t("weekPost.topEmpty", { week: lastWeek }) : lines.join("\n"),
  };
}

/**
 * The weekly assignment: the week's sections, its items grouped by study day
 * with kind and minutes, the total time, and from week 2 the previous week's
 * top five, then this week's live board. Dates are cohort-local calendar dates; instants use `<t:…>`.
 */
export function renderWeekPost(t: Translator, view: WeekPostView): RenderedPost {
  const { cohort, week } = view;
  const items = week.days.flatMap((day) => day.items);
  const fields: APIEmbedField[] = items.length === 0 ? [] : week.days.flatMap((day) => dayFields(t, day, view.trackByItemId));
  if (view.lastWeek !== null) fields.push(lastWeekTopField(t, view.lastWeek.weekNumber, view.lastWeek.top));
  const numbers = { week: week.number, total: view.totalWeeks };
  const messages = packEmbeds(
    {
      color: colors.brand,
      title: t.t("weekPost.title", { ...numbers, cohort: cohort.name }),
      description: descriptionOf(t, view).join("\n"),
      footer: { text: t.plain("weekPost.footer", { ...numbers, cohort: cohort.name }) },
    },
    fields,
    { continuationTitle: t.plain("weekPost.continued", { week: week.number }) },
  );
  // This week's board goes last, in a message of its own: the scheduler edits it as members log their reading.
  // A cohort whose board is off has none (`leaderboard: off`: no public board).
  const threadName = truncate(t.plain("weekPost.thread", { week: week.number, cohort: cohort.name }), maxThreadName);
  if (!view.board.board.boardOn) return { messages, threadName, livePart: null };
  return { messages: [...messages, renderLiveBoard(t, view.board)], threadName, livePart: messages.length };
}
