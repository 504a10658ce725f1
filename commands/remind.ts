import { ApplicationCommandOptionType } from "discord.js";
import { DeferPolicy, type CommandDefinition, type SlashCommand } from "../src/discord/commandTypes.js";
import { cohortOption, guildOnly } from "../src/discord/commandOptions.js";
import { memberAutocomplete } from "../src/discord/memberAutocomplete.js";
import { renderReminderSetting } from "../src/discord/render/renderReminderSetting.js";
import { suggestTimeZones } from "../src/services/suggestTimeZones.js";
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
      description: "IANA time zone such as Europe/Berlin (default: the cohort's)",
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
    const setting = await services.cohorts.reminder({
      guildId,
      userId: interaction.user.id,
      cohort: options.cohort,
      time: options.time,
      timeZone: options.timezone,
      off: options.off,
      now: clock.now(),
    });
    return renderReminderSetting(t, await services.reminders.withNextReminder(setting, clock.now()));
  },
  async autocomplete(context, interaction) {
    const focused = interaction.options.getFocused(true);
    if (focused.name === "timezone") return suggestTimeZones(focused.value);
    return memberAutocomplete(context, interaction);
  },
};
