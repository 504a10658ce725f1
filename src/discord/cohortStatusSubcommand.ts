import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import type { AdminStatus } from "../services/CohortService.js";
import { cohortOption } from "./commandOptions.js";
import type { HandlerContext, Reply } from "./commandTypes.js";
import type { SubcommandDefinition } from "./commandWithSubcommands.js";
import { renderCohortStatus } from "./render/renderCohortAdmin.js";
import { readOptions } from "./readOptions.js";

/** `/cohort pause`, `resume` and `end`: the same sub-command, each moving the cohort to its own status. */
export function cohortStatusSubcommand<const Name extends string>(name: Name, description: string, status: AdminStatus) {
  const option = {
    type: ApplicationCommandOptionType.Subcommand,
    name,
    description,
    options: [cohortOption(true, "The cohort")],
  } as const satisfies SubcommandDefinition;

  async function execute({ services, t, guildId, clock }: HandlerContext, interaction: ChatInputCommandInteraction): Promise<Reply> {
    const { cohort: typed } = readOptions(option.options, interaction);
    return renderCohortStatus(t, await services.cohorts.changeStatus(guildId, typed, status, interaction.user.id, clock.now()));
  }

  return { option, execute };
}
