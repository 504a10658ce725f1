import { ChannelType, MessageFlags, OverwriteType, PermissionFlagsBits } from "discord-api-types/v10";
import type {
  APIAllowedMentions,
  APIApplicationCommand,
  APIEmbed,
  APIMessageTopLevelComponent,
  InteractionType,
  MessageType,
} from "discord-api-types/v10";
import type { CommandDefinitionInput } from "./readCommandDefinitions.js";
import { SnowflakeGenerator } from "./SnowflakeGenerator.js";

export interface StoredUser {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
  /** The user turned off DMs from server members: the bot's DMs fail with 50007. */
  dmsClosed: boolean;
  locale: string;
}

export interface StoredRole {
  id: string;
  guildId: string;
  name: string;
  permissions: bigint;
  position: number;
  managed: boolean;
  mentionable: boolean;
  /** Set on the role Discord creates for a bot when it joins. */
  botId: string | null;
}

export interface StoredMember {
  guildId: string;
  userId: string;
  nick: string | null;
  roleIds: string[];
  joinedAt: string;
}

export interface StoredOverwrite {
  id: string;
  type: OverwriteType;
  allow: bigint;
  deny: bigint;
}

export interface StoredGuild {
  id: string;
  name: string;
  ownerId: string;
  /** The @everyone role shares the guild's id, as on Discord. */
  everyoneRoleId: string;
  botRoleId: string;
  /** Created on first use by members that should have Manage Server. */
  managerRoleId: string | null;
  memberUserIds: string[];
  channelIds: string[];
  roleIds: string[];
  preferredLocale: string;
  /**
   * The bot's standing in the server: in it, removed (a new session's READY leaves the server out), or
   * in it during an outage (READY lists it, then GUILD_DELETE with `unavailable` instead of its GUILD_CREATE).
   */
  botPresence: BotPresence;
}

export type BotPresence = "member" | "removed" | "unavailable";

export interface StoredThreadMetadata {
  ownerId: string;
  archived: boolean;
  locked: boolean;
  autoArchiveDuration: 60 | 1440 | 4320 | 10080;
  createdAt: string;
  messageCount: number;
}

export interface StoredChannel {
  id: string;
  type: ChannelType;
  guildId: string | null;
  name: string | null;
  topic: string | null;
  position: number;
  parentId: string | null;
  overwrites: StoredOverwrite[];
  /** The other side of a DM channel. */
  recipientId: string | null;
  lastMessageId: string | null;
  deleted: boolean;
  thread: StoredThreadMetadata | null;
}

export interface StoredAttachment {
  id: string;
  channelId: string;
  filename: string;
  description: string | null;
  contentType: string | null;
  data: Buffer;
  url: string;
}

export interface MessageMentions {
  everyone: boolean;
  userIds: string[];
  roleIds: string[];
}

export interface MessageInteractionOrigin {
  interactionId: string;
  interactionType: InteractionType;
  commandName: string | null;
  userId: string;
  /** For component interactions: the message whose component was used. */
  interactedMessageId: string | null;
  /** For follow-ups: the original response's id. */
  originalResponseMessageId: string | null;
}

export interface StoredMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  type: MessageType;
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  attachments: StoredAttachment[];
  flags: number;
  nonce: string | number | null;
  allowedMentions: APIAllowedMentions | null;
  mentions: MessageMentions;
  tts: boolean;
  createdAt: number;
  editedAt: number | null;
  webhookId: string | null;
  interaction: MessageInteractionOrigin | null;
  /** Ephemeral messages are only visible to this user. */
  visibleToUserId: string | null;
  threadId: string | null;
  deleted: boolean;
}

export interface StoredCommand {
  /** The definition as Discord returns it (with id, application_id, version...). */
  definition: APIApplicationCommand;
  /** The validated form used to type interaction options. */
  input: CommandDefinitionInput;
}

/** Permissions @everyone gets in a freshly created Discord server. */
export const DEFAULT_EVERYONE_PERMISSIONS =
  PermissionFlagsBits.CreateInstantInvite |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.Stream |
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.Connect |
  PermissionFlagsBits.Speak |
  PermissionFlagsBits.UseVAD |
  PermissionFlagsBits.ChangeNickname |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.CreatePrivateThreads |
  PermissionFlagsBits.UseExternalStickers |
  PermissionFlagsBits.SendMessagesInThreads;

