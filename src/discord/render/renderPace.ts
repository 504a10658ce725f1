import { ButtonStyle, type APIEmbed } from "discord.js";
import { CohortStatus } from "../../domain/cohort/cohortModel.js";
import { PaceMode, type CatchUpView, type PaceChangeView, type PaceView } from "../../services/MemberPlanService.js";
import type { ItemTally } from "../../domain/schedule/memberStatus.js";
import type { Reply } from "../commandTypes.js";
import { durationText, localDateText } from "../i18n/formatters.js";
import type { MessageKey } from "../i18n/locales/en.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { button, buttonRows, colors, limits, truncate } from "./format.js";

/** Custom id of the `/pace` buttons: pace:<cohortId>:<mode>, and :<days> for *Catch up* (the `days` the reply offered). */
export function paceButtonId(cohortId: number, mode: PaceMode, catchUpDays: number): string {
  return mode === PaceMode.CatchUp ? `pace:${cohortId}:${mode}:${catchUpDays}` : `pace:${cohortId}:${mode}`;
}

const buttonLabels: Record<PaceMode, MessageKey> = {
  catch_up: "pace.catchUpButton",
  extend: "pace.extendButton",
  reset: "pace.resetButton",
};

/** Each mode's sentence in `/pace`'s help, shown only with its button. */
const helpLines: Record<PaceMode, MessageKey> = {
  catch_up: "pace.helpCatchUp",
  extend: "pace.helpExtend",
  reset: "pace.helpReset",
};

/** The modes `/pace` offers while the course runs: *Catch up* only with a backlog to spread. */
function offeredModes(view: PaceView): PaceMode[] {
  return [
    ...(view.backlog.items > 0 ? [PaceMode.CatchUp] : []),
    ...(view.canExtend ? [PaceMode.Extend] : []),
    ...(view.canReset ? [PaceMode.Reset] : []),
  ];
}

/** The "(2 h)" after a count of items: left out for topics without estimates (the 36-week path), never "(0 min)". */
function minutesOf(t: Translator, tally: ItemTally): { timed: "yes" | "no"; minutes: string } {
  return { timed: tally.minutes > 0 ? "yes" : "no", minutes: durationText(t, tally.minutes) };
}

/** `/pace` without a mode: behind or ahead of the cohort, what a catch-up would take, and a button per mode. */
export function renderPace(t: Translator, view: PaceView): Reply {
  const { pace } = view;
  const lines: string[] = [];
  if (pace.behind.items > 0) lines.push(t.t("pace.behind", { count: pace.behind.items, ...minutesOf(t, pace.behind) }));
  if (pace.ahead.items > 0) lines.push(t.t("pace.ahead", { count: pace.ahead.items, ...minutesOf(t, pace.ahead) }));
  if (lines.length === 0) lines.push(t.t("pace.onTrack"));
  // After the course there is nothing left to catch up on: the backlog is not offered.
  if (view.backlog.items > 0 && !view.courseOver)
    lines.push(
      t.t("pace.backlog", {
        count: view.backlog.items,
        ...minutesOf(t, view.backlog),
        preJoin: view.preJoinBacklog.items,
        returned: view.backlogBeforeReturn ? "yes" : "no",
        optional: view.optionalBacklog.items,
        day: view.optionalFrom === null ? "" : localDateText(t, view.optionalFrom),
      }),
    );
  if (view.extraWeeks > 0) lines.push(t.t("pace.extended", { weeks: view.extraWeeks, max: view.maxExtraWeeks }));
  // After the course, or in an ended cohort, no mode applies: no help for them and no buttons that would only be refused.
  const ended = view.cohort.status === CohortStatus.Ended;
  const modes = view.courseOver || ended ? [] : offeredModes(view);
  // Ended first: an ended cohort takes no more reading, so the course-over words ("still counts") would mislead.
  if (ended) lines.push("", t.t(view.endedEarly ? "pace.ended" : "pace.finished"));
  else if (view.courseOver) lines.push("", t.t("pace.courseOver", { name: view.cohort.name }));
  else if (modes.length > 0) lines.push("", modes.map((mode) => t.t(helpLines[mode], { days: view.catchUpDays })).join(" "));
  const embed: APIEmbed = {
    color: colors.brand,
    title: truncate(t.t("pace.title", { cohort: view.cohort.name }), limits.title),
    description: truncate(lines.join("\n"), limits.description),
  };
  const buttons = modes.map((mode) =>
    button(
      paceButtonId(view.cohort.id, mode, view.catchUpDays),
      t.plain(buttonLabels[mode]),
      mode === PaceMode.Reset ? ButtonStyle.Secondary : ButtonStyle.Primary,
    ),
  );
  return { embeds: [embed], components: buttonRows(buttons), ephemeral: true };
}

