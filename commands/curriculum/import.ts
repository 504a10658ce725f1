import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import { DeferPolicy, type HandlerContext, type Reply } from "../../src/discord/commandTypes.js";
import type { SubcommandDefinition } from "../../src/discord/commandWithSubcommands.js";
import { downloadTextAttachment } from "../../src/discord/downloadTextAttachment.js";
import { renderImportResult } from "../../src/discord/render/renderCurriculumAdmin.js";
import { readOptions } from "../../src/discord/readOptions.js";

/** Learning paths are a few tens of KB; anything near this is not one. */
export const maxCurriculumFileBytes = 256 * 1024;
const downloadTimeoutMs = 10_000;

export const option = {
  type: ApplicationCommandOptionType.Subcommand,
  name: "import",
  description: "Import or update a curriculum from a learning-path file (.md or .txt)",
  options: [{ type: ApplicationCommandOptionType.Attachment, name: "file", description: "The learning-path document", required: true }],
} as const satisfies SubcommandDefinition;

/** Downloading and parsing can take a moment: acknowledge at once. */
export const defer = DeferPolicy.Always;

export async function execute({ services, t, guildId }: HandlerContext, interaction: ChatInputCommandInteraction): Promise<Reply> {
  const { file } = readOptions(option.options, interaction);
  const text = await downloadTextAttachment(
    { url: file.url, size: file.size, contentType: file.contentType },
    { maxBytes: maxCurriculumFileBytes, timeoutMs: downloadTimeoutMs },
  );
  // A guild's import is its own: other servers never see it.
  return renderImportResult(t, await services.curricula.importDocument(text, guildId, interaction.user.id));
}
