import type { Cohort } from "../../domain/cohort/cohortModel.js";
import type { PostMessage } from "../../services/PostRenderer.js";
import { colors, limits, truncate } from "./format.js";
import { checkpointTitles } from "./checkpointTitles.js";
import { cohortTranslator, markup } from "../i18n/Translator.js";
import { directMessageLanguage } from "../i18n/languages.js";

/**
 * The Nudge DM: a friendly word from the cohort's facilitators, in the member's language (never a ping), naming the
 * checkpoints posted last that they have not answered.
 */
export function renderNudgeDm(cohort: Cohort, memberLocale: string | null, unansweredCheckpoints: readonly string[]): PostMessage {
  const t = cohortTranslator(directMessageLanguage(memberLocale, cohort.language));
  const body = t.t("nudgeDm.body", { cohort: cohort.name });
  const checkpoints =
    unansweredCheckpoints.length === 0
      ? []
      : [
          t.t("nudgeDm.checkpoints", {
            count: unansweredCheckpoints.length,
            checkpoints: markup(checkpointTitles(t, unansweredCheckpoints)),
          }),
        ];
  return {
    embeds: [
      {
        color: colors.brand,
        title: truncate(t.t("nudgeDm.title", { cohort: cohort.name }), limits.title),
        description: [body, ...checkpoints].join("\n\n"),
        footer: { text: truncate(t.plainUser(cohort.name), limits.footer) },
      },
    ],
  };
}