/** Dates as a list in the reader's language, each bold: "**Fri, 8 Jan 2027** and **Tue, 12 Jan 2027**". */
function boldDates(t: Translator, dates: readonly string[]): string {
  return new Intl.ListFormat(t.locale, { type: "conjunction" })
    .formatToParts(dates.map((date) => localDateText(t, date)))
    .map((part) => (part.type === "element" ? `**${part.value}**` : part.value))
    .join("");
}

/**
 * Why a catch-up's days are what they are, true of the plan as it is: the days an item longer than the cap takes
 * alone (they carry more than it), then why it runs on past the days asked for — the cap on the other days, or
 * only those items taking a day each.
 */
function catchUpDaysLines(t: Translator, catchUp: CatchUpView): string[] {
  // Named only where the path has estimates: the minutes assumed per unestimated item are shown nowhere else.
  const timed = catchUp.timed ? "yes" : "no";
  const cap = durationText(t, Math.round(catchUp.cap));
  const heavy = catchUp.oversizedDates.length;
  // Without estimates every item weighs the same, so past the cap they all are: one a day, whatever the dates.
  if (!catchUp.timed && heavy > 0) {
    return [t.t("pace.catchUpTopicADay", { pastWindow: catchUp.pastWindow ? "yes" : "no", days: catchUp.windowDays })];
  }
  const lines: string[] = [];
  if (heavy > 0) lines.push(t.t("pace.catchUpHeavy", { count: heavy, dates: markup(boldDates(t, catchUp.oversizedDates)), timed, cap }));
  if (catchUp.pastWindow) {
    const cause = !catchUp.stretchedByCap ? "oversized" : heavy > 0 ? "mixed" : "cap";
    lines.push(t.t("pace.catchUpLonger", { days: catchUp.windowDays, cause, count: heavy, timed, cap }));
  }
  return lines;
}

/** What a `/pace` change did. */
export function renderPaceChange(t: Translator, view: PaceChangeView): Reply {
  const catchUpLines = view.catchUp === null ? [] : catchUpDaysLines(t, view.catchUp);
  const sentences =
    view.mode === PaceMode.CatchUp
      ? [
          t.t("pace.caughtUp", {
            count: view.moved.items,
            ...minutesOf(t, view.moved),
            date: view.catchUpUntil === null ? "?" : localDateText(t, view.catchUpUntil),
          }),
          ...catchUpLines,
          t.t("pace.catchUpShares"),
        ]
      : view.mode === PaceMode.Extend
        ? [
            t.t("pace.extendedNow", { weeks: view.extraWeeks, max: view.maxExtraWeeks }),
            ...(view.catchUp === null ? [] : [t.t("pace.catchUpMoved", { date: localDateText(t, view.catchUp.until) }), ...catchUpLines]),
            // An extension leaves reading due over a week ago before today: say so, and what spreads it.
            ...(view.stillOverdue === null || view.stillOverdue.items === 0
              ? []
              : [t.t("pace.extendStillOverdue", { count: view.stillOverdue.items, ...minutesOf(t, view.stillOverdue) })]),
          ]
        : [t.t("pace.resetNow")];
  const text = sentences.join(" ");
  const embed: APIEmbed = {
    color: colors.success,
    title: truncate(t.t("pace.changedTitle", { cohort: view.cohort.name }), limits.title),
    description: truncate(text, limits.description),
  };
  return { embeds: [embed], components: [], ephemeral: true };
}
