import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import { cohortOption } from "../../src/discord/commandOptions.js";
import { DeferPolicy, type HandlerContext, type Reply } from "../../src/discord/commandTypes.js";
import type { SubcommandDefinition } from "../../src/discord/commandWithSubcommands.js";
import { renderAnnounced } from "../../src/discord/render/renderPreview.js";
import { AnnounceKind } from "../../src/services/Announcer.js";
import { readOptions } from "../../src/discord/readOptions.js";

export const option = {
  type: ApplicationCommandOptionType.Subcommand,
  name: "announce",
  description: "Post now, in the cohort channel: this week's assignment, the current checkpoint, or the leaderboard",
  options: [
    cohortOption(true, "The cohort"),
    {
      type: ApplicationCommandOptionType.String,
      name: "kind",
      description: "What to post",
      required: true,
      choices: [
        { name: "This week's assignment", value: AnnounceKind.Week },
        { name: "The current checkpoint prompt", value: AnnounceKind.Checkpoint },
        { name: "The leaderboard", value: AnnounceKind.Leaderboard },
      ],
    },
  ],
} as const satisfies SubcommandDefinition;

/** Talks to Discord (one or more posts): acknowledge at once. */
export const defer = DeferPolicy.Always;

export async function execute({ services, clock, t, guildId }: HandlerContext, interaction: ChatInputCommandInteraction): Promise<Reply> {
  const options = readOptions(option.options, interaction);
  const result = await services.announcements.announce({
    guildId,
    cohort: options.cohort,
    kind: options.kind,
    requestId: interaction.id,
    now: clock.now(),
    actorId: interaction.user.id,
  });
  return renderAnnounced(t, result);
}
