import {
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  InteractionType,
  PermissionFlagsBits,
} from "discord-api-types/v10";
import { buildCommandOptions } from "./buildCommandOptions.js";
import type { CommandOptionsInput, OptionMode } from "./buildCommandOptions.js";
import { buildInteractionPayload } from "./buildInteractionPayload.js";
import type { EmulatorGateway } from "./EmulatorGateway.js";
import type { EmulatorState, StoredChannel, StoredCommand, StoredGuild } from "./EmulatorState.js";
import { ALL_PERMISSIONS } from "./EmulatorState.js";
import { EmulatorUsageError } from "./EmulatorUsageError.js";
import { InteractionHandle } from "./InteractionHandle.js";
import type { InteractionRecord, InteractionRegistry } from "./InteractionRegistry.js";
import { InteractionKind } from "./InteractionRegistry.js";
import type { EmulatorMessage, MessageService } from "./MessageService.js";
import { toApiMessage } from "./toApiPayloads.js";

export interface RunCommandInput {
  guildId: string;
  channelId: string;
  userId: string;
  /** The command name, optionally followed by group/sub-command names: "cohort create". */
  name: string;
  options?: CommandOptionsInput | undefined;
  /**
   * Discord's client hides commands whose default_member_permissions the user lacks; set this to
   * invoke anyway (to test the bot's own run-time permission check).
   */
  ignoreDefaultMemberPermissions?: boolean | undefined;
}

export interface AutocompleteInput extends RunCommandInput {
  /** The option being typed in; its value in `options` is the text typed so far. */
  focused: string;
  timeoutMs?: number | undefined;
}

export interface ClickButtonInput {
  userId: string;
  messageId: string;
  customId: string;
}

export interface SelectMenuInput extends ClickButtonInput {
  values: string[];
}

export const SELECT_MENU_TYPES: readonly ComponentType[] = [
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
];

/**
 * Turns "a user did X" into INTERACTION_CREATE the way Discord's client would: it refuses what a
 * real user could not do (with EmulatorUsageError), types the payload and records the interaction.
 */
export class InteractionDispatcher {
  constructor(
    private readonly options: {
      state: EmulatorState;
      gateway: EmulatorGateway;
      interactions: InteractionRegistry;
      messages: MessageService;
      applicationId: string;
      messageSnapshot: (messageId: string) => EmulatorMessage | null;
      onDispatched: (record: InteractionRecord) => void;
    },
  ) {}

  /** A member runs a slash command, or types into one of its autocomplete options. */
  command(input: RunCommandInput, mode: OptionMode): InteractionHandle {
    const { state } = this.options;
    const guild = requireGuildForUsage(state, input.guildId);
    const channel = requireChannelForUsage(state, input.channelId);
    if (channel.guildId !== guild.id) throw new EmulatorUsageError(`Channel ${channel.id} is not in ${guild.name}`);
    this.requireMemberWhoCanSee(guild, channel, input.userId);
    const [commandName = "", ...subcommandPath] = input.name.trim().replace(/^\//, "").split(/\s+/);
    const command = this.findCommand(guild.id, commandName);
    if (!input.ignoreDefaultMemberPermissions) this.checkDefaultMemberPermissions(guild, input.userId, command);
    const built = buildCommandOptions(command.input, subcommandPath, input.options ?? {}, mode, {
      state,
      guildId: guild.id,
      channel,
      invokerId: input.userId,
      storeAttachment: (file) => this.options.messages.storeAttachment(channel.id, file),
    });
    this.requireConnectedBot();
    const execute = mode.kind === "execute";
    const record = this.options.interactions.create({
      id: state.nextId(),
      kind: execute ? InteractionKind.Command : InteractionKind.Autocomplete,
      type: execute ? InteractionType.ApplicationCommand : InteractionType.ApplicationCommandAutocomplete,
      guildId: guild.id,
      channelId: channel.id,
      userId: input.userId,
      commandName: built.invokedName,
      customId: null,
      sourceMessageId: null,
    });
    return this.deliver(record, {
      ...buildInteractionPayload(state, this.options.applicationId, record, channel),
      data: {
        id: command.definition.id,
        name: command.definition.name,
        type: ApplicationCommandType.ChatInput,
        ...(command.definition.guild_id ? { guild_id: command.definition.guild_id } : {}),
        ...(built.options.length > 0 ? { options: built.options } : {}),
        ...(built.resolved ? { resolved: built.resolved } : {}),
      },
    });
  }

  /** A user uses a button (no values) or a select menu (values) on a message they can see. */
  component(input: ClickButtonInput, values: string[] | undefined): InteractionHandle {
    const { state } = this.options;
    const message = state.liveMessage(input.messageId);
    if (!message) throw new EmulatorUsageError(`No message ${input.messageId}`);
    const channel = requireChannelForUsage(state, message.channelId);
    if (message.visibleToUserId !== null && message.visibleToUserId !== input.userId) {
      throw new EmulatorUsageError(`Message ${message.id} is ephemeral and only visible to ${message.visibleToUserId}`);
    }
    if (channel.type === ChannelType.DM) {
      if (channel.recipientId !== input.userId) {
        throw new EmulatorUsageError(`Message ${message.id} is in another user's DMs`);
      }
    } else {
      const guild = requireGuildForUsage(state, channel.guildId ?? "");
      this.requireMemberWhoCanSee(guild, channel, input.userId);
    }
    const component = findComponent(message.components, input.customId);
    if (!component) {
      const known = collectCustomIds(message.components);
      throw new EmulatorUsageError(
        `Message ${message.id} has no component "${input.customId}"; it has: ${known.length > 0 ? known.join(", ") : "(none)"}`,
      );
    }
    const isSelect = SELECT_MENU_TYPES.includes(component.type);
    if (values ? !isSelect : component.type !== ComponentType.Button) {
      throw new EmulatorUsageError(
        `Component "${input.customId}" is of type ${component.type}, not a ${values ? "select menu" : "button"}`,
      );
    }
    if (component.disabled) throw new EmulatorUsageError(`Component "${input.customId}" is disabled`);
    this.requireConnectedBot();
    const record = this.options.interactions.create({
      id: state.nextId(),
      kind: InteractionKind.Component,
      type: InteractionType.MessageComponent,
      guildId: channel.guildId,
      channelId: channel.id,
      userId: input.userId,
      commandName: null,
      customId: input.customId,
      sourceMessageId: message.id,
    });
    return this.deliver(record, {
      ...buildInteractionPayload(state, this.options.applicationId, record, channel),
      message: toApiMessage(state, message),
      data: {
        custom_id: input.customId,
        component_type: component.type,
        ...(values ? { values: [...values] } : {}),
      },
    });
  }

  private deliver(record: InteractionRecord, payload: Record<string, unknown>): InteractionHandle {
    this.options.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload, {
      guildId: record.guildId,
      intent: null,
    });
    this.options.onDispatched(record);
    return new InteractionHandle(record, this.options.interactions, this.options.messageSnapshot);
  }

