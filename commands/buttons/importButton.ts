import { ButtonAnswer, type ButtonHandler } from "../../src/discord/commandTypes.js";
import {
  ImportAction,
  importButtonPrefix,
  renderImportCancelled,
  renderImportConfirmed,
} from "../../src/discord/render/renderImportConfirmation.js";

/**
 * Confirm / Cancel under a re-import's diff ("import:<confirm|cancel>:<pendingId>"): only the
 * admin who uploaded the file can use them; Confirm imports once, then the result replaces the diff.
 */
export const importButton: ButtonHandler = {
  prefix: importButtonPrefix,
  requiresManageServer: true,
  answer: ButtonAnswer.UpdateMessage,
  async execute({ services, clock, t, guildId }, interaction, [action = "", pendingId = ""]) {
    const request = { guildId, userId: interaction.user.id, pendingId, now: clock.now() };
    if (action === ImportAction.Confirm) {
      return renderImportConfirmed(t, await services.curricula.confirmImport(request));
    }
    const { slug } = await services.curricula.cancelImport(request);
    return renderImportCancelled(t, slug);
  },
};
