import { ChannelType, PermissionFlagsBits, type GuildBasedChannel, type GuildMember, type PermissionResolvable } from "discord.js";

/**
 * Whether the bot's member holds the permission(s) in a guild channel, its overwrites included.
 * Callers find the channel and the member themselves, each by its own policy (the cache only, or
 * fetching what the cache lacks), and decide what not knowing means.
 */
export function botMay(channel: GuildBasedChannel, me: GuildMember, permission: PermissionResolvable): boolean {
  return channel.permissionsFor(me).has(permission);
}

/** Whether the bot may attach files (the posts' charts) in the channel. */
export function botMayAttachFiles(channel: GuildBasedChannel, me: GuildMember): boolean {
  return botMay(channel, me, PermissionFlagsBits.AttachFiles);
}

/** Whether the bot may embed links in the channel: without it Discord drops its messages' embeds (the posts' words). */
export function botMayEmbedLinks(channel: GuildBasedChannel, me: GuildMember): boolean {
  return botMay(channel, me, PermissionFlagsBits.EmbedLinks);
}

/** Whether the bot may open a weekly post's discussion thread in the channel: a text or announcement channel, Create Public Threads. */
export function botMayOpenThreads(channel: GuildBasedChannel, me: GuildMember): boolean {
  const threadable = channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement;
  return threadable && botMay(channel, me, PermissionFlagsBits.CreatePublicThreads);
}