/** What a typical invite link for a text bot grants its managed role. */
export const DEFAULT_BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis;

/** Everything that fits in Discord's permission bitfield today. */
export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

const THREAD_TYPES: ReadonlySet<ChannelType> = new Set([
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
]);

export function isThreadType(type: ChannelType): boolean {
  return THREAD_TYPES.has(type);
}

/**
 * Everything the emulated Discord knows, in memory: users, guilds, roles, members, channels,
 * messages, attachments and registered commands. Lookups throw nothing; callers decide which
 * Discord error a missing entity becomes.
 */
export class EmulatorState {
  readonly snowflakes = new SnowflakeGenerator();
  readonly users = new Map<string, StoredUser>();
  readonly guilds = new Map<string, StoredGuild>();
  readonly roles = new Map<string, StoredRole>();
  readonly channels = new Map<string, StoredChannel>();
  readonly messages = new Map<string, StoredMessage>();
  readonly attachments = new Map<string, StoredAttachment>();
  readonly globalCommands: StoredCommand[] = [];
  readonly guildCommands = new Map<string, StoredCommand[]>();
  private readonly members = new Map<string, StoredMember>();
  private readonly dmChannelIdByUserId = new Map<string, string>();
  private readonly messageIdsByChannel = new Map<string, string[]>();

  readonly botUser: StoredUser;

  /** `now`: the clock ids are made on (a snowflake holds its creation time, which `after=` listings rely on). */
  constructor(
    botUsername: string,
    private readonly now: () => number = Date.now,
  ) {
    this.botUser = {
      id: this.nextId(),
      username: botUsername,
      globalName: null,
      bot: true,
      dmsClosed: false,
      locale: "en-US",
    };
    this.users.set(this.botUser.id, this.botUser);
  }

  nextId(): string {
    return this.snowflakes.next(this.now());
  }

  addUser(input: { username: string; globalName?: string | null; dmsClosed?: boolean; locale?: string }): StoredUser {
    const user: StoredUser = {
      id: this.nextId(),
      username: input.username,
      globalName: input.globalName ?? null,
      bot: false,
      dmsClosed: input.dmsClosed ?? false,
      locale: input.locale ?? "en-US",
    };
    this.users.set(user.id, user);
    return user;
  }

  addGuild(input: { name: string; ownerId: string; botPermissions: bigint; preferredLocale?: string }): StoredGuild {
    const id = this.nextId();
    const botRoleId = this.nextId();
    const guild: StoredGuild = {
      id,
      name: input.name,
      ownerId: input.ownerId,
      everyoneRoleId: id,
      botRoleId,
      managerRoleId: null,
      memberUserIds: [],
      channelIds: [],
      roleIds: [],
      preferredLocale: input.preferredLocale ?? "en-US",
      botPresence: "member",
    };
    this.guilds.set(id, guild);
    this.addRole(guild, {
      id,
      name: "@everyone",
      permissions: DEFAULT_EVERYONE_PERMISSIONS,
      managed: false,
      botId: null,
      mentionable: false,
    });
    this.addRole(guild, {
      id: botRoleId,
      name: this.botUser.username,
      permissions: input.botPermissions,
      managed: true,
      botId: this.botUser.id,
      mentionable: false,
    });
    this.addMember(guild.id, input.ownerId, { nick: null, roleIds: [] });
    this.addMember(guild.id, this.botUser.id, { nick: null, roleIds: [botRoleId] });
    return guild;
  }

  addRole(
    guild: StoredGuild,
    input: {
      id?: string;
      name: string;
      permissions: bigint;
      managed?: boolean;
      botId?: string | null;
      mentionable?: boolean;
    },
  ): StoredRole {
    const role: StoredRole = {
      id: input.id ?? this.nextId(),
      guildId: guild.id,
      name: input.name,
      permissions: input.permissions,
      position: guild.roleIds.length,
      managed: input.managed ?? false,
      mentionable: input.mentionable ?? false,
      botId: input.botId ?? null,
    };
    this.roles.set(role.id, role);
    guild.roleIds.push(role.id);
    return role;
  }

