import { ChannelType, PermissionFlagsBits, type Client, type GuildBasedChannel, type GuildMember } from "discord.js";
import { ChannelCheck, PostPermission, type ChannelGateway, type ChannelReport } from "../services/ChannelGateway.js";
import { botMay, botMayAttachFiles, botMayReadHistory } from "./botPermissions.js";

const postableTypes: ReadonlySet<ChannelType> = new Set([ChannelType.GuildText, ChannelType.GuildAnnouncement]);
const permissionBits = [
  [PostPermission.ViewChannel, PermissionFlagsBits.ViewChannel],
  [PostPermission.SendMessages, PermissionFlagsBits.SendMessages],
  [PostPermission.EmbedLinks, PermissionFlagsBits.EmbedLinks],
] as const;
const neededPermissions = permissionBits.map(([, bit]) => bit);

export class DiscordChannelGateway implements ChannelGateway {
  constructor(private readonly client: Client) {}

  async checkPostable(guildId: string, channelId: string): Promise<ChannelCheck> {
    const found = await this.find(guildId, channelId);
    if (found === null) return ChannelCheck.Missing;
    if (!postableTypes.has(found.channel.type)) return ChannelCheck.NotText;
    if (found.me === null) return ChannelCheck.NoPermission;
    return botMay(found.channel, found.me, neededPermissions) ? ChannelCheck.Ok : ChannelCheck.NoPermission;
  }

  async missingPostPermissions(guildId: string, channelId: string): Promise<PostPermission[]> {
    const found = await this.find(guildId, channelId);
    if (found === null || found.me === null) return [];
    const { channel, me } = found;
    return permissionBits.filter(([, bit]) => !botMay(channel, me, bit)).map(([permission]) => permission);
  }

  reportFromCache(guildId: string, channelId: string): ChannelReport | null {
    const guild = this.client.guilds.cache.get(guildId);
    const me = guild?.members.me ?? null;
    // A server in an outage may have lost channels from the cache that still exist: no telling then.
    if (guild === undefined || !guild.available || me === null) return null;
    const channel = guild.channels.cache.get(channelId);
    if (channel === undefined) return { check: ChannelCheck.Missing, missing: [], canAttachFiles: true, canReadHistory: true };
    const missing = permissionBits.filter(([, bit]) => !botMay(channel, me, bit)).map(([permission]) => permission);
    const check = !postableTypes.has(channel.type)
      ? ChannelCheck.NotText
      : missing.length > 0
        ? ChannelCheck.NoPermission
        : ChannelCheck.Ok;
    return {
      check,
      missing: check === ChannelCheck.NoPermission ? missing : [],
      canAttachFiles: botMayAttachFiles(channel, me),
      canReadHistory: botMayReadHistory(channel, me),
    };
  }

  /** The channel and the bot's member: the cache first, fetching what it lacks (a command can wait for Discord). */
  private async find(guildId: string, channelId: string): Promise<{ channel: GuildBasedChannel; me: GuildMember | null } | null> {
    const guild = this.client.guilds.cache.get(guildId);
    const channel = guild?.channels.cache.get(channelId) ?? (await guild?.channels.fetch(channelId).catch(() => null));
    if (guild === undefined || channel === null || channel === undefined) return null;
    return { channel, me: guild.members.me ?? (await guild.members.fetchMe().catch(() => null)) };
  }
}
