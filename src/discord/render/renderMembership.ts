import { ButtonStyle } from "discord.js";
import type { Cohort, JoinOutcome } from "../../domain/cohort/cohortModel.js";
import { CATCH_UP_DAYS } from "../../domain/schedule/catchUpSpread.js";
import type { JoinView } from "../../services/CohortService.js";
import { LateJoinChoice, type LateJoinStartView } from "../../services/MemberPlanService.js";
import type { Reply } from "../commandTypes.js";
import type { MessageKey } from "../i18n/locales/en.js";
import { markup, type Translator } from "../i18n/Translator.js";
import { button, buttonRows, colors } from "./format.js";
import { memberName } from "./standingLines.js";

const joinKeys: Record<JoinOutcome, MessageKey> = { already: "join.already", rejoined: "join.rejoined", joined: "join.joined" };

/** Custom id of the late joiner's buttons: latejoin:<cohortId>:<choice>. */
export function lateJoinButtonId(cohortId: number, choice: LateJoinChoice): string {
  return `latejoin:${cohortId}:${choice}`;
}

/** The welcome; a late joiner (after week 1) also gets *Start from this week* (the default) and *Catch up*. */
export function renderJoin(t: Translator, result: JoinView): Reply {
  const lines = [t.t(joinKeys[result.outcome], { name: result.cohort.name })];
  // Already a member under another name: the boards now show the one they have (unless they show an alias, or not them).
  if (result.renamed !== null)
    lines.push(t.t(result.renamed.onBoards ? "join.renamed" : "join.renamedOffBoards", { name: memberName(t, result.renamed.name) }));
  if (result.reminderBack !== null)
    // The time and zone the bot stored and checked (as /remind words them), not user text.
    lines.push(t.t("join.reminderBack", { time: markup(result.reminderBack.time), zone: markup(result.reminderBack.timeZone) }));
  const welcome = lines.join("\n");
  if (!result.lateJoin) return { embeds: [{ color: colors.success, description: welcome }], ephemeral: true };
  return {
    // Its *Catch up* spreads over the default days, as `/pace`'s does: named here, as its reply may name them again.
    embeds: [{ color: colors.success, description: `${welcome}\n\n${t.t("join.late", { days: CATCH_UP_DAYS.default })}` }],
    components: buttonRows([
      button(lateJoinButtonId(result.cohort.id, LateJoinChoice.FromThisWeek), t.plain("join.startButton"), ButtonStyle.Primary),
      button(lateJoinButtonId(result.cohort.id, LateJoinChoice.CatchUp), t.plain("join.catchUpButton"), ButtonStyle.Secondary),
    ]),
    ephemeral: true,
  };
}

/** *Start from this week* clicked: nothing changes, it is the default (or a catch-up made since stays). */
export function renderLateJoinStart(t: Translator, view: LateJoinStartView): Reply {
  const description = view.alreadyCaughtUp
    ? t.t("join.startAfterCatchUp", { reset: view.canReset ? "yes" : "no" })
    : t.t("join.startChosen");
  return { embeds: [{ color: colors.success, description }], components: [], ephemeral: true };
}

const leftKeys: Record<"ended" | "finished", MessageKey> = { ended: "leave.leftEnded", finished: "leave.leftFinished" };

/** Left (once the course is over: history kept, and no `/join` back), or not a member. */
export function renderLeave(t: Translator, result: { cohort: Cohort; left: boolean; over: "ended" | "finished" | null }): Reply {
  const key = !result.left ? "leave.notMember" : result.over === null ? "leave.left" : leftKeys[result.over];
  return {
    embeds: [{ color: colors.neutral, description: t.t(key, { name: result.cohort.name }) }],
    ephemeral: true,
  };
}
