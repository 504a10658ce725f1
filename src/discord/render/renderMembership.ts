import type { Cohort, JoinOutcome } from "../../domain/cohort/cohortModel.js";
import type { Reply } from "../commandTypes.js";
import type { MessageKey } from "../i18n/locales/en.js";
import type { Translator } from "../i18n/Translator.js";
import { colors } from "./format.js";

const joinKeys: Record<JoinOutcome, MessageKey> = { already: "join.already", rejoined: "join.rejoined", joined: "join.joined" };

export function renderJoin(t: Translator, result: { cohort: Cohort; outcome: JoinOutcome }): Reply {
  return { embeds: [{ color: colors.success, description: t.t(joinKeys[result.outcome], { name: result.cohort.name }) }], ephemeral: true };
}

export function renderLeave(t: Translator, result: { cohort: Cohort; left: boolean }): Reply {
  return {
    embeds: [{ color: colors.neutral, description: t.t(result.left ? "leave.left" : "leave.notMember", { name: result.cohort.name }) }],
    ephemeral: true,
  };
}
