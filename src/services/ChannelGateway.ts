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

export interface ChannelGateway {
  /** Whether the bot can post embeds in the channel of this guild (View Channel, Send Messages, Embed Links). */
  checkPostable(guildId: string, channelId: string): Promise<ChannelCheck>;
  /** Which of those the bot lacks there, so an admin is told which one to give; empty when it cannot tell. */
  missingPostPermissions(guildId: string, channelId: string): Promise<PostPermission[]>;
  /**
   * Whether the bot may attach files (the posts' charts) there. Without it a post still goes out,
   * without its pictures. True when it cannot tell (a channel it cannot find or see): checkPostable
   * says what is wrong with such a channel.
   */
  canAttachFiles(guildId: string, channelId: string): Promise<boolean>;
  /**
   * Whether the bot may read the channel's history (Read Message History): without it the boards already posted
   * there cannot be read, so not edited after a member's deletion or privacy change. True when it cannot tell.
   */
  canReadHistory(guildId: string, channelId: string): Promise<boolean>;
}
