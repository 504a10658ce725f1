import { ApplicationCommandOptionType } from "discord.js";
import { DeferPolicy, type CommandDefinition, type SlashCommand } from "../src/discord/commandTypes.js";
import { cohortOption, guildOnly } from "../src/discord/commandOptions.js";
import { memberAutocomplete } from "../src/discord/memberAutocomplete.js";
import { progressCardFile } from "../src/discord/render/progressCard.js";
import { optionalPicture, PictureKind } from "../src/discord/pictures/optionalPicture.js";
import { renderProgress } from "../src/discord/render/renderProgress.js";
import { readOptions } from "../src/discord/readOptions.js";
import { callerDisplayName } from "../src/discord/callerDisplayName.js";

const definition = {
  name: "progress",
  description: "Where you (or another member) stand: items, minutes, sections, streak, points, rank",
  ...guildOnly,
  options: [
    {
      type: ApplicationCommandOptionType.User,
      name: "member",
      description: "Another member of the cohort (default: you)",
      required: false,
    },
    cohortOption(false),
  ],
} as const satisfies CommandDefinition;

export const progressCommand: SlashCommand = {
  definition,
  defer: DeferPolicy.Auto,
  ephemeral: true,
  requiresManageServer: false,
  async execute({ services, pictures, clock, t, guildId, logger }, interaction) {
    const options = readOptions(definition.options, interaction);
    const view = await services.study.progress({
      guildId,
      userId: interaction.user.id,
      callerName: callerDisplayName(interaction),
      cohort: options.cohort,
      targetUserId: options.member?.id ?? null,
      now: clock.now(),
    });
    // The text stays for screen readers and small screens; the card is drawn while the router's
    // auto-defer timer runs, so a slow render turns into "thinking…" instead of a missed reply.
    // A card that cannot be drawn leaves the reply with its text alone.
    const card = await optionalPicture(() => progressCardFile(t, pictures, view), logger, PictureKind.ProgressCard);
    return { ...renderProgress(t, view), files: card === null ? [] : [card] };
  },
  autocomplete: (context, interaction) => memberAutocomplete(context, interaction),
};
