import { ButtonStyle, type APIEmbed } from "discord.js";
import { CohortStatus } from "../../domain/cohort/cohortModel.js";
import { MAX_TITLE_CHARACTERS } from "../../domain/curriculum/parse/limits.js";
import { memberDayEnd } from "../../domain/schedule/memberDay.js";
import { tally } from "../../domain/schedule/memberStatus.js";
import { progressBar } from "../../domain/scoring/progressBar.js";
import type { ItemStatus, TodayView } from "../../services/StudyService.js";
import type { Reply } from "../commandTypes.js";
import { amountText, durationText, localDateText } from "../i18n/formatters.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { itemTitle } from "./itemTitle.js";
import { kindLabel } from "./kindLabel.js";
import { renderCourseSummary } from "./renderCourseSummary.js";
import { button, buttonRows, colors, limits, timestamp, truncate } from "./format.js";
import { StreakOwner, streakLine } from "./renderStreak.js";

/** Custom id of the "mark done" buttons: done:<cohortId>:<itemId>. */
export function doneButtonId(cohortId: number, itemId: number): string {
  return `done:${cohortId}:${itemId}`;
}

function itemLine(t: Translator, status: ItemStatus): string {
  if (status.item.minutes === null)
    return t.t("today.itemTopic", {
      mark: markup(status.done ? "✅" : "⬜"),
      title: itemTitle(t, status.item),
      kind: kindLabel(t, status.item),
    });
  return t.t("today.item", {
    mark: markup(status.done ? "✅" : "⬜"),
    title: itemTitle(t, status.item),
    kind: kindLabel(t, status.item),
    minutes: markup(durationText(t, status.item.minutes)),
  });
}

/**
 * What a listed open item's Done buttons mark: the item, or each track of a "choose one" slot; `topic`: the slot has no
 * estimate (a topic of the 36-week path), which Spanish labels "Hecho", not "Hecha" as a reading.
 */
function doneTargets(status: ItemStatus): readonly { readonly id: number; readonly title: string; readonly topic: boolean }[] {
  const topic = status.item.minutes === null;
  return (
    status.item.choice?.map((track) => ({ id: track.id, title: track.track ?? track.title, topic })) ?? [
      { id: status.item.id, title: status.item.title, topic },
    ]
  );
}

/** Done buttons a listed open item takes. */
function buttonsFor(status: ItemStatus): number {
  return doneTargets(status).length;
}

/** Done buttons one reply may carry: 5 rows of 5. */
const maxButtons = limits.buttonsPerRow * limits.rows;

/**
 * The listed overdue items whose Done buttons all fit (a "choose one" slot takes one per track, so a few slots of
 * many tracks would not), in order; those after the first that does not fit join the "…and N more" line.
 */
function overdueWithinButtons(view: TodayView): Pick<TodayView, "overdue" | "overdueMore"> {
  let used = 0;
  const kept = view.overdue.findIndex((status) => (used += buttonsFor(status)) > maxButtons);
  if (kept === -1) return view;
  return { overdue: view.overdue.slice(0, kept), overdueMore: tally(view.overdue.slice(kept), view.overdueMore) };
}

/** Today's lines within the description's share. */
const todayListMax = 3000;

/**
 * Today's items as far as they fit: in `max` characters, and (`buttons` not null) with no more open items than
 * there are Done buttons left, since each open line listed gets one. The rest is one "…and N more" line.
 */
function todayList(t: Translator, items: readonly ItemStatus[], buttons: number | null, max: number): { text: string; open: ItemStatus[] } {
  let text = "";
  const open: ItemStatus[] = [];
  let used = 0;
  for (const [index, status] of items.entries()) {
    const count = items.length - index;
    // Once finished, no line may send the member to /done: the plain "…and N more".
    const more = `\n${buttons === null ? t.t("format.more", { count }) : t.t("today.itemsMore", { count })}`;
    const line = itemLine(t, status);
    const needsButton = buttons !== null && !status.done;
    if ((needsButton && used + buttonsFor(status) > buttons) || text.length + line.length + 1 + more.length > max)
      return { text: `${text}${more}`, open };
    text += `${text === "" ? "" : "\n"}${line}`;
    if (needsButton) {
      open.push(status);
      used += buttonsFor(status);
    }
  }
  return { text, open };
}

