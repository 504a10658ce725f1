import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from "discord.js";
import type { PostView } from "./PostService.js";
import type { ReminderView } from "./ReminderService.js";

/** One channel or DM message the bot posts: never pings (the sender adds allowed_mentions parse: []). */
export interface PostMessage {
  readonly content?: string;
  readonly embeds: readonly APIEmbed[];
  readonly components?: readonly APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** A post as rendered: one or more messages, and the discussion thread to open on the first (weekly posts). */
export interface RenderedPost {
  readonly messages: readonly PostMessage[];
  readonly threadName: string | null;
}

/**
 * How posts become words: the scheduler and the announcer hold this port,
 * `createApp` plugs the Discord renderer into it. `language` is the cohort's.
 */
export interface PostRenderer {
  /** A cohort-channel post; `inertButtons` (preview) disables its buttons. */
  post(view: PostView, language: string, options?: { readonly inertButtons?: boolean }): RenderedPost;
  /** The daily reminder DM. */
  reminder(view: ReminderView, language: string): PostMessage;
}
