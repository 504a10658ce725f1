import { MessageFlags, MessagePayload, type Interaction, type InteractionReplyOptions } from "discord.js";
import type { Reply } from "./commandTypes.js";

/** discord.js's JSONEncodable, structurally: a value it sends as `toJSON()` returns it. */
interface Encoded<T> {
  toJSON(): T;
}

/**
 * Renderers build API JSON already. Wrapped, discord.js sends it as it is; a plain object would be
 * copied key by key through its camelCase → snake_case transformer first (a recursive walk per
 * reply that changes nothing: every key is snake_case already, and no button names its emoji as text).
 */
function encoded<T>(json: T): Encoded<T> {
  return { toJSON: () => json };
}

/** A handler's Reply as discord.js's reply/edit/follow-up options; `flags` only for a private reply. */
export function replyOptions(reply: Reply): InteractionReplyOptions & { flags?: number } {
  return {
    content: reply.content ?? "",
    embeds: reply.embeds === undefined ? [] : reply.embeds.map(encoded),
    components: reply.components === undefined ? [] : reply.components.map(encoded),
    ...(reply.files === undefined
      ? {}
      : {
          files: reply.files.map((file) => ({
            attachment: file.data,
            name: file.name,
            ...(file.description === undefined ? {} : { description: file.description }),
          })),
        }),
    allowedMentions: { parse: [] },
    ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/**
 * A Reply as the message body discord.js would build from `replyOptions(reply)`, built here, for
 * `interaction.reply` and `interaction.update`. Why: discord.js's MessagePayload.resolveBody finds out
 * what it is sending to with four require() calls per message, each a module path resolution (about
 * 10 µs a reply, on every reply). Same body, key for key (test/unit/replyPayload.test.ts compares
 * them). A reply with files is left for discord.js to resolve (it reads and uploads them), as is
 * every reply of a client that enforces nonces (this bot's does not), which resolveBody makes.
 * `withFlags: false` for an update, which keeps the message's own flags.
 */
export function replyPayload(
  target: Interaction,
  reply: Reply,
  { withFlags }: { readonly withFlags: boolean } = { withFlags: true },
): MessagePayload {
  if (reply.files !== undefined || target.client.options.enforceNonce === true) {
    const { flags, ...options } = replyOptions(reply);
    return new MessagePayload(target, withFlags && flags !== undefined ? { ...options, flags } : options);
  }
  const payload = new MessagePayload(target, {});
  // resolveBody's keys in its order, without those it leaves undefined (JSON leaves them out).
  payload.body = {
    content: reply.content ?? "",
    tts: false,
    enforce_nonce: false,
    embeds: reply.embeds === undefined ? [] : [...reply.embeds],
    components: reply.components === undefined ? [] : [...reply.components],
    allowed_mentions: { parse: [] },
    ...(withFlags && reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
  payload.files = [];
  return payload;
}