/**
 * The lines `render` words, its titles shortened (never the words around them) until the whole fits `max`:
 * every line listed stays whole and a last "…and N more" line is never cut off.
 */
function fitTitles(render: (title: (text: string) => string) => string[], max: number): string {
  let text = render((title) => title).join("\n");
  let cap = MAX_TITLE_CHARACTERS;
  while (text.length > max && cap > 1) {
    // Escapes make a title longer than its characters: shrink in proportion, by one at least.
    cap = Math.max(1, Math.min(cap - 1, Math.floor((cap * max) / text.length)));
    const shortened = cap;
    text = render((title) => truncate(title, shortened)).join("\n");
  }
  return truncate(text, max);
}

function titleOf(t: Translator, view: TodayView): string {
  const week = view.day.weekNumber;
  const phase = week === 0 ? "notStarted" : week > view.totalWeeks ? "finished" : "week";
  return t.t("today.title", { cohort: view.cohort.name, phase, week, day: view.day.dayOfWeekIndex });
}

/**
 * What is left of the day and its total, in one unit: topics when what is left has no minutes (a day without
 * estimates, or one whose estimated items are done: never "0 min", nor "1 topic left of 30 min"), else minutes.
 */
function leftAndTotalText(t: Translator, view: TodayView): { left: string; total: string } {
  const itemsLeft = view.items.filter((status) => !status.done).length;
  if (view.minutesTotal === 0 || (view.minutesLeft === 0 && itemsLeft > 0))
    return { left: t.t("format.topics", { count: itemsLeft }), total: t.t("format.topics", { count: view.items.length }) };
  return { left: durationText(t, view.minutesLeft), total: durationText(t, view.minutesTotal) };
}

/**
 * `/today` in the member's own plan: today's items, at most 5 overdue (oldest
 * first) then "…and N more: `/pace`", the streak, and a Done button for
 * exactly the items listed.
 */
