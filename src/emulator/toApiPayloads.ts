import {
  ChannelFlags,
  ChannelType,
  ForumLayoutType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMemberFlags,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionType,
  MessageFlags,
  RoleFlags,
  UserFlags,
} from "discord-api-types/v10";
import type {
  APIAttachment,
  APIChannel,
  APIEmbed,
  APIGuild,
  APIGuildMember,
  APIInteractionDataResolvedChannel,
  APIMessage,
  APIMessageInteractionMetadata,
  APIRole,
  APIUser,
  GatewayGuildCreateDispatchData,
  ThreadChannelType,
} from "discord-api-types/v10";
import type {
  EmulatorState,
  StoredAttachment,
  StoredChannel,
  StoredGuild,
  StoredMember,
  StoredMessage,
  StoredRole,
  StoredUser,
} from "./EmulatorState.js";
import { isThreadType } from "./EmulatorState.js";
import { noFlags } from "./noFlags.js";

const NO_CHANNEL_FLAGS = noFlags(ChannelFlags);

/** Turns the emulator's stored records into the JSON shapes Discord's API v10 sends. */
export function toApiUser(user: StoredUser): APIUser {
  return {
    id: user.id,
    username: user.username,
    discriminator: "0",
    global_name: user.globalName,
    avatar: null,
    bot: user.bot,
    public_flags: noFlags(UserFlags),
    flags: noFlags(UserFlags),
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
}

export function toApiRole(role: StoredRole): APIRole {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.managed,
    mentionable: role.mentionable,
    flags: noFlags(RoleFlags),
    ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
  };
}

export function toApiMember(state: EmulatorState, member: StoredMember): APIGuildMember {
  const user = state.users.get(member.userId);
  if (!user) throw new Error(`Member ${member.userId} has no user record`);
  return {
    user: toApiUser(user),
    nick: member.nick,
    avatar: null,
    banner: null,
    roles: [...member.roleIds],
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: noFlags(GuildMemberFlags),
    pending: false,
    communication_disabled_until: null,
  };
}

export function toApiChannel(state: EmulatorState, channel: StoredChannel): APIChannel {
  if (channel.type === ChannelType.DM) return toApiDmChannel(state, channel);
  if (channel.thread && isThreadType(channel.type)) return toApiThread(channel, channel.thread);
  // Fields text, announcement and forum channels share.
  const postable = {
    id: channel.id,
    ...(channel.guildId ? { guild_id: channel.guildId } : {}),
    name: channel.name ?? "",
    position: channel.position,
    parent_id: channel.parentId,
    permission_overwrites: channel.overwrites.map((overwrite) => ({
      id: overwrite.id,
      type: overwrite.type,
      allow: overwrite.allow.toString(),
      deny: overwrite.deny.toString(),
    })),
    nsfw: false,
    topic: channel.topic,
    last_message_id: channel.lastMessageId,
    rate_limit_per_user: 0,
    flags: NO_CHANNEL_FLAGS,
  };
  if (channel.type === ChannelType.GuildForum) {
    return {
      ...postable,
      type: ChannelType.GuildForum,
      available_tags: [],
      default_reaction_emoji: null,
      default_sort_order: null,
      default_forum_layout: ForumLayoutType.NotSet,
    };
  }
  return {
    ...postable,
    type: channel.type === ChannelType.GuildAnnouncement ? ChannelType.GuildAnnouncement : ChannelType.GuildText,
  };
}

function toApiDmChannel(state: EmulatorState, channel: StoredChannel): APIChannel {
  const recipient = channel.recipientId ? state.users.get(channel.recipientId) : undefined;
  return {
    id: channel.id,
    type: ChannelType.DM,
    name: null,
    flags: NO_CHANNEL_FLAGS,
    last_message_id: channel.lastMessageId,
    recipients: recipient ? [toApiUser(recipient)] : [],
  };
}

function toApiThread(channel: StoredChannel, thread: NonNullable<StoredChannel["thread"]>): APIChannel {
  return {
    id: channel.id,
    type: channel.type as ChannelType.PublicThread,
    ...(channel.guildId ? { guild_id: channel.guildId } : {}),
    name: channel.name ?? "",
    ...(channel.parentId ? { parent_id: channel.parentId } : {}),
    owner_id: thread.ownerId,
    last_message_id: channel.lastMessageId,
    rate_limit_per_user: 0,
    flags: NO_CHANNEL_FLAGS,
    message_count: thread.messageCount,
    member_count: 1,
    total_message_sent: thread.messageCount,
    thread_metadata: {
      archived: thread.archived,
      auto_archive_duration: thread.autoArchiveDuration,
      archive_timestamp: thread.createdAt,
      locked: thread.locked,
      create_timestamp: thread.createdAt,
    },
  };
}

/** The channel shape inside `data.resolved.channels` of a slash command. */
export function toResolvedChannel(state: EmulatorState, channel: StoredChannel, invokerId: string): APIInteractionDataResolvedChannel {
  const base = {
    id: channel.id,
    name: channel.name ?? "",
    permissions: state.channelPermissions(channel, invokerId).toString(),
  };
  if (channel.thread && isThreadType(channel.type)) {
    return {
      ...base,
      type: channel.type as ThreadChannelType,
      parent_id: channel.parentId ?? "",
      thread_metadata: {
        archived: channel.thread.archived,
        auto_archive_duration: channel.thread.autoArchiveDuration,
        archive_timestamp: channel.thread.createdAt,
        locked: channel.thread.locked,
      },
    };
  }
  return { ...base, type: channel.type as ChannelType.GuildText };
}

