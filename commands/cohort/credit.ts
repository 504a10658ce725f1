import { ApplicationCommandOptionType, type AutocompleteInteraction, type ChatInputCommandInteraction } from "discord.js";
import { autocompleteAdminOption } from "../../src/discord/autocompleteAdminOption.js";
import { cohortOption, itemOption } from "../../src/discord/commandOptions.js";
import type { HandlerContext, Reply } from "../../src/discord/commandTypes.js";
import type { AutocompleteChoice, SubcommandDefinition } from "../../src/discord/commandWithSubcommands.js";
import { itemChoices } from "../../src/discord/itemChoices.js";
import { renderCredit } from "../../src/discord/render/renderFacilitators.js";
import { readOptions } from "../../src/discord/readOptions.js";

const memberOption = {
  type: ApplicationCommandOptionType.User,
  name: "member",
  description: "The member the completion is for",
  required: true,
} as const;

const undoOption = {
  type: ApplicationCommandOptionType.Boolean,
  name: "undo",
  description: "True removes the completion instead",
  required: false,
} as const;

export const option = {
  type: ApplicationCommandOptionType.Subcommand,
  name: "credit",
  description: "Log (or remove) a completion on a member's behalf, for corrections",
  options: [
    cohortOption(true, "The cohort"),
    memberOption,
    { ...itemOption, description: "The item (start typing to search)" },
    undoOption,
  ],
} as const satisfies SubcommandDefinition;

export async function execute({ services, clock, t, guildId }: HandlerContext, interaction: ChatInputCommandInteraction): Promise<Reply> {
  const options = readOptions(option.options, interaction);
  const view = await services.facilitators.credit({
    guildId,
    cohort: options.cohort,
    memberUserId: options.member.id,
    item: options.item,
    undo: options.undo ?? false,
    actorId: interaction.user.id,
    now: clock.now(),
  });
  return renderCredit(t, view);
}

/** `item` offers the chosen member's items (their finished ones with `undo:True`); `cohort` as every admin command. */
export async function autocomplete(context: HandlerContext, interaction: AutocompleteInteraction): Promise<readonly AutocompleteChoice[]> {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== itemOption.name) return autocompleteAdminOption(context, interaction);
  const memberValue = interaction.options.get(memberOption.name)?.value;
  const suggestions = await context.services.facilitators.suggestCreditItems({
    guildId: context.guildId,
    cohort: interaction.options.getString(cohortOption(true).name),
    memberUserId: typeof memberValue === "string" ? memberValue : null,
    query: focused.value,
    undo: interaction.options.getBoolean(undoOption.name) === true,
    now: context.clock.now(),
  });
  return itemChoices(context.t, suggestions);
}
