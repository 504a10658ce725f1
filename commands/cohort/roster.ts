import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import { cohortOption } from "../../src/discord/commandOptions.js";
import { DeferPolicy, type HandlerContext, type Reply } from "../../src/discord/commandTypes.js";
import type { SubcommandDefinition } from "../../src/discord/commandWithSubcommands.js";
import { renderRoster } from "../../src/discord/render/renderFacilitators.js";
import { namesakeLabelIn } from "../../src/discord/render/numberedNames.js";
import { readOptions } from "../../src/discord/readOptions.js";
import { RosterFilter } from "../../src/services/RosterService.js";

export const option = {
  type: ApplicationCommandOptionType.Subcommand,
  name: "roster",
  description: "Who is behind, quiet, unsure or on track, with a Nudge button for those who need one",
  options: [
    cohortOption(false, "Cohort (optional when the server has only one)"),
    {
      type: ApplicationCommandOptionType.String,
      name: "filter",
      description: "Which members to list (default: all)",
      required: false,
      choices: [
        { name: "All", value: RosterFilter.All },
        { name: "Behind", value: RosterFilter.Behind },
        { name: "Quiet", value: RosterFilter.Quiet },
        { name: "Not yet", value: RosterFilter.NotYet },
      ],
    },
  ],
} as const satisfies SubcommandDefinition;

/** A large cohort's aggregation can take a moment: acknowledge at once, then edit. */
export const defer = DeferPolicy.Always;

export async function execute({ services, clock, t, guildId }: HandlerContext, interaction: ChatInputCommandInteraction): Promise<Reply> {
  const options = readOptions(option.options, interaction);
  return renderRoster(
    t,
    await services.roster.roster({
      guildId,
      cohort: options.cohort,
      filter: options.filter ?? RosterFilter.All,
      anchor: { kind: "first" },
      now: clock.now(),
      namesakeLabel: namesakeLabelIn(t),
    }),
  );
}
