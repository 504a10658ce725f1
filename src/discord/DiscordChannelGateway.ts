import { ChannelType, PermissionFlagsBits, type Client, type GuildBasedChannel, type GuildMember } from "discord.js";
import { ChannelCheck, PostPermission, type ChannelGateway } from "../services/ChannelGateway.js";
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

  async canAttachFiles(guildId: string, channelId: string): Promise<boolean> {
    const found = await this.find(guildId, channelId);
    if (found === null || found.me === null) return true;
    return botMayAttachFiles(found.channel, found.me);
  }

  async canReadHistory(guildId: string, channelId: string): Promise<boolean> {
    const found = await this.find(guildId, channelId);
    if (found === null || found.me === null) return true;
    return botMayReadHistory(found.channel, found.me);
  }

  /** The channel and the bot's member: the cache first, fetching what it lacks (a command can wait for Discord). */
  private async find(guildId: string, channelId: string): Promise<{ channel: GuildBasedChannel; me: GuildMember | null } | null> {
    const guild = this.client.guilds.cache.get(guildId);
    const channel = guild?.channels.cache.get(channelId) ?? (await guild?.channels.fetch(channelId).catch(() => null));
    if (guild === undefined || channel === null || channel === undefined) return null;
    return { channel, me: guild.members.me ?? (await guild.members.fetchMe().catch(() => null)) };
  }
}
