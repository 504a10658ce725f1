import { ChannelType, PermissionFlagsBits, type Client, type GuildBasedChannel, type GuildMember } from "discord.js";
import {
  BoardPermission,
  ChannelCheck,
  PostPermission,
  type ChannelGateway,
  type ChannelReport,
  type ChannelStanding,
} from "../services/ChannelGateway.js";
import { botMay, botMayAttachFiles, botMayOpenThreads } from "./botPermissions.js";

const postableTypes: ReadonlySet<ChannelType> = new Set([ChannelType.GuildText, ChannelType.GuildAnnouncement]);
const permissionBits = [
  [PostPermission.ViewChannel, PermissionFlagsBits.ViewChannel],
  [PostPermission.SendMessages, PermissionFlagsBits.SendMessages],
  [PostPermission.EmbedLinks, PermissionFlagsBits.EmbedLinks],
] as const;

/** Embed Links too: a board's edit carries embeds, which Discord drops (or refuses) without it. */
const boardPermissionBits = [
  [BoardPermission.ViewChannel, PermissionFlagsBits.ViewChannel],
  [BoardPermission.ReadMessageHistory, PermissionFlagsBits.ReadMessageHistory],
  [BoardPermission.EmbedLinks, PermissionFlagsBits.EmbedLinks],
] as const;

/**
 * The permissions of the table (permissionBits: posting; boardPermissionBits: the given-up boards' look) the bot lacks
 * in the channel: the one reckoning those and /cohort info share.
 */
function missingOf<P>(bits: readonly (readonly [P, bigint])[], channel: GuildBasedChannel, me: GuildMember): P[] {
  return bits.filter(([, bit]) => !botMay(channel, me, bit)).map(([permission]) => permission);
}

/** Whether the bot can post in a channel it found, and what it lacks there (nothing known without its member). */
function standingIn(channel: GuildBasedChannel, me: GuildMember | null): ChannelStanding {
  if (!postableTypes.has(channel.type)) return { check: ChannelCheck.NotText, missing: [] };
  if (me === null) return { check: ChannelCheck.NoPermission, missing: [] };
  const missing = missingOf(permissionBits, channel, me);
  return { check: missing.length > 0 ? ChannelCheck.NoPermission : ChannelCheck.Ok, missing };
}

export class DiscordChannelGateway implements ChannelGateway {
  constructor(private readonly client: Client) {}

  async checkPostable(guildId: string, channelId: string): Promise<ChannelStanding> {
    const found = await this.find(guildId, channelId);
    return found === null ? { check: ChannelCheck.Missing, missing: [] } : standingIn(found.channel, found.me);
  }

  reportFromCache(guildId: string, channelId: string): ChannelReport | null {
    const cached = this.cached(guildId, channelId);
    if (cached === null) return null;
    const { channel, me } = cached;
    if (channel === undefined)
      return { check: ChannelCheck.Missing, missing: [], canAttachFiles: true, canOpenThreads: true, boardsMissing: [] };
    return {
      ...standingIn(channel, me),
      canAttachFiles: botMayAttachFiles(channel, me),
      canOpenThreads: botMayOpenThreads(channel, me),
      boardsMissing: missingOf(boardPermissionBits, channel, me),
    };
  }

  mayEditPostedFromCache(guildId: string, channelId: string): boolean {
    const cached = this.cached(guildId, channelId);
    const channel = cached?.channel;
    if (cached === null || channel === undefined) return false;
    return missingOf(boardPermissionBits, channel, cached.me).length === 0;
  }

  /**
   * The bot's member and the channel (undefined where the cache lacks it) as the cache has them; null without the
   * server or the bot's member, or while the server is in an outage (it may have lost channels from the cache that
   * still exist: no telling then).
   */
  private cached(guildId: string, channelId: string): { channel: GuildBasedChannel | undefined; me: GuildMember } | null {
    const guild = this.client.guilds.cache.get(guildId);
    const me = guild?.members.me ?? null;
    if (guild === undefined || !guild.available || me === null) return null;
    return { channel: guild.channels.cache.get(channelId), me };
  }

  /** The channel and the bot's member: the cache first, fetching what it lacks (a command can wait for Discord). */
  private async find(guildId: string, channelId: string): Promise<{ channel: GuildBasedChannel; me: GuildMember | null } | null> {
    const guild = this.client.guilds.cache.get(guildId);
    const channel = guild?.channels.cache.get(channelId) ?? (await guild?.channels.fetch(channelId).catch(() => null));
    if (guild === undefined || channel === null || channel === undefined) return null;
    return { channel, me: guild.members.me ?? (await guild.members.fetchMe().catch(() => null)) };
  }
}
