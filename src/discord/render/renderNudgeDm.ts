import type { Cohort } from "../../domain/cohort/cohortModel.js";
import type { PostMessage } from "../../services/PostRenderer.js";
import { colors, limits, truncate } from "./format.js";
import { cohortTranslator } from "../i18n/Translator.js";
import { directMessageLanguage } from "../i18n/languages.js";

/** The Nudge DM: a friendly word from the cohort's facilitators, in the member's language (never a ping). */
export function renderNudgeDm(cohort: Cohort, memberLocale: string | null): PostMessage {
  const t = cohortTranslator(directMessageLanguage(memberLocale, cohort.language));
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