export function renderToday(t: Translator, asServed: TodayView): Reply {
  if (asServed.courseSummary !== null) return renderCourseSummary(t, asServed.cohort, asServed.courseSummary);
  // An ended cohort offers no button: its overdue list stays as served.
  const view = asServed.cohort.status === CohortStatus.Ended ? asServed : { ...asServed, ...overdueWithinButtons(asServed) };
  const { cohort } = view;
  const embed: APIEmbed = { color: colors.brand, title: truncate(titleOf(t, view), limits.title), fields: [] };
  const description: string[] = [
    t.t("today.date", { date: localDateText(t, view.today), own: view.ownZone ? "yes" : "no", zone: markup(view.zone) }),
  ];
  // An ended cohort refuses completions and pace changes: no line may send the member to /pace or /done.
  const ended = cohort.status === CohortStatus.Ended;
  // A personal break moves no reading: items due on it stay due, so only an empty day off says none is expected.
  const readingLeft = !ended && view.items.some((status) => !status.done);
  // Nor to a streak: it takes no reading, so a streak could only run out.
  if (view.dayOff && !ended) description.push(t.t(readingLeft ? "today.dayOffWithReading" : "today.dayOff"));
  // Buttons for exactly what is listed (5 rows of 5): the listed overdue ones first take theirs, today's the rest.
  const buttonsLeft = maxButtons - view.overdue.reduce((sum, status) => sum + buttonsFor(status), 0);
  const listed = todayList(t, view.items, ended ? null : buttonsLeft, todayListMax);
  if (view.items.length === 0) {
    description.push(
      view.nextStudyDate === null ? t.t("today.nothingNoMore") : t.t("today.nothingNext", { date: localDateText(t, view.nextStudyDate) }),
    );
  } else {
    // An ended cohort takes no more completions: nothing is due by a time, or left to do, there.
    const amounts = leftAndTotalText(t, view);
    description.push(
      ended
        ? t.t("today.plannedEnded", { total: amounts.total })
        : t.t("today.due", { due: markup(timestamp(memberDayEnd(view.today, view.zone), "f")), ...amounts }),
      "",
      listed.text,
    );
  }
  if (!ended) description.push("", streakLine(t, view.streak, StreakOwner.Own));
  if (view.backlog.items > 0)
    description.push(
      // Topics without estimates (the 36-week path) read as a count, never "(0 min)".
      t.t(ended ? "today.backlogEnded" : "today.backlog", {
        count: view.backlog.items,
        returned: view.backlogBeforeReturn ? "yes" : "no",
        timed: view.backlog.minutes > 0 ? "yes" : "no",
        minutes: durationText(t, view.backlog.minutes),
      }),
    );
  if (view.optionalBacklog.items > 0 && view.optionalFrom !== null)
    description.push(
      t.t(ended ? "today.optionalBacklogEnded" : "today.optionalBacklog", {
        day: localDateText(t, view.optionalFrom),
        count: view.optionalBacklog.items,
        timed: view.optionalBacklog.minutes > 0 ? "yes" : "no",
        minutes: durationText(t, view.optionalBacklog.minutes),
      }),
    );
  if (cohort.status === CohortStatus.Paused) description.push("", t.t("today.paused"));
  if (view.afterCourse) description.push("", t.t("today.afterCourse"));
  // Said beforehand, as the summary says it to a member whose own last day is over first (a zone ahead).
  if (view.countsUntil !== null)
    description.push(
      "",
      t.t("summary.lateBeforeCourseEnd", {
        at: markup(timestamp(view.countsUntil, "f")),
        relative: markup(timestamp(view.countsUntil, "R")),
      }),
    );
  // Say why, and offer no Done button that would only be refused.
  if (ended) description.push("", t.t(view.endedEarly ? "today.ended" : "today.finished"));
  embed.description = truncate(description.join("\n"), limits.description);
  const fields: NonNullable<APIEmbed["fields"]> = [];
  if (view.overdue.length > 0) fields.push(overdueField(t, view));
  if (view.week !== null) {
    fields.push({
      name: t.plain("today.weekProgress", { week: view.week.weekNumber }),
      value: t.t("today.weekProgressValue", {
        bar: markup(progressBar(view.week.done, view.week.total)),
        done: view.week.done,
        total: view.week.total,
        timed: view.week.timed ? "yes" : "no",
      }),
    });
  }
  embed.fields = fields;
  // Today's open items listed, then the listed overdue ones: no more than 25 (see buttonsLeft).
  const open = ended ? [] : [...listed.open, ...view.overdue];
  const buttons = open
    // A "choose one" slot has a button per track: the member marks the one they read.
    .flatMap(doneTargets)
    .slice(0, maxButtons)
    .map((item) =>
      button(
        doneButtonId(cohort.id, item.id),
        t.plain(item.topic ? "today.doneButtonTopic" : "today.doneButton", { title: item.title }),
        ButtonStyle.Success,
      ),
    );
  return { embeds: [embed], components: buttonRows(buttons), ephemeral: true };
}

function overdueField(t: Translator, view: TodayView): NonNullable<APIEmbed["fields"]>[number] {
  // Five 200-character titles overflow the field: they are shortened, so the pointer to /pace always shows.
  const lines = (title: (text: string) => string): string[] => {
    // A "choose one" slot's wording (its track names) is short and not shortened.
    const titled = (item: ItemStatus["item"]) => (item.choice === undefined ? title(item.title) : itemTitle(t, item));
    const listed = view.overdue.map((status) => {
      const date = status.assignedDate === null ? "?" : localDateText(t, status.assignedDate);
      // Paths without estimates read as topics, not as "no time estimate".
      return status.item.minutes === null
        ? t.t("today.overdueItemTopic", { title: titled(status.item), date })
        : t.t("today.overdueItem", { title: titled(status.item), minutes: durationText(t, status.item.minutes), date });
    });
    if (view.overdueMore.items > 0)
      listed.push(
        t.t(view.cohort.status === CohortStatus.Ended ? "today.overdueMoreEnded" : "today.overdueMore", {
          count: view.overdueMore.items,
          minutes: amountText(t, view.overdueMore.minutes, view.overdueMore.items),
        }),
      );
    return listed;
  };
  const total = view.overdueTotal;
  // An ended cohort takes no more completions: what was not done is no longer overdue.
  const ended = view.cohort.status === CohortStatus.Ended;
  return {
    name:
      total.minutes === 0
        ? t.plain(ended ? "today.overdueEndedTopics" : "today.overdueTopics", { count: total.items })
        : t.plain(ended ? "today.overdueEndedName" : "today.overdueName", { count: total.items, minutes: durationText(t, total.minutes) }),
    value: fitTitles(lines, limits.fieldValue),
  };
}
