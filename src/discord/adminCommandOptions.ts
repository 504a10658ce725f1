import { ApplicationCommandOptionType, ChannelType } from "discord.js";
import { languageChoices } from "./i18n/languages.js";
import { ownNameChoices } from "./i18n/localizeCommand.js";

/** Option builders shared by the admin commands (/cohort, /curriculum). */

export const curriculumOption = <const Required extends boolean>(required: Required, description = "Curriculum (start typing to search)") =>
  ({
    type: ApplicationCommandOptionType.String,
    name: "curriculum",
    description,
    required,
    autocomplete: true,
    max_length: 100,
  }) as const;

export const cohortNameOption = <const Required extends boolean>(
  required: Required,
  description = "Cohort name, e.g. Backend Spring 2027",
) =>
  ({
    type: ApplicationCommandOptionType.String,
    name: "name",
    description,
    required,
    max_length: 80,
  }) as const;

/** Only channels a cohort can post its announcements in. */
export const postChannelOption = <const Required extends boolean>(required: Required, description = "Channel for the cohort's posts") =>
  ({
    type: ApplicationCommandOptionType.Channel,
    name: "channel",
    description,
    required,
    channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
  }) as const;

export const startOption = <const Required extends boolean>(required: Required) =>
  ({
    type: ApplicationCommandOptionType.String,
    name: "start",
    description: "First day of week 1, YYYY-MM-DD (cohort time)",
    required,
    max_length: 40,
  }) as const;

export const timeZoneOption = (description: string) =>
  ({
    type: ApplicationCommandOptionType.String,
    name: "timezone",
    description,
    required: false,
    autocomplete: true,
    max_length: 64,
  }) as const;

const weekdayChoices = [
  { name: "Monday", value: 1 },
  { name: "Tuesday", value: 2 },
  { name: "Wednesday", value: 3 },
  { name: "Thursday", value: 4 },
  { name: "Friday", value: 5 },
  { name: "Saturday", value: 6 },
  { name: "Sunday", value: 7 },
] as const;

export const announceDayOption = (description: string) =>
  ({
    type: ApplicationCommandOptionType.Integer,
    name: "announce_day",
    description,
    required: false,
    choices: weekdayChoices,
  }) as const;

export const announceTimeOption = (description: string) =>
  ({
    type: ApplicationCommandOptionType.String,
    name: "announce_time",
    description,
    required: false,
    max_length: 20,
  }) as const;

export const includeOptionalOption = (description: string) =>
  ({
    type: ApplicationCommandOptionType.Boolean,
    name: "include_optional",
    description,
    required: false,
  }) as const;

/** The cohort channel's language: one choice per shipped language (labels in their own language). */
export const languageOption = (description: string) =>
  ({
    type: ApplicationCommandOptionType.String,
    name: "language",
    description,
    required: false,
    choices: languageChoices(),
    [ownNameChoices]: true,
  }) as const;

/** The cohort's public boards: names (default), aliases ("Member 7") or off (each member sees only their own standing). */
export const leaderboardSettingOption = (description: string) =>
  ({
    type: ApplicationCommandOptionType.String,
    name: "leaderboard",
    description,
    required: false,
    choices: [
      { name: "Names", value: "names" },
      { name: "Aliases", value: "aliases" },
      { name: "Off", value: "off" },
    ],
  }) as const;

/** A role whose members are never ranked (e.g. facilitators); @everyone means nobody. */
export const excludeRoleOption = (description: string) =>
  ({
    type: ApplicationCommandOptionType.Role,
    name: "exclude_role",
    description,
    required: false,
  }) as const;
