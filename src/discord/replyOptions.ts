import { MessageFlags, type InteractionReplyOptions } from "discord.js";
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
