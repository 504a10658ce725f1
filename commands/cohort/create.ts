import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import {
  announceDayOption,
  announceTimeOption,
  cohortNameOption,
  excludeRoleOption,
  leaderboardSettingOption,
  curriculumOption,
  includeOptionalOption,
  languageOption,
  postChannelOption,
  startOption,
  timeZoneOption,
} from "../../src/discord/adminCommandOptions.js";
import type { HandlerContext, Reply } from "../../src/discord/commandTypes.js";
import type { SubcommandDefinition } from "../../src/discord/commandWithSubcommands.js";
import { renderCohortCreated } from "../../src/discord/render/renderCohortAdmin.js";
import { readOptions } from "../../src/discord/readOptions.js";

export const option = {
  type: ApplicationCommandOptionType.Subcommand,
  name: "create",
  description: "Start a cohort on a curriculum, posting in a channel",
  options: [
    cohortNameOption(true),
    curriculumOption(true, "The curriculum to follow"),
    postChannelOption(true),
    startOption(true),
    timeZoneOption("IANA time zone such as Europe/Berlin (default UTC)"),
    announceDayOption("Day of the weekly post (default Monday)"),
    announceTimeOption("Time of the weekly post, HH:MM (default 09:00)"),
    includeOptionalOption("Assign Optional items too (default false)"),
    languageOption("Language of the channel's posts (default English)"),
    leaderboardSettingOption("How public boards show members (default: names)"),
    excludeRoleOption("A role whose members are never ranked, e.g. facilitators"),
  ],
} as const satisfies SubcommandDefinition;

export async function execute({ services, clock, t, guildId }: HandlerContext, interaction: ChatInputCommandInteraction): Promise<Reply> {
  const options = readOptions(option.options, interaction);
  const cohort = await services.cohorts.create({
    guildId,
    actorId: interaction.user.id,
    name: options.name,
    curriculum: options.curriculum,
    channelId: options.channel.id,
    start: options.start,
    timeZone: options.timezone ?? undefined,
    announceDay: options.announce_day ?? undefined,
    announceTime: options.announce_time ?? undefined,
    includeOptional: options.include_optional ?? undefined,
    language: options.language ?? undefined,
    leaderboard: options.leaderboard ?? undefined,
    excludeRoleId: options.exclude_role?.id,
    now: clock.now(),
  });
  return renderCohortCreated(t, await services.cohortInfo.describe(cohort, clock.now()));
}
