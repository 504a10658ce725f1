import type { Translator } from "../i18n/Translator.js";
import { truncate } from "./format.js";

/** At most this many checkpoint titles in one sentence (a Nudge's answer, its DM); the rest are counted. */
export const maxCheckpointTitles = 3;
/** A longer section title is shortened: a sentence naming a few stays well within any Discord limit. */
const maxCheckpointTitleLength = 80;

/**
 * Section titles as one bounded, Markdown-safe list: the first few in bold, each shortened, then "…and N more".
 * Shortened before the Translator escapes them, so no escape is ever cut in half.
 */
export function checkpointTitles(t: Translator, titles: readonly string[]): string {
  const shown = titles
    .slice(0, maxCheckpointTitles)
    .map((title) => t.t("nudge.checkpointTitle", { title: truncate(title, maxCheckpointTitleLength) }))
    .join(t.t("nudge.checkpointSeparator"));
  const hidden = titles.length - maxCheckpointTitles;
  return hidden > 0 ? `${shown} ${t.t("format.more", { count: hidden })}` : shown;
}
