import { ApplicationCommandOptionType } from "discord-api-types/v10";
import type { APIInteractionDataResolved } from "discord-api-types/v10";
import type { EmulatorState, StoredAttachment, StoredChannel } from "./EmulatorState.js";
import { EmulatorUsageError } from "./EmulatorUsageError.js";
import type { CommandOptionDefinition, CommandDefinitionInput } from "./readCommandDefinitions.js";
import { toApiAttachment, toApiMember, toApiRole, toApiUser, toResolvedChannel } from "./toApiPayloads.js";

/** A file given to an attachment option; the emulator serves it under /attachments/. */
export interface AttachmentOptionInput {
  name: string;
  content: string | Uint8Array;
  contentType?: string;
}

export type CommandOptionValue = string | number | boolean | AttachmentOptionInput;

/**
 * Option values by option name. `subcommand` and `subcommandGroup` pick the sub-command (or give
 * them in the command name: `"cohort create"`). Users, channels and roles are given by id.
 */
export type CommandOptionsInput = Readonly<Record<string, CommandOptionValue | undefined>>;

/** One entry of `data.options` in an interaction. */
export interface InteractionDataOption {
  name: string;
  type: ApplicationCommandOptionType;
  value?: string | number | boolean;
  options?: InteractionDataOption[];
  focused?: boolean;
}

export type OptionMode = { kind: "execute" } | { kind: "autocomplete"; focused: string };

export interface OptionContext {
  state: EmulatorState;
  guildId: string;
  channel: StoredChannel;
  invokerId: string;
  storeAttachment(file: { filename: string; contentType: string | null; data: Buffer }): StoredAttachment;
}

export interface BuiltCommandOptions {
  options: InteractionDataOption[];
  resolved: APIInteractionDataResolved | null;
  /** The full invoked name, e.g. "cohort create". */
  invokedName: string;
}

const SUBCOMMAND_KEY = "subcommand";
const GROUP_KEY = "subcommandGroup";

/**
 * Types plain option values by the registered command schema, the way Discord's client would
 * send them: nested sub-command options, typed values, `resolved` entries for users, members,
 * channels, roles and attachments. Throws EmulatorUsageError for anything a user could not send.
 */
export function buildCommandOptions(
  command: CommandDefinitionInput,
  subcommandPath: readonly string[],
  input: CommandOptionsInput,
  mode: OptionMode,
  context: OptionContext,
): BuiltCommandOptions {
  const resolved: Required<APIInteractionDataResolved> = {
    users: {},
    members: {},
    roles: {},
    channels: {},
    attachments: {},
  };
  const remainingPath = [...subcommandPath];
  const values: Record<string, CommandOptionValue | undefined> = { ...input };
  const names = [command.name];

  const build = (definitions: CommandOptionDefinition[], where: string): InteractionDataOption[] => {
    const needsSubcommand = definitions.some(
      (option) => option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup,
    );
    if (!needsSubcommand) return buildLeafOptions(definitions, values, where, mode, context, resolved);

    const isGroupLevel = definitions.some((option) => option.type === ApplicationCommandOptionType.SubcommandGroup);
    let chosen = remainingPath.shift();
    if (chosen === undefined) {
      // A top level may mix groups and plain sub-commands, so `subcommand` can also pick at this level.
      const key = isGroupLevel && values[GROUP_KEY] !== undefined ? GROUP_KEY : SUBCOMMAND_KEY;
      const given = values[key];
      if (typeof given === "string") {
        chosen = given;
        values[key] = undefined; // consumed: an undefined value counts as not given
      }
    }
    const choices = definitions.map((option) => option.name);
    if (chosen === undefined) {
      throw new EmulatorUsageError(`${where} needs a sub-command; one of: ${choices.join(", ")}`);
    }
    const definition = definitions.find((option) => option.name === chosen);
    if (!definition) {
      throw new EmulatorUsageError(`${where} has no sub-command "${chosen}"; known: ${choices.join(", ")}`);
    }
    names.push(definition.name);
    return [{ name: definition.name, type: definition.type, options: build(definition.options, `/${names.join(" ")}`) }];
  };

  const options = build(command.options, `/${command.name}`);
  if (remainingPath.length > 0) {
    throw new EmulatorUsageError(`/${names.join(" ")} has no sub-command "${remainingPath.join(" ")}"`);
  }
  const nonEmpty = Object.fromEntries(
    Object.entries(resolved).filter(([, entries]) => Object.keys(entries).length > 0),
  ) as APIInteractionDataResolved;
  return { options, resolved: Object.keys(nonEmpty).length > 0 ? nonEmpty : null, invokedName: names.join(" ") };
}

