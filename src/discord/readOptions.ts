import {
  ApplicationCommandOptionType,
  DiscordjsErrorCodes,
  DiscordjsTypeError,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
} from "discord.js";
import { UserError } from "../errors.js";
import type { CommandDefinition } from "./commandTypes.js";

type AnyOptionDefinition = NonNullable<CommandDefinition["options"]>[number];

/** An option that carries a value (not a sub-command or a group of them). */
export type ValueOptionDefinition = Exclude<
  AnyOptionDefinition,
  { readonly type: ApplicationCommandOptionType.Subcommand | ApplicationCommandOptionType.SubcommandGroup }
>;

type Resolved = CommandInteractionOption;

/** What discord.js resolves each kind of option to. */
interface ValueByType {
  [ApplicationCommandOptionType.String]: string;
  [ApplicationCommandOptionType.Integer]: number;
  [ApplicationCommandOptionType.Number]: number;
  [ApplicationCommandOptionType.Boolean]: boolean;
  [ApplicationCommandOptionType.User]: NonNullable<Resolved["user"]>;
  [ApplicationCommandOptionType.Channel]: NonNullable<Resolved["channel"]>;
  [ApplicationCommandOptionType.Role]: NonNullable<Resolved["role"]>;
  [ApplicationCommandOptionType.Mentionable]: NonNullable<Resolved["member" | "role" | "user"]>;
  [ApplicationCommandOptionType.Attachment]: NonNullable<Resolved["attachment"]>;
}

/** Options with choices can only hold one of the choices' values. */
type PresentValue<Option extends ValueOptionDefinition> = Option extends { readonly choices: readonly { readonly value: infer Choice }[] }
  ? Choice
  : ValueByType[Option["type"]];

/** Discord leaves out an option the member did not fill in, unless it is required. */
export type OptionValue<Option extends ValueOptionDefinition> = Option extends { readonly required: true }
  ? PresentValue<Option>
  : PresentValue<Option> | null;

/** The values of a command's (or sub-command's) options, keyed by option name. */
export type OptionValues<Options extends readonly ValueOptionDefinition[]> = {
  readonly [Option in Options[number] as Option["name"]]: OptionValue<Option>;
};

type OptionResolver = ChatInputCommandInteraction["options"];

/**
 * Reads every option an `as const` definition declares, typed by that
 * definition, so handlers never spell an option's name or its type twice.
 * Works for a sub-command's options too: discord.js resolves them by name.
 */
export function readOptions<const Options extends readonly ValueOptionDefinition[]>(
  options: Options,
  interaction: ChatInputCommandInteraction,
): OptionValues<Options> {
  const values: Record<string, unknown> = {};
  for (const option of options) values[option.name] = readOptionAsDefined(option, interaction.options);
  return values as OptionValues<Options>;
}

/**
 * What discord.js says when a command's options are not as defined here: a required one missing, one of another
 * type. Discord only sends that for a registration of the command older than this code (one a server kept).
 */
const shapeErrorCodes: ReadonlySet<string> = new Set([
  DiscordjsErrorCodes.CommandInteractionOptionNotFound,
  DiscordjsErrorCodes.CommandInteractionOptionType,
  DiscordjsErrorCodes.CommandInteractionOptionEmpty,
]);

/**
 * "This command changed": the member's mistake-free reply, with the option Discord sent in an older shape and
 * what discord.js said (`cause`), which the router logs as a warning: a leftover registration may never heal.
 */
export class OutdatedCommandError extends UserError<"generic.outdatedCommand"> {
  constructor(
    readonly option: string,
    cause?: unknown,
  ) {
    super("generic.outdatedCommand");
    this.cause = cause;
  }
}

/** An option as its definition says, else the member's mistake-free "this command changed" (never a generic failure). */
function readOptionAsDefined(option: ValueOptionDefinition, resolver: OptionResolver): unknown {
  try {
    return readOption(option, resolver);
  } catch (error) {
    if (error instanceof DiscordjsTypeError && shapeErrorCodes.has(error.code)) throw new OutdatedCommandError(option.name, error);
    throw error;
  }
}

function readOption(option: ValueOptionDefinition, resolver: OptionResolver): unknown {
  const required = option.required === true;
  switch (option.type) {
    case ApplicationCommandOptionType.String:
      return checkChoice(option, resolver.getString(option.name, required));
    case ApplicationCommandOptionType.Integer:
      return checkChoice(option, resolver.getInteger(option.name, required));
    case ApplicationCommandOptionType.Number:
      return checkChoice(option, resolver.getNumber(option.name, required));
    case ApplicationCommandOptionType.Boolean:
      return resolver.getBoolean(option.name, required);
    case ApplicationCommandOptionType.User:
      return resolver.getUser(option.name, required);
    case ApplicationCommandOptionType.Channel:
      return resolver.getChannel(option.name, required);
    case ApplicationCommandOptionType.Role:
      return resolver.getRole(option.name, required);
    case ApplicationCommandOptionType.Mentionable:
      return resolver.getMentionable(option.name, required);
    case ApplicationCommandOptionType.Attachment:
      return resolver.getAttachment(option.name, required);
  }
}

/** Discord enforces the choices it has: another value comes from an older registration (checking keeps the narrowed type honest). */
function checkChoice(
  option: { readonly name: string; readonly choices?: readonly { readonly value: string | number }[] },
  value: string | number | null,
): string | number | null {
  if (value === null || option.choices === undefined) return value;
  if (option.choices.some((choice) => choice.value === value)) return value;
  throw new OutdatedCommandError(option.name);
}
