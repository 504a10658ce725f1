import type { APIEmbed } from "discord.js";
import type { PostMessage } from "../../services/PostRenderer.js";
import type { PostedBoardView } from "../../services/PostService.js";
import { languageCodes } from "../i18n/languages.js";
import { translatorFor, type Translator } from "../i18n/Translator.js";
import { limits, truncate } from "./format.js";
import { finalBoardText } from "./renderClosingPost.js";
import { lastWeekTopField } from "./renderWeekPost.js";

/** The part's name and its value now, as `t`'s language words them. */
function partIn(t: Translator, view: PostedBoardView): { name: string; value: string } {
  if (view.kind === "weekTop") {
    const field = lastWeekTopField(t, view.weekNumber, view.top);
    return { name: field.name, value: view.boardOn ? field.value : t.t("liveBoard.off") };
  }
  return { name: t.plain("closingPost.finalName"), value: view.boardOn ? finalBoardText(t, view) : t.t("liveBoard.off") };
}

/**
 * A message already posted with its board part (`view`) as it is to show now, everything else as it is:
 * the part is found by its name in any shipped language (the cohort's language may have changed since) and
 * worded in that one. Null when the message has no such part, or it already shows this (nothing to edit).
 */
export function renderPostedBoard(message: PostMessage, view: PostedBoardView): PostMessage | null {
  for (const language of languageCodes) {
    const t = translatorFor(language);
    const part = partIn(t, view);
    const name = truncate(part.name, limits.fieldName);
    const at = message.embeds.findIndex((embed) => (embed.fields ?? []).some((field) => field.name === name));
    if (at < 0) continue;
    const value = truncate(part.value, limits.fieldValue);
    const embed = message.embeds[at] as APIEmbed;
    if ((embed.fields ?? []).every((field) => field.name !== name || field.value === value)) return null;
    const edited: APIEmbed = { ...embed, fields: (embed.fields ?? []).map((field) => (field.name === name ? { ...field, value } : field)) };
    return { embeds: message.embeds.map((other, index) => (index === at ? edited : other)) };
  }
  return null;
}
