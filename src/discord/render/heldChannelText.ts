import { CohortStatus, type Cohort } from "../../domain/cohort/cohortModel.js";
import type { HeldChannel } from "../../services/CohortInfoService.js";
import { channelMention } from "../i18n/mentions.js";
import { permissionList } from "../i18n/renderUserError.js";
import { markup, type Translator } from "../i18n/Translator.js";

/**
 * Why the cohort's posts are on hold, as /cohort info and /cohort preview say it: the bot can post in the channel
 * again (they go out within minutes, or once resumed), the permissions it lacks there, else the flag's own sentence.
 */
export function heldChannelText(t: Translator, cohort: Cohort, held: HeldChannel): string {
  const channel = channelMention(cohort);
  if (held.usableAgain)
    return t.t("cohortAdmin.channelUsableAgain", { channel, paused: cohort.status === CohortStatus.Paused ? "yes" : "no" });
  if (held.missing.length > 0)
    return t.t("cohortAdmin.heldForPermissions", {
      channel,
      permissions: markup(permissionList(t, held.missing)),
      count: held.missing.length,
    });
  return t.t("posts.channelProblem", { problem: markup(held.problem), channel });
}
