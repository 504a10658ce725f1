import { ButtonStyle, type APIEmbed } from "discord.js";
import { CohortStatus } from "../../domain/cohort/cohortModel.js";
import { memberDayEnd } from "../../domain/schedule/memberDay.js";
import { progressBar } from "../../domain/scoring/progressBar.js";
import type { ItemStatus, TodayView } from "../../services/StudyService.js";
import type { Reply } from "../commandTypes.js";
import { amountText, durationText, localDateText } from "../i18n/formatters.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { renderCourseSummary } from "./renderCourseSummary.js";
import { button, buttonRows, colors, limits, timestamp, truncate } from "./format.js";
import { streakLine } from "./renderStreak.js";

/** Custom id of the "mark done" buttons: done:<cohortId>:<itemId>. */
export function doneButtonId(cohortId: number, itemId: number): string {
  return `done:${cohortId}:${itemId}`;
}

function itemLine(t: Translator, status: ItemStatus): string {
  if (status.item.minutes === null)
    return t.t("today.itemTopic", {
      mark: markup(status.done ? "✅" : "⬜"),
      title: status.item.title,
      kind: markup(t.t(`kind.${status.item.kind}`)),
    });
  return t.t("today.item", {
    mark: markup(status.done ? "✅" : "⬜"),
    title: status.item.title,
    kind: markup(t.t(`kind.${status.item.kind}`)),
    minutes: markup(durationText(t, status.item.minutes)),
  });
}

function listLines(t: Translator, lines: readonly string[], max: number): string {
  let text = "";
  for (const [index, line] of lines.entries()) {
    const more = `\n${t.t("format.more", { count: lines.length - index })}`;
    if (text.length + line.length + 1 + more.length > max) return `${text}${more}`;
    text += `${text === "" ? "" : "\n"}${line}`;
  }
  return text;
}

function titleOf(t: Translator, view: TodayView): string {
  const week = view.day.weekNumber;
  const phase = week === 0 ? "notStarted" : week > view.totalWeeks ? "finished" : "week";
  return t.t("today.title", { cohort: view.cohort.name, phase, week, day: view.day.dayOfWeekIndex });
}

/**
 * `/today` in the member's own plan: today's items, at most 5 overdue (oldest
 * first) then "…and N more: `/pace`", the streak, and a Done button for
 * exactly the items listed.
 */
export function renderToday(t: Translator, view: TodayView): Reply {
  if (view.courseSummary !== null) return renderCourseSummary(t, view.cohort, view.courseSummary);
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
  if (view.items.length === 0) {
    description.push(
      view.nextStudyDate === null ? t.t("today.nothingNoMore") : t.t("today.nothingNext", { date: localDateText(t, view.nextStudyDate) }),
    );
  } else {
    description.push(
      t.t("today.due", {
        due: markup(timestamp(memberDayEnd(view.today, view.zone), "f")),
        left: amountText(t, view.minutesLeft, view.items.filter((status) => !status.done).length),
        total: amountText(t, view.minutesTotal, view.items.length),
      }),
      "",
      listLines(
        t,
        view.items.map((status) => itemLine(t, status)),
        3000,
      ),
    );
  }
  if (!ended) description.push("", streakLine(t, view.streak));
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
      }),
    });
  }
  embed.fields = fields;
  // Buttons for exactly what is listed: today's open items, then the listed overdue ones.
  const open = ended ? [] : [...view.items.filter((status) => !status.done), ...view.overdue];
  const buttons = open
    .slice(0, limits.buttonsPerRow * limits.rows)
    .map((status) =>
      button(doneButtonId(cohort.id, status.item.id), t.plain("today.doneButton", { title: status.item.title }), ButtonStyle.Success),
    );
  return { embeds: [embed], components: buttonRows(buttons), ephemeral: true };
}

function overdueField(t: Translator, view: TodayView): NonNullable<APIEmbed["fields"]>[number] {
  const lines = view.overdue.map((status) => {
    const date = status.assignedDate === null ? "?" : localDateText(t, status.assignedDate);
    // Paths without estimates read as topics, not as "no time estimate".
    return status.item.minutes === null
      ? t.t("today.overdueItemTopic", { title: status.item.title, date })
      : t.t("today.overdueItem", { title: status.item.title, minutes: durationText(t, status.item.minutes), date });
  });
  if (view.overdueMore.items > 0)
    lines.push(
      t.t(view.cohort.status === CohortStatus.Ended ? "today.overdueMoreEnded" : "today.overdueMore", {
        count: view.overdueMore.items,
        minutes: amountText(t, view.overdueMore.minutes, view.overdueMore.items),
      }),
    );
  const total = view.overdueTotal;
  return {
    name:
      total.minutes === 0
        ? t.plain("today.overdueTopics", { count: total.items })
        : t.plain("today.overdueName", { count: total.items, minutes: durationText(t, total.minutes) }),
    value: truncate(lines.join("\n"), limits.fieldValue),
  };
}
