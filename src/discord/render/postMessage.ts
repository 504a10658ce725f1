import type { APIEmbed, APIEmbedField } from "discord.js";
import type { PostMessage } from "../../services/PostRenderer.js";
import { embedLength } from "./fitLines.js";
import { limits, truncate } from "./format.js";

export type { PostMessage, RenderedPost } from "../../services/PostRenderer.js";

/** Room kept below Discord's 6,000-character message total, for the footer and rounding. */
const safetyMargin = 100;

/**
 * Lays out an embed with any number of fields within Discord's limits: at
 * most 25 fields and 6,000 characters per message. What does not fit goes on
 * into further messages titled `continuationTitle`, so a long week is split,
 * never refused. The footer goes on the last embed, `components` on the last
 * message.
 */
export function packEmbeds(
  head: APIEmbed,
  fields: readonly APIEmbedField[],
  options: { readonly continuationTitle: string; readonly components?: PostMessage["components"] },
): PostMessage[] {
  const footer = head.footer === undefined ? undefined : { ...head.footer, text: truncate(head.footer.text, limits.footer) };
  const budget = limits.embedTotal - safetyMargin - (footer?.text.length ?? 0);
  const first: APIEmbed = {
    ...head,
    ...(head.title === undefined ? {} : { title: truncate(head.title, limits.title) }),
    ...(head.description === undefined ? {} : { description: truncate(head.description, limits.description) }),
    fields: [],
  };
  delete first.footer;
  const embeds: APIEmbed[] = [first];
  let current = first;
  for (const raw of fields) {
    const field: APIEmbedField = {
      name: truncate(raw.name, limits.fieldName),
      value: truncate(raw.value, limits.fieldValue),
      ...(raw.inline === undefined ? {} : { inline: raw.inline }),
    };
    const currentFields = current.fields ?? [];
    if (currentFields.length >= limits.fields || embedLength(current) + field.name.length + field.value.length > budget) {
      current = {
        ...(head.color === undefined ? {} : { color: head.color }),
        title: truncate(options.continuationTitle, limits.title),
        fields: [],
      };
      embeds.push(current);
    }
    (current.fields ?? []).push(field);
  }
  const last = embeds.at(-1);
  if (last !== undefined && footer !== undefined) last.footer = footer;
  return embeds.map((embed, index) => ({
    embeds: [embed],
    ...(index === embeds.length - 1 && options.components !== undefined && options.components.length > 0
      ? { components: options.components }
      : {}),
  }));
}

/** Splits lines into chunks of at most `max` characters each (a longer single line is cut). */
export function chunkLines(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = truncate(raw, max);
    if (current !== "" && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = "";
    }
    current = current === "" ? line : `${current}\n${line}`;
  }
  if (current !== "") chunks.push(current);
  return chunks;
}
