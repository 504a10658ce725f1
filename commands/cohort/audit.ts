import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import { cohortOption } from "../../src/discord/commandOptions.js";
import type { HandlerContext, Reply } from "../../src/discord/commandTypes.js";
import type { SubcommandDefinition } from "../../src/discord/commandWithSubcommands.js";
import { renderAudit } from "../../src/discord/render/renderFacilitators.js";
import { readOptions } from "../../src/discord/readOptions.js";

export const option = {
  type: ApplicationCommandOptionType.Subcommand,
  name: "audit",
  description: "The admin actions on a cohort, newest first: who did what, and when",
  options: [cohortOption(false, "Cohort (optional when the server has only one)")],
} as const satisfies SubcommandDefinition;

export async function execute({ services, t, guildId }: HandlerContext, interaction: ChatInputCommandInteraction): Promise<Reply> {
  return renderAudit(t, await services.facilitators.auditTrail(guildId, readOptions(option.options, interaction).cohort));
}