  /**
   * The role is gone from the guild, as when an admin deletes it in Server Settings: no member holds it any more
   * (Discord sends no member update for that); false when the guild has no such role.
   */
  removeRole(guild: StoredGuild, roleId: string): boolean {
    if (!guild.roleIds.includes(roleId)) return false;
    guild.roleIds = guild.roleIds.filter((id) => id !== roleId);
    this.roles.delete(roleId);
    if (guild.managerRoleId === roleId) guild.managerRoleId = null;
    for (const member of this.guildMembers(guild)) member.roleIds = member.roleIds.filter((id) => id !== roleId);
    return true;
  }

  /** The role granting Manage Server, created the first time a member needs it. */
  managerRole(guild: StoredGuild): StoredRole {
    const existing = guild.managerRoleId ? this.roles.get(guild.managerRoleId) : undefined;
    if (existing) return existing;
    const role = this.addRole(guild, { name: "Server Manager", permissions: PermissionFlagsBits.ManageGuild });
    guild.managerRoleId = role.id;
    return role;
  }

  addMember(guildId: string, userId: string, input: { nick: string | null; roleIds: string[] }): StoredMember {
    const guild = this.guilds.get(guildId);
    if (!guild) throw new Error(`Unknown guild ${guildId}`);
    const member: StoredMember = {
      guildId,
      userId,
      nick: input.nick,
      roleIds: [...input.roleIds],
      joinedAt: new Date().toISOString(),
    };
    this.members.set(memberKey(guildId, userId), member);
    if (!guild.memberUserIds.includes(userId)) guild.memberUserIds.push(userId);
    return member;
  }

  /** The user is no longer in the guild (left it, or was kicked); false when they were not in it. */
  removeMember(guildId: string, userId: string): boolean {
    const guild = this.guilds.get(guildId);
    if (!guild || !this.members.delete(memberKey(guildId, userId))) return false;
    guild.memberUserIds = guild.memberUserIds.filter((id) => id !== userId);
    return true;
  }

  member(guildId: string, userId: string): StoredMember | undefined {
    return this.members.get(memberKey(guildId, userId));
  }

  guildMembers(guild: StoredGuild): StoredMember[] {
    return guild.memberUserIds.flatMap((userId) => {
      const member = this.member(guild.id, userId);
      return member ? [member] : [];
    });
  }

  guildRoles(guild: StoredGuild): StoredRole[] {
    return guild.roleIds.flatMap((id) => {
      const role = this.roles.get(id);
      return role ? [role] : [];
    });
  }

  /** Live (not deleted) channels of a guild, threads included. */
  guildChannels(guild: StoredGuild): StoredChannel[] {
    return guild.channelIds.flatMap((id) => {
      const channel = this.channels.get(id);
      return channel && !channel.deleted ? [channel] : [];
    });
  }

  addGuildChannel(
    guild: StoredGuild,
    input: {
      id?: string;
      type: ChannelType;
      name: string;
      topic?: string | null;
      parentId?: string | null;
      overwrites?: StoredOverwrite[];
      thread?: StoredThreadMetadata | null;
    },
  ): StoredChannel {
    const channel: StoredChannel = {
      id: input.id ?? this.nextId(),
      type: input.type,
      guildId: guild.id,
      name: input.name,
      topic: input.topic ?? null,
      position: guild.channelIds.length,
      parentId: input.parentId ?? null,
      overwrites: input.overwrites ?? [],
      recipientId: null,
      lastMessageId: null,
      deleted: false,
      thread: input.thread ?? null,
    };
    this.channels.set(channel.id, channel);
    guild.channelIds.push(channel.id);
    return channel;
  }

  /** The bot's DM channel with a user, created on first use like POST /users/@me/channels. */
  dmChannelFor(userId: string): StoredChannel {
    const existingId = this.dmChannelIdByUserId.get(userId);
    const existing = existingId ? this.channels.get(existingId) : undefined;
    if (existing) return existing;
    const channel: StoredChannel = {
      id: this.nextId(),
      type: ChannelType.DM,
      guildId: null,
      name: null,
      topic: null,
      position: 0,
      parentId: null,
      overwrites: [],
      recipientId: userId,
      lastMessageId: null,
      deleted: false,
      thread: null,
    };
    this.channels.set(channel.id, channel);
    this.dmChannelIdByUserId.set(userId, channel.id);
    return channel;
  }