function buildLeafOptions(
  definitions: CommandOptionDefinition[],
  values: Record<string, CommandOptionValue | undefined>,
  where: string,
  mode: OptionMode,
  context: OptionContext,
  resolved: Required<APIInteractionDataResolved>,
): InteractionDataOption[] {
  const known = definitions.map((option) => option.name);
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && !known.includes(name)) {
      throw new EmulatorUsageError(`${where} has no option "${name}"; known options: ${known.length > 0 ? known.join(", ") : "(none)"}`);
    }
  }
  if (mode.kind === "autocomplete") {
    const focused = definitions.find((option) => option.name === mode.focused);
    if (!focused) throw new EmulatorUsageError(`${where} has no option "${mode.focused}" to autocomplete`);
    if (!focused.autocomplete) {
      throw new EmulatorUsageError(`Option "${mode.focused}" of ${where} was not registered with autocomplete: true`);
    }
  }
  const built: InteractionDataOption[] = [];
  for (const definition of definitions) {
    const value = values[definition.name];
    const isFocused = mode.kind === "autocomplete" && mode.focused === definition.name;
    if (isFocused) {
      // The focused option carries the raw text typed so far, whatever its declared type.
      built.push({
        name: definition.name,
        type: definition.type,
        value: value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value),
        focused: true,
      });
      continue;
    }
    if (value === undefined) {
      if (definition.required && mode.kind === "execute") {
        throw new EmulatorUsageError(`${where} needs option "${definition.name}" (required)`, {
          kind: "optionRequired",
          command: where,
          option: definition.name,
        });
      }
      continue;
    }
    built.push({
      name: definition.name,
      type: definition.type,
      value: typedValue(definition, value, where, mode, context, resolved),
    });
  }
  return built;
}

function typedValue(
  definition: CommandOptionDefinition,
  value: CommandOptionValue,
  where: string,
  mode: OptionMode,
  context: OptionContext,
  resolved: Required<APIInteractionDataResolved>,
): string | number | boolean {
  const label = `Option "${definition.name}" of ${where}`;
  const at: OptionAt = { command: where, option: definition.name };
  switch (definition.type) {
    case ApplicationCommandOptionType.String:
      return stringValue(definition, value, label, at, mode);
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number:
      return numberValue(definition, value, label, at, mode);
    case ApplicationCommandOptionType.Boolean:
      if (typeof value !== "boolean") throw new EmulatorUsageError(`${label} takes true or false`);
      return value;
    case ApplicationCommandOptionType.User:
      return resolveUser(requireId(value, label), label, at, context, resolved);
    case ApplicationCommandOptionType.Role:
      return resolveRole(requireId(value, label), label, context, resolved);
    case ApplicationCommandOptionType.Mentionable: {
      const id = requireId(value, label);
      return context.state.roles.has(id) ? resolveRole(id, label, context, resolved) : resolveUser(id, label, at, context, resolved);
    }
    case ApplicationCommandOptionType.Channel:
      return channelValue(definition, requireId(value, label), label, context, resolved);
    case ApplicationCommandOptionType.Attachment:
      return attachmentValue(value, label, context, resolved);
    default:
      throw new EmulatorUsageError(`${label} has a type (${definition.type}) that takes no value`);
  }
}

/** Where an option is, for the problems the playground words: the command as typed (`/cohort create`) and its option. */
type OptionAt = { readonly command: string; readonly option: string };

function stringValue(
  definition: CommandOptionDefinition,
  value: CommandOptionValue,
  label: string,
  at: OptionAt,
  mode: OptionMode,
): string {
  if (typeof value !== "string") throw new EmulatorUsageError(`${label} takes a string`);
  // Discord's API counts choice names in code points; how the app counts an option's min/max_length is not
  // documented. Counting code points (an emoji or a bold "𝐁" is one) here, as the bot does, is safe either way.
  const length = characterCount(value);
  if (definition.minLength !== null && length < definition.minLength) {
    throw new EmulatorUsageError(`${label} must be at least ${definition.minLength} characters`, {
      kind: "optionMinLength",
      ...at,
      limit: definition.minLength,
    });
  }
  if (definition.maxLength !== null && length > definition.maxLength) {
    throw new EmulatorUsageError(`${label} must be at most ${definition.maxLength} characters`, {
      kind: "optionMaxLength",
      ...at,
      limit: definition.maxLength,
    });
  }
  checkChoice(definition, value, label, mode);
  return value;
}

function characterCount(text: string): number {
  let count = 0;
  for (const _character of text) count += 1;
  return count;
}

