import type { Cohort } from "../../domain/cohort/cohortModel.js";
import type { JoinOutcome } from "../../db/repositories/MemberRepository.js";
import type { Reply } from "../commandTypes.js";
import { colors, escapeText } from "./format.js";

export function renderJoin(result: { cohort: Cohort; outcome: JoinOutcome }): Reply {
  const name = escapeText(result.cohort.name);
  const text =
    result.outcome === "already"
      ? `You're already a member of **${name}**.`
      : result.outcome === "rejoined"
        ? `Welcome back to **${name}**! Your earlier progress is still here. Run \`/today\` to see today's reading.`
        : `Welcome to **${name}**! Run \`/today\` to see today's reading, and \`/done\` to log what you finish.`;
  return { embeds: [{ color: colors.success, description: text }], ephemeral: true };
}

export function renderLeave(result: { cohort: Cohort; left: boolean }): Reply {
  const name = escapeText(result.cohort.name);
  return {
    embeds: [
      {
        color: colors.neutral,
        description: result.left
          ? `You left **${name}**. Your history is kept; \`/join\` again any time to pick up where you were.`
          : `You're not a member of **${name}**, so there was nothing to leave.`,
      },
    ],
    ephemeral: true,
  };
}
