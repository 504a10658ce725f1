import { createHash } from "node:crypto";

/** The parts of a message the fingerprint reads: what we send, and what Discord returns when the channel is listed. */
export interface FingerprintSource {
  readonly content?: string | undefined;
  readonly embeds?: readonly EmbedLike[] | undefined;
  readonly components?: readonly unknown[] | undefined;
}

interface EmbedLike {
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  readonly url?: string | undefined;
  readonly author?: { readonly name?: string | undefined } | undefined;
  readonly footer?: { readonly text?: string | undefined } | undefined;
  readonly fields?: readonly { readonly name?: string | undefined; readonly value?: string | undefined }[] | undefined;
}

const text = (value: string | undefined): string => (value ?? "").trim();

/** Every custom_id of a component tree, in order (Discord adds its own numeric ids and defaults, so nothing else is compared). */
function customIds(components: readonly unknown[] | undefined): string[] {
  const ids: string[] = [];
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    const record = node as { custom_id?: unknown; components?: unknown };
    if (typeof record.custom_id === "string") ids.push(record.custom_id);
    if (Array.isArray(record.components)) for (const child of record.components) visit(child);
  };
  for (const component of components ?? []) visit(component);
  return ids;
}

/**
 * A digest of what a member sees in a message (text of the content and
 * embeds, button ids), the same for the body we send and the message object
 * Discord returns later. Discord does not return a message's nonce when a
 * channel is listed, so this is how the scheduler recognises a post of its own
 * that Discord stored while the process that sent it died.
 */
export function messageFingerprint(message: FingerprintSource): string {
  const embeds = (message.embeds ?? []).map((embed) => [
    text(embed.title),
    text(embed.description),
    text(embed.url),
    text(embed.author?.name),
    text(embed.footer?.text),
    (embed.fields ?? []).map((field) => [text(field.name), text(field.value)]),
  ]);
  const digest = createHash("sha256").update(JSON.stringify([text(message.content), embeds, customIds(message.components)]));
  return digest.digest("hex").slice(0, 32);
}
