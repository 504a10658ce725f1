import type { AutocompleteInteraction } from "discord.js";
import type { Choice } from "../services/CohortService.js";
import type { HandlerContext } from "./commandTypes.js";

/**
 * Autocomplete shared by the member commands: `cohort` offers the cohorts the
 * member joined in this server; `item` offers that cohort's items (today's
 * and overdue first), or only the ones they finished when `onlyDone` is set.
 */
export async function memberAutocomplete(
  { services, clock }: HandlerContext,
  interaction: AutocompleteInteraction,
  options: { readonly onlyDone?: boolean } = {},
): Promise<Choice[]> {
  const focused = interaction.options.getFocused(true);
  const guildId = interaction.guildId ?? "";
  if (focused.name === "item") {
    return services.study.suggestItems({
      guildId,
      userId: interaction.user.id,
      cohort: interaction.options.getString("cohort"),
      query: focused.value,
      now: clock.now(),
      ...(options.onlyDone === true ? { onlyDone: true } : {}),
    });
  }
  if (focused.name === "cohort") return services.cohorts.suggest(guildId, interaction.user.id, focused.value, "joined");
  return [];
}
