import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import { CohortStatus } from "../../src/domain/cohort/cohortModel.js";
import { cohortOption } from "../../src/discord/commandOptions.js";
import type { HandlerContext, Reply } from "../../src/discord/commandTypes.js";
import type { SubcommandDefinition } from "../../src/discord/commandWithSubcommands.js";
import { renderCohortStatus } from "../../src/discord/render/renderCohortAdmin.js";
import { readOptions } from "../../src/discord/readOptions.js";

export const option = {
  type: ApplicationCommandOptionType.Subcommand,
  name: "end",
  description: "End a cohort for good: a closing leaderboard post, then no more posts or reminders",
  options: [cohortOption(true, "The cohort")],
} as const satisfies SubcommandDefinition;

export async function execute({ services, t, guildId }: HandlerContext, interaction: ChatInputCommandInteraction): Promise<Reply> {
  const cohort = await services.cohorts.setStatus(
    guildId,
    readOptions(option.options, interaction).cohort,
    CohortStatus.Ended,
    interaction.user.id,
  );
  return renderCohortStatus(t, cohort);
}