  existingDmChannelId(userId: string): string | undefined {
    return this.dmChannelIdByUserId.get(userId);
  }

  liveChannel(channelId: string): StoredChannel | undefined {
    const channel = this.channels.get(channelId);
    return channel && !channel.deleted ? channel : undefined;
  }

  addMessage(message: StoredMessage): StoredMessage {
    this.messages.set(message.id, message);
    const ids = this.messageIdsByChannel.get(message.channelId) ?? [];
    ids.push(message.id);
    this.messageIdsByChannel.set(message.channelId, ids);
    const channel = this.channels.get(message.channelId);
    if (channel && message.visibleToUserId === null) {
      channel.lastMessageId = message.id;
      if (channel.thread) channel.thread.messageCount += 1;
    }
    for (const attachment of message.attachments) this.attachments.set(attachment.id, attachment);
    return message;
  }

  /** Messages of a channel in creation order, deleted ones left out. */
  channelMessages(channelId: string): StoredMessage[] {
    return (this.messageIdsByChannel.get(channelId) ?? []).flatMap((id) => {
      const message = this.messages.get(id);
      return message && !message.deleted ? [message] : [];
    });
  }

  liveMessage(messageId: string): StoredMessage | undefined {
    const message = this.messages.get(messageId);
    return message && !message.deleted ? message : undefined;
  }

  commandsFor(guildId: string | null): StoredCommand[] {
    if (guildId === null) return this.globalCommands;
    let list = this.guildCommands.get(guildId);
    if (!list) {
      list = [];
      this.guildCommands.set(guildId, list);
    }
    return list;
  }

  /**
   * Permissions a user has in a guild before channel overwrites (Discord's "base permissions").
   * The owner and administrators get everything.
   */
  basePermissions(guild: StoredGuild, userId: string): bigint {
    if (guild.ownerId === userId) return ALL_PERMISSIONS;
    const member = this.member(guild.id, userId);
    if (!member) return 0n;
    let permissions = this.roles.get(guild.everyoneRoleId)?.permissions ?? 0n;
    for (const roleId of member.roleIds) permissions |= this.roles.get(roleId)?.permissions ?? 0n;
    if ((permissions & PermissionFlagsBits.Administrator) !== 0n) return ALL_PERMISSIONS;
    return permissions;
  }

  /**
   * A user's permissions in a channel, following Discord's documented order: base permissions,
   * then @everyone's overwrite, then role overwrites together, then the member's own overwrite.
   * Threads use their parent's overwrites. Without View Channel nothing else applies.
   */
  channelPermissions(channel: StoredChannel, userId: string): bigint {
    if (channel.guildId === null) return DM_PERMISSIONS;
    const guild = this.guilds.get(channel.guildId);
    if (!guild) return 0n;
    const base = this.basePermissions(guild, userId);
    if (base === ALL_PERMISSIONS) return ALL_PERMISSIONS;
    const overwriteSource = channel.thread && channel.parentId ? this.channels.get(channel.parentId) : channel;
    const overwrites = overwriteSource?.overwrites ?? [];
    const member = this.member(guild.id, userId);
    let permissions = base;
    const everyone = overwrites.find((o) => o.type === OverwriteType.Role && o.id === guild.everyoneRoleId);
    if (everyone) permissions = (permissions & ~everyone.deny) | everyone.allow;
    let roleAllow = 0n;
    let roleDeny = 0n;
    for (const overwrite of overwrites) {
      if (overwrite.type === OverwriteType.Role && member?.roleIds.includes(overwrite.id)) {
        roleAllow |= overwrite.allow;
        roleDeny |= overwrite.deny;
      }
    }
    permissions = (permissions & ~roleDeny) | roleAllow;
    const own = overwrites.find((o) => o.type === OverwriteType.Member && o.id === userId);
    if (own) permissions = (permissions & ~own.deny) | own.allow;
    if ((permissions & PermissionFlagsBits.ViewChannel) === 0n) return 0n;
    return permissions;
  }
}

/** What anyone can do in a DM channel. */
const DM_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis;

export const EPHEMERAL_FLAG: number = MessageFlags.Ephemeral;
export const LOADING_FLAG: number = MessageFlags.Loading;

function memberKey(guildId: string, userId: string): string {
  return `${guildId}:${userId}`;
}