export function toApiGuild(state: EmulatorState, guild: StoredGuild): APIGuild {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: state.guildRoles(guild).map(toApiRole),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: noFlags(GuildSystemChannelFlags),
    rules_channel_id: null,
    max_presences: null,
    max_members: 500_000,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: guild.preferredLocale as APIGuild["preferred_locale"],
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
  };
}

/**
 * The GUILD_CREATE payload a bot receives after READY or when it joins. Without the privileged
 * Guild Members intent Discord only includes the bot's own member, so that is the default here too.
 */
export function toGuildCreatePayload(
  state: EmulatorState,
  guild: StoredGuild,
  options: { includeAllMembers: boolean },
): GatewayGuildCreateDispatchData {
  const members = state.guildMembers(guild).filter((member) => options.includeAllMembers || member.userId === state.botUser.id);
  const botMember = state.member(guild.id, state.botUser.id);
  const channels = state.guildChannels(guild);
  return {
    ...toApiGuild(state, guild),
    joined_at: botMember?.joinedAt ?? new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: guild.memberUserIds.length,
    voice_states: [],
    members: members.map((member) => toApiMember(state, member)),
    channels: channels
      .filter((channel) => !isThreadType(channel.type))
      .map((channel) => toApiChannel(state, channel)) as GatewayGuildCreateDispatchData["channels"],
    threads: channels
      .filter((channel) => isThreadType(channel.type) && !channel.thread?.archived)
      .map((channel) => toApiChannel(state, channel)) as GatewayGuildCreateDispatchData["threads"],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function toApiAttachment(attachment: StoredAttachment): APIAttachment {
  return {
    id: attachment.id,
    filename: attachment.filename,
    size: attachment.data.length,
    url: attachment.url,
    proxy_url: attachment.url,
    ...(attachment.contentType ? { content_type: attachment.contentType } : {}),
    ...(attachment.description ? { description: attachment.description } : {}),
  };
}

export function toApiMessage(state: EmulatorState, message: StoredMessage): APIMessage {
  const author = state.users.get(message.authorId);
  if (!author) throw new Error(`Message ${message.id} has no author record`);
  const apiMessage: APIMessage = {
    id: message.id,
    channel_id: message.channelId,
    author: toApiUser(author),
    content: message.content,
    timestamp: new Date(message.createdAt).toISOString(),
    edited_timestamp: message.editedAt === null ? null : new Date(message.editedAt).toISOString(),
    tts: message.tts,
    mention_everyone: message.mentions.everyone,
    mentions: message.mentions.userIds.flatMap((id) => {
      const user = state.users.get(id);
      return user ? [toApiUser(user)] : [];
    }),
    mention_roles: [...message.mentions.roleIds],
    attachments: message.attachments.map(toApiAttachment),
    embeds: shownEmbeds(message),
    components: structuredClone(message.components),
    pinned: false,
    type: message.type,
    flags: message.flags,
  };
  if (message.nonce !== null) apiMessage.nonce = message.nonce;
  if (message.webhookId) {
    apiMessage.webhook_id = message.webhookId;
    apiMessage.application_id = message.webhookId;
  }
  if (message.interaction) apiMessage.interaction_metadata = toInteractionMetadata(state, message);
  if (message.interaction?.commandName) {
    const user = state.users.get(message.interaction.userId);
    if (user) {
      apiMessage.interaction = {
        id: message.interaction.interactionId,
        type: message.interaction.interactionType,
        name: message.interaction.commandName,
        user: toApiUser(user),
      };
    }
  }
  if (message.threadId) {
    const thread = state.channels.get(message.threadId);
    if (thread && !thread.deleted) apiMessage.thread = toApiChannel(state, thread);
  }
  return apiMessage;
}

function toInteractionMetadata(state: EmulatorState, message: StoredMessage): APIMessageInteractionMetadata {
  const origin = message.interaction;
  if (!origin) throw new Error("toInteractionMetadata needs a message with interaction origin");
  const user = state.users.get(origin.userId);
  if (!user) throw new Error(`Interaction user ${origin.userId} has no user record`);
  const owners = message.guildId ? { "0": message.guildId } : { "1": origin.userId };
  const base = {
    id: origin.interactionId,
    user: toApiUser(user),
    authorizing_integration_owners: owners,
    ...(origin.originalResponseMessageId ? { original_response_message_id: origin.originalResponseMessageId } : {}),
  };
  if (origin.interactionType === InteractionType.MessageComponent) {
    return {
      ...base,
      type: InteractionType.MessageComponent,
      interacted_message_id: origin.interactedMessageId ?? "",
    };
  }
  return { ...base, type: InteractionType.ApplicationCommand };
}

/** A message's embeds as Discord shows and returns them: none while SUPPRESS_EMBEDS is set (they are kept, hidden). */
export function shownEmbeds(message: Pick<StoredMessage, "embeds" | "flags">): APIEmbed[] {
  return (message.flags & MessageFlags.SuppressEmbeds) !== 0 ? [] : structuredClone(message.embeds);
}
