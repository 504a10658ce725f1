import { ButtonAnswer, type ButtonHandler } from "../../src/discord/commandTypes.js";
import { deleteConfirmationFresh, renderDeleted } from "../../src/discord/render/renderPrivacy.js";
import { UserError } from "../../src/errors.js";

/** "Delete my data" under `/privacy delete:True`: erases everything stored about the member in this server. */
export const privacyDeleteButton: ButtonHandler = {
  prefix: "privacy",
  requiresManageServer: false,
  answer: ButtonAnswer.UpdateMessage,
  async execute({ services, clock, guildId, t }, interaction, [action = "", userId = "", askedAt = ""]) {
    // The confirmation is private, but a custom id can be replayed: only its owner's click counts, and only while
    // fresh (a button left open would otherwise erase memberships joined since).
    if (action !== "delete" || userId !== interaction.user.id || !deleteConfirmationFresh(askedAt, clock.now()))
      throw new UserError("privacy.confirmExpired");
    return renderDeleted(t, await services.privacy.deleteMember(guildId, userId, clock.now()));
  },
};
