import { ApplicationCommandOptionType } from "discord.js";
import { DeferPolicy, type CommandDefinition, type SlashCommand } from "../src/discord/commandTypes.js";
import { cohortOption, guildOnly } from "../src/discord/commandOptions.js";
import { memberAutocomplete } from "../src/discord/memberAutocomplete.js";
import { renderReminderSetting } from "../src/discord/render/renderReminderSetting.js";
import { suggestTimeZones } from "../src/services/suggestTimeZones.js";
import { followCohortZone, maxChoices } from "../src/services/CohortService.js";
import type { Translator } from "../src/discord/i18n/Translator.js";
import { readOptions } from "../src/discord/readOptions.js";

const definition = {
  name: "remind",
  description: "A daily direct message with today's unfinished reading; no options shows your setting",
  ...guildOnly,
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: "time",
      description: "Your local time, 24-hour HH:MM (e.g. 08:30)",
      required: false,
      max_length: 20,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: "timezone",
      description: "IANA zone such as Europe/Berlin; cohort follows the cohort's (default: yours, else the cohort's)",
      required: false,
      autocomplete: true,
      max_length: 64,
    },
    { type: ApplicationCommandOptionType.Boolean, name: "off", description: "True switches your reminder off", required: false },
    cohortOption(false),
  ],
} as const satisfies CommandDefinition;

export const remindCommand: SlashCommand = {
  definition,
  defer: DeferPolicy.Auto,
  ephemeral: true,
  requiresManageServer: false,
  async execute({ services, clock, t, guildId }, interaction) {
    const options = readOptions(definition.options, interaction);
    const setting = await services.reminders.setting({
      guildId,
      userId: interaction.user.id,
      cohort: options.cohort,
      time: options.time,
      timeZone: options.timezone,
      off: options.off,
      now: clock.now(),
      locale: interaction.locale,
    });
    return renderReminderSetting(t, setting);
  },
  async autocomplete(context, interaction) {
    const focused = interaction.options.getFocused(true);
    if (focused.name === "timezone") return zoneChoices(context.t, focused.value);
    return memberAutocomplete(context, interaction);
  },
};

/** The zones matching what was typed, after "the cohort's" when that matches too (the way back to following it). */
function zoneChoices(t: Translator, typed: string): { name: string; value: string }[] {
  const query = typed.trim().toLowerCase();
  const name = t.plain("remind.followCohortChoice");
  const follow = followCohortZone.startsWith(query) || name.toLowerCase().includes(query);
  const zones = suggestTimeZones(typed);
  return follow ? [{ name, value: followCohortZone }, ...zones].slice(0, maxChoices) : zones;
}
