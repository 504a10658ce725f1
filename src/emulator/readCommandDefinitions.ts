import { ApplicationCommandOptionType, ApplicationCommandType } from "discord-api-types/v10";
import type { APIApplicationCommand, APIApplicationCommandOption } from "discord-api-types/v10";
import { FormErrors } from "./DiscordRestError.js";
import { isRecord } from "./readMessagePayload.js";

/** A command option as the emulator reads it back when building interactions. */
export interface CommandOptionDefinition {
  type: ApplicationCommandOptionType;
  name: string;
  description: string;
  required: boolean;
  autocomplete: boolean;
  choices: { name: string; value: string | number }[] | null;
  channelTypes: number[] | null;
  minValue: number | null;
  maxValue: number | null;
  minLength: number | null;
  maxLength: number | null;
  options: CommandOptionDefinition[];
}

/** A validated command body, before Discord assigns id and version. */
export interface CommandDefinitionInput {
  type: ApplicationCommandType;
  name: string;
  description: string;
  defaultMemberPermissions: string | null;
  options: CommandOptionDefinition[];
  /** The body as sent, echoed back in responses (minus fields Discord sets itself). */
  raw: Record<string, unknown>;
}

export const CommandLimits = {
  commandsPerScope: 100,
  nameLength: 32,
  descriptionLength: 100,
  optionsPerLevel: 25,
  choices: 25,
  choiceNameLength: 100,
  choiceStringValueLength: 100,
} as const;

const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const SUBCOMMAND_TYPES: ReadonlySet<number> = new Set([
  ApplicationCommandOptionType.Subcommand,
  ApplicationCommandOptionType.SubcommandGroup,
]);

/**
 * Validates a bulk overwrite body (an array of commands) the way Discord does, throwing 50035
 * with errors keyed by command index.
 */
export function readCommandDefinitions(body: unknown): CommandDefinitionInput[] {
  const errors = new FormErrors();
  if (!Array.isArray(body)) {
    errors.add([], "BASE_TYPE_ARRAY", "Must be an array.");
    errors.throwIfAny();
    return [];
  }
  if (body.length > CommandLimits.commandsPerScope) {
    errors.add([], "BASE_TYPE_MAX_LENGTH", `Must be ${CommandLimits.commandsPerScope} or fewer in length.`);
  }
  const commands = body.map((item: unknown, index) => readOne(item, [index], errors));
  const seen = new Set<string>();
  commands.forEach((command, index) => {
    const key = `${command.type}:${command.name}`;
    if (seen.has(key)) {
      errors.add([index, "name"], "APPLICATION_COMMANDS_DUPLICATE_NAME", `Application command names must be unique`);
    }
    seen.add(key);
  });
  errors.throwIfAny();
  return commands;
}

/** Validates a single command body (POST/PATCH of one command). */
export function readCommandDefinition(body: unknown): CommandDefinitionInput {
  const errors = new FormErrors();
  const command = readOne(body, [], errors);
  errors.throwIfAny();
  return command;
}

/** The public shape Discord returns for a stored command. */
export function toApiCommand(
  input: CommandDefinitionInput,
  ids: { id: string; applicationId: string; version: string; guildId: string | null },
): APIApplicationCommand {
  const { id: _id, application_id: _app, version: _version, guild_id: _guild, ...raw } = input.raw;
  // As Discord: contexts and integration_types are for global commands only; a guild command comes back with
  // contexts null and no integration_types, whatever was sent.
  const { contexts: _contexts, integration_types: _integrationTypes, ...guildRest } = raw;
  const rest = ids.guildId ? { ...guildRest, contexts: null } : raw;
  return {
    ...(rest as Partial<APIApplicationCommand>),
    id: ids.id,
    application_id: ids.applicationId,
    version: ids.version,
    type: input.type,
    name: input.name,
    description: input.description,
    default_member_permissions: input.defaultMemberPermissions,
    nsfw: rest.nsfw === true,
    ...(ids.guildId ? { guild_id: ids.guildId } : {}),
    ...(Array.isArray(rest.options) ? { options: structuredClone(rest.options) as APIApplicationCommandOption[] } : {}),
  };
}

