import { InteractionContextType } from "discord-api-types/v10";
import type { APIInteractionGuildMember } from "discord-api-types/v10";
import type { EmulatorState, StoredChannel } from "./EmulatorState.js";
import type { InteractionRecord } from "./InteractionRegistry.js";
import { toApiChannel, toApiMember, toApiUser } from "./toApiPayloads.js";

/** Discord's attachment size limit for bots in a server without boosts. */
const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

/**
 * The fields every INTERACTION_CREATE shares: ids, token, invoking member (with their channel
 * permissions) or DM user, the channel, the bot's permissions there, locale and context.
 * `data` and `message` are added by the caller.
 */
export function buildInteractionPayload(
  state: EmulatorState,
  applicationId: string,
  record: InteractionRecord,
  channel: StoredChannel,
): Record<string, unknown> {
  const user = state.users.get(record.userId);
  if (!user) throw new Error(`Interaction user ${record.userId} has no user record`);
  const base: Record<string, unknown> = {
    id: record.id,
    application_id: applicationId,
    type: record.type,
    token: record.token,
    version: 1,
    channel_id: channel.id,
    locale: user.locale,
    entitlements: [],
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
  };
  const guild = channel.guildId ? state.guilds.get(channel.guildId) : undefined;
  if (!guild) {
    return {
      ...base,
      user: toApiUser(user),
      channel: toApiChannel(state, channel),
      app_permissions: state.channelPermissions(channel, state.botUser.id).toString(),
      authorizing_integration_owners: { "0": "0" },
      context: InteractionContextType.BotDM,
    };
  }
  const member = state.member(guild.id, user.id);
  if (!member) throw new Error(`User ${user.id} is not a member of guild ${guild.id}`);
  const memberPermissions = state.channelPermissions(channel, user.id).toString();
  const interactionMember: APIInteractionGuildMember = { ...toApiMember(state, member), permissions: memberPermissions };
  return {
    ...base,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
    guild_locale: guild.preferredLocale,
    member: interactionMember,
    channel: { ...toApiChannel(state, channel), permissions: memberPermissions },
    app_permissions: state.channelPermissions(channel, state.botUser.id).toString(),
    authorizing_integration_owners: { "0": guild.id },
    context: InteractionContextType.Guild,
  };
}
