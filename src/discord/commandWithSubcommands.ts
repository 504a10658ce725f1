import { ApplicationCommandOptionType, type AutocompleteInteraction, type ChatInputCommandInteraction } from "discord.js";
import { UserError } from "../errors.js";
import { guildOnly } from "./commandOptions.js";
import type { DeferPolicy, CommandDefinition, HandlerContext, Reply, SlashCommand } from "./commandTypes.js";

type OptionDefinition = NonNullable<CommandDefinition["options"]>[number];

/** One sub-command's JSON, as it sits in its command's `options`. */
export type SubcommandDefinition = Extract<OptionDefinition, { readonly type: ApplicationCommandOptionType.Subcommand }>;

export interface AutocompleteChoice {
  readonly name: string;
  readonly value: string;
}

/**
 * What a file in commands/<command>/ exports: `option` (the sub-command JSON),
 * `execute`, and optionally `autocomplete` and `defer`. Import the module as a
 * namespace (`import * as create from "./cohort/create.js"`) and list it.
 */
export interface Subcommand {
  readonly option: SubcommandDefinition;
  /** Defaults to the command's policy. */
  readonly defer?: DeferPolicy;
  execute(context: HandlerContext, interaction: ChatInputCommandInteraction): Promise<Reply>;
  autocomplete?(context: HandlerContext, interaction: AutocompleteInteraction): Promise<readonly AutocompleteChoice[]>;
}

export interface CommandWithSubcommandsSpec {
  readonly name: string;
  readonly description: string;
  readonly subcommands: readonly Subcommand[];
  /** "32" (Manage Server) for admin commands; the router checks again at run time when `requiresManageServer`. */
  readonly defaultMemberPermissions: string | null;
  readonly requiresManageServer: boolean;
  readonly ephemeral: boolean;
  readonly defer: DeferPolicy;
  /** Answers options a sub-command does not autocomplete itself (shared `cohort`, `curriculum`). */
  autocomplete?(context: HandlerContext, interaction: AutocompleteInteraction): Promise<readonly AutocompleteChoice[]>;
}

/**
 * A slash command whose work is done by its sub-commands: builds the
 * definition from their JSON and dispatches on the invoked sub-command.
 */
export function commandWithSubcommands(spec: CommandWithSubcommandsSpec): SlashCommand {
  const byName = new Map(spec.subcommands.map((subcommand) => [subcommand.option.name, subcommand]));
  if (byName.size !== spec.subcommands.length) throw new Error(`/${spec.name} lists a sub-command twice`);
  const definition: CommandDefinition = {
    name: spec.name,
    description: spec.description,
    ...guildOnly,
    ...(spec.defaultMemberPermissions === null ? {} : { default_member_permissions: spec.defaultMemberPermissions }),
    options: spec.subcommands.map((subcommand) => subcommand.option),
  };
  const invoked = (interaction: ChatInputCommandInteraction | AutocompleteInteraction): Subcommand | undefined =>
    byName.get(interaction.options.getSubcommand(false) ?? "");
  return {
    definition,
    defer: spec.defer,
    ephemeral: spec.ephemeral,
    requiresManageServer: spec.requiresManageServer,
    deferFor: (interaction) => invoked(interaction)?.defer ?? spec.defer,
    async execute(context, interaction) {
      const subcommand = invoked(interaction);
      if (subcommand === undefined) throw new UserError("generic.unknownCommand");
      return subcommand.execute(context, interaction);
    },
    async autocomplete(context, interaction) {
      const subcommand = invoked(interaction);
      if (subcommand?.autocomplete !== undefined) return subcommand.autocomplete(context, interaction);
      return spec.autocomplete === undefined ? [] : spec.autocomplete(context, interaction);
    },
  };
}
