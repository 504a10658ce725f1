import { ChannelType, PermissionFlagsBits, type Client } from "discord.js";
import { ChannelCheck, type ChannelGateway } from "../services/ChannelGateway.js";

const postableTypes: ReadonlySet<ChannelType> = new Set([ChannelType.GuildText, ChannelType.GuildAnnouncement]);
const neededPermissions = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks];

export class DiscordChannelGateway implements ChannelGateway {
  constructor(private readonly client: Client) {}

  async checkPostable(guildId: string, channelId: string): Promise<ChannelCheck> {
    const guild = this.client.guilds.cache.get(guildId);
    const channel = guild?.channels.cache.get(channelId) ?? (await guild?.channels.fetch(channelId).catch(() => null));
    if (guild === undefined || channel === null || channel === undefined) return ChannelCheck.Missing;
    if (!postableTypes.has(channel.type)) return ChannelCheck.NotText;
    const me = guild.members.me ?? (await guild.members.fetchMe().catch(() => null));
    if (me === null) return ChannelCheck.NoPermission;
    const permissions = channel.permissionsFor(me);
    return neededPermissions.every((permission) => permissions.has(permission)) ? ChannelCheck.Ok : ChannelCheck.NoPermission;
  }
}