  private findCommand(guildId: string, name: string): StoredCommand {
    const { state } = this.options;
    const isMatch = (command: StoredCommand) => command.input.name === name && command.input.type === ApplicationCommandType.ChatInput;
    const command = state.commandsFor(guildId).find(isMatch) ?? state.globalCommands.find(isMatch);
    if (command) return command;
    const names = [...state.commandsFor(guildId), ...state.globalCommands].map((c) => `/${c.input.name}`);
    throw new EmulatorUsageError(
      `No command /${name} is registered for this server; registered: ${names.length > 0 ? names.join(", ") : "(none)"}`,
    );
  }

  /** Discord's client only offers a command to members with its default_member_permissions. */
  private checkDefaultMemberPermissions(guild: StoredGuild, userId: string, command: StoredCommand): void {
    const required = command.input.defaultMemberPermissions;
    if (required === null) return;
    const permissions = this.options.state.basePermissions(guild, userId);
    const needed = BigInt(required);
    // "0" hides the command from everyone but administrators.
    const allowed = permissions === ALL_PERMISSIONS || (needed !== 0n && (permissions & needed) === needed);
    if (!allowed) {
      throw new EmulatorUsageError(
        `Discord would not offer /${command.input.name} to user ${userId}: it needs permissions ${required} ` +
          `(pass ignoreDefaultMemberPermissions to invoke it anyway)`,
      );
    }
  }

  private requireMemberWhoCanSee(guild: StoredGuild, channel: StoredChannel, userId: string): void {
    const { state } = this.options;
    if (!state.member(guild.id, userId)) throw new EmulatorUsageError(`User ${userId} is not a member of ${guild.name}`);
    if ((state.channelPermissions(channel, userId) & PermissionFlagsBits.ViewChannel) === 0n) {
      throw new EmulatorUsageError(`User ${userId} cannot see #${channel.name ?? channel.id}`);
    }
  }

  private requireConnectedBot(): void {
    if (this.options.gateway.connectedSessions().length === 0) {
      throw new EmulatorUsageError("No bot is connected to the gateway; log a client in first");
    }
  }
}

export function requireGuildForUsage(state: EmulatorState, guildId: string): StoredGuild {
  const guild = state.guilds.get(guildId);
  if (!guild) throw new EmulatorUsageError(`No guild ${guildId}`);
  return guild;
}

export function requireChannelForUsage(state: EmulatorState, channelId: string): StoredChannel {
  const channel = state.liveChannel(channelId);
  if (!channel) throw new EmulatorUsageError(`No channel ${channelId} (or it was deleted)`);
  return channel;
}

interface FoundComponent {
  type: ComponentType;
  disabled: boolean;
}

/** Searches action rows, containers and section accessories for a component with this custom_id. */
function findComponent(components: unknown, customId: string): FoundComponent | null {
  if (Array.isArray(components)) {
    for (const item of components) {
      const found = findComponent(item, customId);
      if (found) return found;
    }
    return null;
  }
  if (typeof components !== "object" || components === null) return null;
  const record = components as Record<string, unknown>;
  if (record.custom_id === customId && typeof record.type === "number") {
    return { type: record.type as ComponentType, disabled: record.disabled === true };
  }
  return findComponent(record.components, customId) ?? findComponent(record.accessory, customId);
}

function collectCustomIds(components: unknown): string[] {
  if (Array.isArray(components)) return components.flatMap(collectCustomIds);
  if (typeof components !== "object" || components === null) return [];
  const record = components as Record<string, unknown>;
  return [
    ...(typeof record.custom_id === "string" ? [record.custom_id] : []),
    ...collectCustomIds(record.components),
    ...collectCustomIds(record.accessory),
  ];
}
