import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import {
  announceDayOption,
  announceTimeOption,
  cohortNameOption,
  excludeRoleOption,
  leaderboardSettingOption,
  includeOptionalOption,
  languageOption,
  postChannelOption,
  startOption,
  timeZoneOption,
} from "../../src/discord/adminCommandOptions.js";
import { cohortOption } from "../../src/discord/commandOptions.js";
import type { HandlerContext, Reply } from "../../src/discord/commandTypes.js";
import type { SubcommandDefinition } from "../../src/discord/commandWithSubcommands.js";
import { renderCohortEdited } from "../../src/discord/render/renderCohortAdmin.js";
import { readOptions } from "../../src/discord/readOptions.js";

export const option = {
  type: ApplicationCommandOptionType.Subcommand,
  name: "edit",
  description: "Change a cohort's name, channel or schedule settings",
  options: [
    cohortOption(true, "The cohort to change"),
    cohortNameOption(false, "New name"),
    postChannelOption(false, "New channel for the cohort's posts"),
    startOption(false),
    timeZoneOption("New IANA time zone such as Europe/Berlin"),
    announceDayOption("New day of the weekly post"),
    announceTimeOption("New time of the weekly post, HH:MM"),
    includeOptionalOption("Assign Optional items too"),
    languageOption("Language of the channel's posts"),
    leaderboardSettingOption("How public boards show members"),
    excludeRoleOption("A role whose members are never ranked (@everyone: nobody)"),
  ],
} as const satisfies SubcommandDefinition;

export async function execute({ services, clock, t, guildId }: HandlerContext, interaction: ChatInputCommandInteraction): Promise<Reply> {
  const options = readOptions(option.options, interaction);
  const { cohort, weekPostsLeftUp, changed } = await services.cohorts.edit({
    guildId,
    cohort: options.cohort,
    name: options.name ?? undefined,
    channelId: options.channel?.id,
    start: options.start ?? undefined,
    timeZone: options.timezone ?? undefined,
    announceDay: options.announce_day ?? undefined,
    announceTime: options.announce_time ?? undefined,
    includeOptional: options.include_optional ?? undefined,
    language: options.language ?? undefined,
    leaderboard: options.leaderboard ?? undefined,
    excludeRoleId: options.exclude_role?.id,
    now: clock.now(),
    actorId: interaction.user.id,
  });
  return renderCohortEdited(t, await services.cohortInfo.describe(cohort, clock.now()), weekPostsLeftUp, changed);
}
