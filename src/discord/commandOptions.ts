import { ApplicationCommandOptionType, ApplicationIntegrationType, InteractionContextType } from "discord.js";

/** Every command is guild-only and installed to servers. */
export const guildOnly = {
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
} as const;

/** "Manage Server" as Discord's default member permission bitfield. */
export const manageServerPermission = "32";

export const cohortOption = <const Required extends boolean>(
  required: Required,
  description = "Cohort (optional when you are in only one)",
) =>
  ({
    type: ApplicationCommandOptionType.String,
    name: "cohort",
    description,
    required,
    autocomplete: true,
    max_length: 100,
  }) as const;

export const itemOption = {
  type: ApplicationCommandOptionType.String,
  name: "item",
  description: "Reading item (start typing to search)",
  required: true,
  autocomplete: true,
  max_length: 200,
} as const;
