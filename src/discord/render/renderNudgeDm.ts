import type { Cohort } from "../../domain/cohort/cohortModel.js";
import type { PostMessage } from "../../services/PostRenderer.js";
import { colors, limits, truncate } from "./format.js";
import { cohortTranslator } from "../i18n/Translator.js";

/** The Nudge DM: a friendly word from the cohort's facilitators, in the cohort's language (never a ping). */
export function renderNudgeDm(cohort: Cohort, language: string): PostMessage {
  const t = cohortTranslator(language);
  return {
    embeds: [
      {
        color: colors.brand,
        title: truncate(t.t("nudgeDm.title", { cohort: cohort.name }), limits.title),
        description: t.t("nudgeDm.body", { cohort: cohort.name }),
        footer: { text: truncate(t.plainUser(cohort.name), limits.footer) },
      },
    ],
  };
}
