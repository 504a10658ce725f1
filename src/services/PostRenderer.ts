import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from "discord.js";
import type { LiveBoardView, PostedBoardView, PostView } from "./PostService.js";
import type { ReminderView } from "./ReminderService.js";

/** A picture attached to a post: `description` is its alt text. */
export interface PostFile {
  readonly name: string;
  readonly data: Buffer;
  readonly description: string;
}

/** One channel or DM message the bot posts: never pings (the sender adds allowed_mentions parse: []). */
export interface PostMessage {
  readonly content?: string;
  readonly embeds: readonly APIEmbed[];
  readonly components?: readonly APIActionRowComponent<APIComponentInMessageActionRow>[];
  readonly files?: readonly PostFile[];
}

/** A post as rendered: one or more messages, and the discussion thread to open on the first (weekly posts). */
export interface RenderedPost {
  readonly messages: readonly PostMessage[];
  readonly threadName: string | null;
  /** Index of the message kept live (the weekly post's board, its last message); null when none is. */
  readonly livePart?: number | null;
}

/**
 * How posts become words: the scheduler and the announcer hold this port,
 * `createApp` plugs the Discord renderer into it. `language` is the cohort's (DMs pick the member's themselves).
 */
export interface PostRenderer {
  /** A cohort-channel post; `inertButtons` (preview) disables its buttons. */
  post(view: PostView, language: string, options?: { readonly inertButtons?: boolean }): RenderedPost;
  /** The daily reminder DM, in the member's language (their stored locale's, else the cohort's). */
  reminder(view: ReminderView): PostMessage;
  /** The pictures a post carries on its first message (weekly and closing charts); none for the others. */
  pictures(view: PostView, language: string): Promise<readonly PostFile[]>;
  /** The weekly post's live board part, as it is edited while the week runs (and once after, final). */
  liveBoard(view: LiveBoardView, language: string): PostMessage;
  /**
   * A message already posted (as PostSender.readMessage read it) with its board part replaced by `view`, the
   * rest unchanged; null when it has no such part or the part already shows that.
   */
  postedBoard(message: PostMessage, view: PostedBoardView): PostMessage | null;
}

/** The rendered post with its pictures on its first message. */
export function withPictures(rendered: RenderedPost, files: readonly PostFile[]): RenderedPost {
  if (files.length === 0) return rendered;
  return {
    ...rendered,
    messages: rendered.messages.map((message, index) =>
      index === 0 ? { ...message, files: [...(message.files ?? []), ...files] } : message,
    ),
  };
}
