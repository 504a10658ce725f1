import { ApplicationCommandOptionType } from "discord.js";
import { DeferPolicy, type CommandDefinition, type Reply, type SlashCommand } from "../src/discord/commandTypes.js";
import { guildOnly } from "../src/discord/commandOptions.js";
import { renderDeleteConfirmation, renderPrivacy } from "../src/discord/render/renderPrivacy.js";
import { readOptions } from "../src/discord/readOptions.js";
import { BoardVisibility } from "../src/domain/privacy/boardPresentation.js";
import { UserError } from "../src/errors.js";
import { isExportRefused, type HeldMemberExport, type MemberExportRefusal } from "../src/services/PrivacyService.js";

const definition = {
  name: "privacy",
  description: "What others see of you, nudges, a copy of your data, or deleting it (this server only)",
  ...guildOnly,
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: "leaderboard",
      description: "How public boards show you",
      required: false,
      choices: [
        { name: "My name", value: BoardVisibility.Name },
        { name: "An alias (Member 7)", value: BoardVisibility.Alias },
        { name: "Hidden", value: BoardVisibility.Hidden },
      ],
    },
    {
      type: ApplicationCommandOptionType.String,
      name: "nudges",
      description: "Friendly DMs from facilitators when you fall behind",
      required: false,
      choices: [
        { name: "On", value: "on" },
        { name: "Off", value: "off" },
      ],
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: "export",
      description: "True: a file with everything stored about you here",
      required: false,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: "delete",
      description: "True: delete everything stored about you here (asks first)",
      required: false,
    },
  ],
} as const satisfies CommandDefinition;

export const privacyCommand: SlashCommand = {
  definition,
  defer: DeferPolicy.Auto,
  // A copy of a long history takes a moment to read and build: acknowledge at once.
  deferFor: (interaction) => (interaction.options.getBoolean("export") === true ? DeferPolicy.Always : DeferPolicy.Auto),
  ephemeral: true,
  requiresManageServer: false,
  async execute({ services, clock, t, guildId }, interaction) {
    const options = readOptions(definition.options, interaction);
    const userId = interaction.user.id;
    const exporting = options.export === true;
    const changing = options.leaderboard !== null || options.nudges !== null;
    const applySettings = () =>
      services.privacy.settings({
        guildId,
        userId,
        boardVisibility: options.leaderboard,
        nudges: options.nudges === null ? null : options.nudges === "on",
        now: clock.now(),
        locale: interaction.locale,
      });
    // Deleting asks first. A leaderboard or nudges choice sent with it is saved at once (the member may dismiss
    // the question and keep their data) and the question says so; a copy asked for with it comes with the question, or
    // why it does not (too large, or the previous copy still being sent).
    if (options.delete === true) {
      const changed = changing ? await applySettings() : null;
      const stored = await services.privacy.stored(guildId, userId);
      const exported = exporting ? await services.privacy.export(guildId, userId, clock.now()) : null;
      return withCopy(exported, () => renderDeleteConfirmation(t, userId, stored, clock.now(), exported, changed));
    }
    const settings = changing || !exporting ? await applySettings() : null;
    const exported = exporting ? await services.privacy.export(guildId, userId, clock.now()) : null;
    return withCopy(exported, () => renderPrivacy(t, settings, exported));
  },
};

/**
 * The reply carrying the member's copy, if any: their turn to export again comes once its upload is over, however
 * it went (the router tells `settled`), or at once if the reply is never built.
 */
function withCopy(exported: HeldMemberExport | MemberExportRefusal | null, render: () => Reply): Reply {
  if (exported === null || isExportRefused(exported)) return render();
  let reply: Reply;
  try {
    reply = render();
  } catch (error) {
    exported.release();
    throw error;
  }
  return {
    ...reply,
    upload: {
      tooLarge: new UserError("generic.fileTooLarge", { cohortExport: "no" }),
      settled: async () => exported.release(),
    },
  };
}