function numberValue(
  definition: CommandOptionDefinition,
  value: CommandOptionValue,
  label: string,
  at: OptionAt,
  mode: OptionMode,
): number {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof number !== "number" || !Number.isFinite(number))
    throw new EmulatorUsageError(`${label} takes a number`, { kind: "optionNumber", ...at });
  if (definition.type === ApplicationCommandOptionType.Integer && !Number.isInteger(number)) {
    throw new EmulatorUsageError(`${label} takes an integer`, { kind: "optionInteger", ...at });
  }
  if (definition.minValue !== null && number < definition.minValue) {
    throw new EmulatorUsageError(`${label} must be at least ${definition.minValue}`, {
      kind: "optionAtLeast",
      ...at,
      limit: definition.minValue,
    });
  }
  if (definition.maxValue !== null && number > definition.maxValue) {
    throw new EmulatorUsageError(`${label} must be at most ${definition.maxValue}`, {
      kind: "optionAtMost",
      ...at,
      limit: definition.maxValue,
    });
  }
  checkChoice(definition, number, label, mode);
  return number;
}

function channelValue(
  definition: CommandOptionDefinition,
  id: string,
  label: string,
  context: OptionContext,
  resolved: Required<APIInteractionDataResolved>,
): string {
  const { state } = context;
  const channel = state.liveChannel(id);
  if (!channel || channel.guildId !== context.guildId) {
    throw new EmulatorUsageError(`${label}: no channel ${id} in this server`);
  }
  if (definition.channelTypes && !definition.channelTypes.includes(channel.type)) {
    throw new EmulatorUsageError(
      `${label} only accepts channel types ${definition.channelTypes.join(", ")}; #${channel.name ?? id} is type ${channel.type}`,
    );
  }
  resolved.channels[id] = toResolvedChannel(state, channel, context.invokerId);
  return id;
}

// `null` too: values arrive as JSON over the test API, whatever the types say.
function attachmentValue(
  value: CommandOptionValue | null,
  label: string,
  context: OptionContext,
  resolved: Required<APIInteractionDataResolved>,
): string {
  if (typeof value !== "object" || value === null || typeof value.name !== "string") {
    throw new EmulatorUsageError(`${label} takes a file: { name, content, contentType? }`);
  }
  const data = typeof value.content === "string" ? Buffer.from(value.content, "utf8") : Buffer.from(value.content);
  const attachment = context.storeAttachment({
    filename: value.name,
    contentType: value.contentType ?? guessContentType(value.name),
    data,
  });
  resolved.attachments[attachment.id] = { ...toApiAttachment(attachment), ephemeral: true };
  return attachment.id;
}

function checkChoice(definition: CommandOptionDefinition, value: string | number, label: string, mode: OptionMode): void {
  if (mode.kind !== "execute" || !definition.choices || definition.choices.length === 0) return;
  if (!definition.choices.some((choice) => choice.value === value)) {
    const allowed = definition.choices.map((choice) => JSON.stringify(choice.value)).join(", ");
    throw new EmulatorUsageError(`${label} must be one of its choices: ${allowed}`);
  }
}

function requireId(value: CommandOptionValue, label: string): string {
  if (typeof value !== "string" || !/^\d{1,20}$/.test(value)) {
    throw new EmulatorUsageError(`${label} takes an id (snowflake string)`);
  }
  return value;
}

function resolveUser(
  id: string,
  label: string,
  at: OptionAt,
  context: OptionContext,
  resolved: Required<APIInteractionDataResolved>,
): string {
  const { state } = context;
  const user = state.users.get(id);
  if (!user) throw new EmulatorUsageError(`${label}: no user ${id}`, { kind: "optionUnknownUser", ...at, id });
  resolved.users[id] = toApiUser(user);
  const member = state.member(context.guildId, id);
  if (member) {
    const { user: _user, deaf: _deaf, mute: _mute, ...rest } = toApiMember(state, member);
    resolved.members[id] = {
      ...rest,
      permissions: state.channelPermissions(context.channel, id).toString(),
    };
  }
  return id;
}

function resolveRole(id: string, label: string, context: OptionContext, resolved: Required<APIInteractionDataResolved>): string {
  const role = context.state.roles.get(id);
  if (!role || role.guildId !== context.guildId) throw new EmulatorUsageError(`${label}: no role ${id} in this server`);
  resolved.roles[id] = toApiRole(role);
  return id;
}

function guessContentType(filename: string): string {
  const extension = filename.toLowerCase().split(".").pop() ?? "";
  const types: Record<string, string> = {
    md: "text/markdown; charset=utf-8",
    txt: "text/plain; charset=utf-8",
    json: "application/json; charset=utf-8",
    csv: "text/csv; charset=utf-8",
    png: "image/png",
    jpg: "image/jpeg",
    jpeg: "image/jpeg",
    pdf: "application/pdf",
  };
  return types[extension] ?? "application/octet-stream";
}
