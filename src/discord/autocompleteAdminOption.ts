import type { AutocompleteInteraction } from "discord.js";
import { suggestTimeZones } from "../services/suggestTimeZones.js";
import type { HandlerContext } from "./commandTypes.js";
import type { AutocompleteChoice } from "./commandWithSubcommands.js";

/** Options the admin commands share: `cohort` (every cohort of the guild), `curriculum` (visible ones), `timezone`. */
export async function autocompleteAdminOption(
  { services, guildId, t }: HandlerContext,
  interaction: AutocompleteInteraction,
): Promise<readonly AutocompleteChoice[]> {
  const focused = interaction.options.getFocused(true);
  if (focused.name === "cohort") return services.cohorts.suggest(guildId, interaction.user.id, focused.value, "guild", t.locale);
  if (focused.name === "curriculum") return services.curricula.suggest(guildId, focused.value);
  if (focused.name === "timezone") return suggestTimeZones(focused.value);
  return [];
}