function readOne(item: unknown, path: (string | number)[], errors: FormErrors): CommandDefinitionInput {
  const raw = isRecord(item) ? item : {};
  const type = typeof raw.type === "number" ? (raw.type as ApplicationCommandType) : ApplicationCommandType.ChatInput;
  const name = typeof raw.name === "string" ? raw.name : "";
  if (!NAME_PATTERN.test(name)) {
    errors.add([...path, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
  } else if (type === ApplicationCommandType.ChatInput && name !== name.toLowerCase()) {
    errors.add([...path, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
  }
  const description = typeof raw.description === "string" ? raw.description : "";
  if (type === ApplicationCommandType.ChatInput) {
    checkLength(description, CommandLimits.descriptionLength, [...path, "description"], errors);
  }
  const permissions = raw.default_member_permissions;
  const defaultMemberPermissions =
    typeof permissions === "string" || typeof permissions === "number" || typeof permissions === "bigint" ? String(permissions) : null;
  const options = readOptions(raw.options, [...path, "options"], errors, 0);
  return { type, name, description, defaultMemberPermissions, options, raw: structuredClone(raw) };
}

function readOptions(value: unknown, path: (string | number)[], errors: FormErrors, depth: number): CommandOptionDefinition[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.add(path, "BASE_TYPE_ARRAY", "Must be an array.");
    return [];
  }
  if (value.length > CommandLimits.optionsPerLevel) {
    errors.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${CommandLimits.optionsPerLevel} or fewer in length.`);
  }
  const options = value.map((item: unknown, index) => readOption(item, [...path, index], errors, depth));
  const names = new Set<string>();
  let sawOptional = false;
  const hasSubcommands = options.some((option) => SUBCOMMAND_TYPES.has(option.type));
  options.forEach((option, index) => {
    if (names.has(option.name)) {
      errors.add([...path, index, "name"], "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS", "Option names must be unique");
    }
    names.add(option.name);
    if (hasSubcommands && !SUBCOMMAND_TYPES.has(option.type)) {
      errors.add(
        [...path, index],
        "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
        "Sub-command and sub-command group option types are mutually exclusive to all other types",
      );
    }
    if (!SUBCOMMAND_TYPES.has(option.type)) {
      if (option.required && sawOptional) {
        errors.add(
          [...path, index, "required"],
          "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
          "Required options must be placed before non-required options",
        );
      }
      if (!option.required) sawOptional = true;
    }
  });
  return options;
}

function readOption(item: unknown, path: (string | number)[], errors: FormErrors, depth: number): CommandOptionDefinition {
  const raw = isRecord(item) ? item : {};
  const type = (typeof raw.type === "number" ? raw.type : 0) as ApplicationCommandOptionType;
  if (type < ApplicationCommandOptionType.Subcommand || type > ApplicationCommandOptionType.Attachment) {
    errors.add([...path, "type"], "BASE_TYPE_CHOICES", "Value must be one of the option types.");
  }
  const name = typeof raw.name === "string" ? raw.name : "";
  if (!NAME_PATTERN.test(name) || name !== name.toLowerCase()) {
    errors.add([...path, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
  }
  const description = typeof raw.description === "string" ? raw.description : "";
  checkLength(description, CommandLimits.descriptionLength, [...path, "description"], errors);

  if (type === ApplicationCommandOptionType.SubcommandGroup && depth > 0) {
    errors.add([...path, "type"], "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Sub-command groups cannot be nested");
  }
  if (type === ApplicationCommandOptionType.Subcommand && depth > 1) {
    errors.add([...path, "type"], "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Sub-commands nest at most two levels");
  }
  const children = SUBCOMMAND_TYPES.has(type) ? readOptions(raw.options, [...path, "options"], errors, depth + 1) : [];
  if (type === ApplicationCommandOptionType.SubcommandGroup && children.some((c) => c.type !== ApplicationCommandOptionType.Subcommand)) {
    errors.add([...path, "options"], "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Sub-command groups hold only sub-commands");
  }
  if (type === ApplicationCommandOptionType.Subcommand && children.some((c) => SUBCOMMAND_TYPES.has(c.type))) {
    errors.add([...path, "options"], "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Sub-commands cannot hold sub-commands");
  }

  const choices = readChoices(raw.choices, [...path, "choices"], errors);
  const autocomplete = raw.autocomplete === true;
  if (autocomplete && choices && choices.length > 0) {
    errors.add([...path, "autocomplete"], "APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE", "Autocomplete cannot be set with choices");
  }
  return {
    type,
    name,
    description,
    required: raw.required === true,
    autocomplete,
    choices,
    channelTypes: Array.isArray(raw.channel_types) ? raw.channel_types.filter((t): t is number => typeof t === "number") : null,
    minValue: typeof raw.min_value === "number" ? raw.min_value : null,
    maxValue: typeof raw.max_value === "number" ? raw.max_value : null,
    minLength: typeof raw.min_length === "number" ? raw.min_length : null,
    maxLength: typeof raw.max_length === "number" ? raw.max_length : null,
    options: children,
  };
}

function readChoices(value: unknown, path: (string | number)[], errors: FormErrors): { name: string; value: string | number }[] | null {
  if (!Array.isArray(value)) return null;
  if (value.length > CommandLimits.choices) {
    errors.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${CommandLimits.choices} or fewer in length.`);
  }
  return value.flatMap((choice: unknown, index): { name: string; value: string | number }[] => {
    if (!isRecord(choice) || typeof choice.name !== "string") {
      errors.add([...path, index, "name"], "BASE_TYPE_REQUIRED", "This field is required");
      return [];
    }
    checkLength(choice.name, CommandLimits.choiceNameLength, [...path, index, "name"], errors);
    if (typeof choice.value === "string") {
      if (choice.value.length > CommandLimits.choiceStringValueLength) {
        errors.add(
          [...path, index, "value"],
          "BASE_TYPE_MAX_LENGTH",
          `Must be ${CommandLimits.choiceStringValueLength} or fewer in length.`,
        );
      }
      return [{ name: choice.name, value: choice.value }];
    }
    if (typeof choice.value === "number") return [{ name: choice.name, value: choice.value }];
    errors.add([...path, index, "value"], "BASE_TYPE_REQUIRED", "This field is required");
    return [];
  });
}

function checkLength(text: string, max: number, path: (string | number)[], errors: FormErrors): void {
  if (text.length < 1 || text.length > max) {
    errors.add(path, "BASE_TYPE_BAD_LENGTH", `Must be between 1 and ${max} in length.`);
  }
}
