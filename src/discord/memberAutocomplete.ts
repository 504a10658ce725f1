import type { AutocompleteInteraction } from "discord.js";
import type { Choice } from "../services/CohortService.js";
import { itemChoices } from "./itemChoices.js";
import type { HandlerContext } from "./commandTypes.js";
import { cohortOption, itemOption } from "./commandOptions.js";

/**
 * Autocomplete shared by the member commands: `cohort` offers the cohorts the
 * member joined in this server; `item` offers that cohort's items (today's
 * and overdue first), or only the ones they finished when `onlyDone` is set.
 */
export async function memberAutocomplete(
  { services, clock, t, guildId }: HandlerContext,
  interaction: AutocompleteInteraction,
  options: { readonly onlyDone?: boolean } = {},
): Promise<Choice[]> {
  const focused = interaction.options.getFocused(true);
  if (focused.name === itemOption.name) {
    const suggestions = await services.study.suggestItems({
      guildId,
      userId: interaction.user.id,
      // The cohort chosen so far narrows the items; its name comes from the shared option definition.
      cohort: interaction.options.getString(cohortOption(false).name),
      query: focused.value,
      now: clock.now(),
      ...(options.onlyDone === true ? { onlyDone: true } : {}),
    });
    return itemChoices(t, suggestions);
  }
  if (focused.name === cohortOption(false).name)
    return services.cohorts.suggest(guildId, interaction.user.id, focused.value, "joined", t.locale);
  return [];
}
