import type { PostMessage } from "./PostRenderer.js";

/**
 * Why a send failed, as far as the scheduler cares:
 * - channel_missing / no_permission: the cohort's channel is gone or closed
 *   to the bot; waiting will not help, the admin has to act;
 * - recipient_closed: a member's DMs refuse the bot;
 * - rejected: Discord refused the request itself (a bug: retrying will not help);
 * - transient: a server error, timeout or network trouble; retry later.
 */
export const DeliveryFailure = {
  ChannelMissing: "channel_missing",
  NoPermission: "no_permission",
  RecipientClosed: "recipient_closed",
  Rejected: "rejected",
  Transient: "transient",
} as const;
export type DeliveryFailure = (typeof DeliveryFailure)[keyof typeof DeliveryFailure];

export class DeliveryError extends Error {
  constructor(
    readonly failure: DeliveryFailure,
    message: string,
    readonly status: number | null = null,
    readonly code: number | null = null,
    /**
     * The channel where the bot may not embed links, when that is the refusal (no_permission): Discord would strip
     * the message of its embeds. A board edit refused so flags the cohort's channel, as a post does, to be redone
     * once it recovers; other no_permission refusals of an edit are not flagged (an edit is no post).
     */
    readonly embedLinksRefusedIn: string | null = null,
    /**
     * The message Discord stored for the send without its embeds (the bot had lost Embed Links, its cache not
     * knowing yet): no_permission, as when the cache knows, and not the post. The caller is to delete it.
     */
    readonly strippedMessageId: string | null = null,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

/** The channel an error says the bot may not embed links in; null for any other error. */
export function embedLinksRefusedIn(error: unknown): string | null {
  return error instanceof DeliveryError ? error.embedLinksRefusedIn : null;
}

/**
 * A send refused because the message Discord stored under its nonce was deleted since (Discord will not post
 * another under that nonce for a few minutes): transient, the next attempt to go under a new nonce.
 */
export class NonceSpentError extends DeliveryError {
  constructor(status: number | null, code: number | null) {
    super(DeliveryFailure.Transient, "the message of this nonce was deleted", status, code);
    this.name = "NonceSpentError";
  }
}

/** The message Discord stored without its embeds for the send that failed so; null for any other error. */
export function strippedMessageOf(error: unknown): string | null {
  return error instanceof DeliveryError ? error.strippedMessageId : null;
}

/**
 * What tells one direct message of the bot from its others to the same user: its embed's link, time and footer
 * (two cohorts may share a channel, hence a link; the footer names the cohort).
 */
export interface DirectMessageMark {
  readonly url: string;
  readonly timestamp: string;
  readonly footer: string | null;
}

/** The mark of a message the bot sends as a direct message; null when its first embed has no link or time. */
export function directMessageMark(message: PostMessage): DirectMessageMark | null {
  const embed = message.embeds[0];
  if (embed?.url === undefined || embed.timestamp === undefined) return null;
  return { url: embed.url, timestamp: embed.timestamp, footer: embed.footer?.text ?? null };
}

/** A mark as stored with the attempt that sent it (ReminderRepository keeps it as text). */
export function storedDirectMessageMark(mark: DirectMessageMark): string {
  return JSON.stringify([mark.url, mark.timestamp, mark.footer]);
}

/** A stored mark read back; null when the text is not one (never thrown: a lookup then has one mark fewer). */
export function parseDirectMessageMark(text: string): DirectMessageMark | null {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [url, timestamp, footer] = value as unknown[];
    if (typeof url !== "string" || typeof timestamp !== "string" || (footer !== null && typeof footer !== "string")) return null;
    return { url, timestamp, footer };
  } catch {
    return null;
  }
}

/** How the scheduler reaches Discord. Every message carries a nonce, so Discord drops a repeated send. */
export interface PostSender {
  /** Posts in a guild channel. Throws DeliveryError. */
  sendToChannel(channelId: string, message: PostMessage, nonce: string): Promise<{ readonly messageId: string }>;
  /**
   * Looks through the bot's own recent messages in a channel for messages with
   * these fingerprints (see messageFingerprint): fingerprint → message id of
   * those found. Throws DeliveryError.
   */
  findPosted(channelId: string, fingerprints: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /**
   * A message the bot posted, as Discord holds it now: its text and embeds (what an edit of one part of it
   * sends back unchanged). Throws DeliveryError.
   */
  readMessage(channelId: string, messageId: string): Promise<PostMessage>;
  /**
   * Deletes a message of the bot's in a channel; resolves once it is gone, also when it was gone already (or its
   * channel). Throws DeliveryError: no_permission when Discord refuses, transient when it may not have happened.
   */
  deleteMessage(channelId: string, messageId: string): Promise<void>;
  /**
   * Whether the bot holds every post permission in the channel (View Channel, Send Messages, Embed Links: what the
   * channel's check looks for), from the channel, the bot's member and the roles fetched from Discord now (the cache
   * may not have heard of a change); false when Discord refuses the bot the channel (Missing Access). Throws
   * DeliveryError: channel_missing when Discord says the channel is gone, transient when they cannot be fetched.
   */
  mayPostFetched(channelId: string): Promise<boolean>;
  /**
   * Replaces a posted message's content (the live board). Throws DeliveryError. `signal`, once aborted, takes the
   * edit out of the queue of requests waiting for Discord (a rate limit) so it never goes, as for sendDirect.
   */
  editMessage(channelId: string, messageId: string, message: PostMessage, signal?: AbortSignal): Promise<void>;
  /** Opens a public thread on a posted message; "not_allowed" (quietly) when the bot may not create threads there. */
  openThread(guildId: string, channelId: string, messageId: string, name: string): Promise<"opened" | "not_allowed">;
  /**
   * The id of the bot's direct message to the user, sent since `since`, whose embed has the link, time and
   * footer of one of `marks` (directMessageMark); null when there is none. One read of the messages after
   * `since`. Throws DeliveryError.
   */
  findDirect(userId: string, marks: readonly DirectMessageMark[], since: Date): Promise<string | null>;
  /**
   * Opens the DM channel with the user (one request the first time, none after): a sender that must check
   * something just before the message goes (its claim) does so after this round trip, which Discord may keep
   * waiting (DM openings are rate-limited). Throws DeliveryError.
   */
  openDirect(userId: string): Promise<void>;
  /**
   * Sends a direct message. Throws DeliveryError (recipient_closed when the user's DMs refuse it). `signal`, once
   * aborted, takes the message out of the queue of requests waiting for Discord (a rate limit) so it never goes;
   * a request already on its way is cut off, and may or may not have reached Discord.
   */
  sendDirect(userId: string, message: PostMessage, nonce: string, signal?: AbortSignal): Promise<{ readonly messageId: string }>;
}
