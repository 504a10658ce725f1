/**
 * What services need to know about Discord channels, without knowing Discord.
 * The Discord client implements it in src/discord; the playground and tests
 * get the same implementation through the emulator.
 */
export const ChannelCheck = {
  Ok: "ok",
  Missing: "missing",
  NotText: "not_text",
  NoPermission: "no_permission",
} as const;
export type ChannelCheck = (typeof ChannelCheck)[keyof typeof ChannelCheck];

/** The permissions a cohort channel needs for the bot's posts. */
export const PostPermission = {
  ViewChannel: "view_channel",
  SendMessages: "send_messages",
  EmbedLinks: "embed_links",
} as const;
export type PostPermission = (typeof PostPermission)[keyof typeof PostPermission];

/** The permissions the bot needs in a channel to read and edit the boards it posted there (a redraw), in Discord's order. */
export const BoardPermission = {
  ViewChannel: "view_channel",
  ReadMessageHistory: "read_message_history",
  EmbedLinks: "embed_links",
} as const;
export type BoardPermission = (typeof BoardPermission)[keyof typeof BoardPermission];

export interface ChannelGateway {
  /**
   * Whether the bot can post embeds in the channel of this guild (View Channel, Send Messages, Embed Links), and
   * which of those it lacks there, so an admin is told which one to give (empty when it cannot tell): one look-up.
   */
  checkPostable(guildId: string, channelId: string): Promise<ChannelStanding>;
  /**
   * What /cohort info shows about the channel, from one look-up in the bot's cache (no request to Discord: with the
   * Guilds intent the cache holds every channel of a server the bot is in, so a channel not there is gone).
   * Null when it cannot tell (the server or the bot's own member not cached yet, as at start-up).
   */
  reportFromCache(guildId: string, channelId: string): ChannelReport | null;
  /**
   * Whether the bot's cache says it may read and edit its own messages in the channel (View Channel, Read
   * Message History and Embed Links, which a board's embeds need): no request to Discord. False when it cannot
   * tell (the channel or the bot's member not cached).
   */
  mayEditPostedFromCache(guildId: string, channelId: string): boolean;
}

/** Whether the bot can post in a channel: `missing` lists the post permissions it lacks (empty unless NoPermission). */
export interface ChannelStanding {
  readonly check: ChannelCheck;
  readonly missing: readonly PostPermission[];
}

/** The bot's standing in a channel, with what /cohort info also warns about. */
export interface ChannelReport extends ChannelStanding {
  /** Attach Files (the posts' charts): without it a post still goes out, without its pictures. True for a missing channel. */
  readonly canAttachFiles: boolean;
  /** Create Public Threads: without it a weekly post still goes out, without its week's discussion thread. True for a missing channel. */
  readonly canOpenThreads: boolean;
  /**
   * The board permissions the bot lacks there (View Channel, Read Message History, Embed Links: a board's edit reads
   * the message and carries embeds), in that order: without them the boards already posted there cannot be edited
   * after a member's deletion or privacy change. The reckoning mayEditPostedFromCache makes. Empty for a missing channel.
   */
  readonly boardsMissing: readonly BoardPermission[];
}
