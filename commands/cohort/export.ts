import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import { cohortOption } from "../../src/discord/commandOptions.js";
import { DeferPolicy, type HandlerContext, type Reply } from "../../src/discord/commandTypes.js";
import type { SubcommandDefinition } from "../../src/discord/commandWithSubcommands.js";
import { renderExport } from "../../src/discord/render/renderFacilitators.js";
import { readOptions } from "../../src/discord/readOptions.js";
import { ExportFormat } from "../../src/services/ExportService.js";
import { UserError } from "../../src/errors.js";

export const option = {
  type: ApplicationCommandOptionType.Subcommand,
  name: "export",
  description: "Download a cohort's members, completions, checkpoint answers and weekly points",
  options: [
    cohortOption(true, "The cohort"),
    {
      type: ApplicationCommandOptionType.String,
      name: "format",
      description: "File format (default: CSV)",
      required: false,
      choices: [
        { name: "CSV (spreadsheets)", value: ExportFormat.Csv },
        { name: "JSON", value: ExportFormat.Json },
      ],
    },
  ],
} as const satisfies SubcommandDefinition;

/** A large cohort's file takes a moment to build and upload: acknowledge at once. */
export const defer = DeferPolicy.Always;

export async function execute({ services, clock, t, guildId }: HandlerContext, interaction: ChatInputCommandInteraction): Promise<Reply> {
  const options = readOptions(option.options, interaction);
  const file = await services.exports.export({
    guildId,
    cohort: options.cohort,
    format: options.format ?? ExportFormat.Csv,
    now: clock.now(),
    actorId: interaction.user.id,
  });
  // The router calls settled however the upload goes; a reply never built is never uploaded.
  let rendered: ReturnType<typeof renderExport>;
  try {
    rendered = renderExport(t, file);
  } catch (error) {
    file.release();
    throw error;
  }
  return {
    ...rendered,
    upload: {
      // The other format may fit where this one did not.
      tooLarge: new UserError("generic.fileTooLarge", { cohortExport: "yes" }),
      settled: (outcome) => services.exports.recordUpload(file, outcome),
    },
  };
}
