import { ChannelType, PermissionFlagsBits } from "discord-api-types/v10";
import type { EmulatorGateway } from "./EmulatorGateway.js";
import type { EmulatorState, StoredChannel, StoredGuild } from "./EmulatorState.js";
import { isThreadType } from "./EmulatorState.js";
import type { InteractionCallbackRecord, InteractionRecord, InteractionRegistry } from "./InteractionRegistry.js";
import type { MessageService } from "./MessageService.js";
import { DiscordRestError, restErrors } from "./DiscordRestError.js";

/** What the REST route handlers share. */
export interface EmulatorContext {
  state: EmulatorState;
  gateway: EmulatorGateway;
  messages: MessageService;
  interactions: InteractionRegistry;
  applicationId: string;
  /** e.g. `ws://127.0.0.1:PORT` */
  gatewayUrl(): string;
  /** What GET /gateway/bot recommends: the shard count and how many shards may identify per 5 seconds. */
  sharding: { recommendedShards: number; maxConcurrency: number };
  onInteractionCallback(record: InteractionRecord, callback: InteractionCallbackRecord): void;
}

export function requireGuild(context: EmulatorContext, guildId: string): StoredGuild {
  const guild = context.state.guilds.get(guildId);
  // Discord answers "Unknown Guild" both for guilds that do not exist and ones the bot is not in.
  if (!guild) throw restErrors.unknownGuild();
  return guild;
}

export function requireChannel(context: EmulatorContext, channelId: string): StoredChannel {
  const channel = context.state.liveChannel(channelId);
  if (!channel) throw restErrors.unknownChannel();
  return channel;
}

/**
 * Checks the bot's permissions in a channel like Discord: without View Channel the answer is
 * 50001 Missing Access, otherwise any missing bit is 50013 Missing Permissions.
 */
export function requireBotPermissions(context: EmulatorContext, channel: StoredChannel, required: bigint): void {
  if (channel.guildId === null) return;
  const permissions = context.state.channelPermissions(channel, context.state.botUser.id);
  if ((permissions & PermissionFlagsBits.ViewChannel) === 0n) throw restErrors.missingAccess();
  if ((permissions & required) !== required) throw restErrors.missingPermissions();
}

/** The permission a bot needs to post in this channel (threads have their own). */
export function sendPermissionFor(channel: StoredChannel): bigint {
  return isThreadType(channel.type) ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
}

export function isMessageableChannel(channel: StoredChannel): boolean {
  return (
    channel.type === ChannelType.GuildText ||
    channel.type === ChannelType.GuildAnnouncement ||
    channel.type === ChannelType.DM ||
    isThreadType(channel.type)
  );
}

export function cannotSendInChannelType(): DiscordRestError {
  return new DiscordRestError(400, { message: "Cannot send messages in a non-text channel", code: 50008 });
}

export function invalidChannelType(): DiscordRestError {
  return new DiscordRestError(400, { message: "Cannot execute action on this channel type", code: 50024 });
}
