import { ButtonAnswer, type ButtonHandler } from "../../src/discord/commandTypes.js";
import { renderAudit } from "../../src/discord/render/renderFacilitators.js";
import { UserError } from "../../src/errors.js";

/** ◀ Newer / Older ▶ under `/cohort audit` ("audit:<cohortId>:<older|newer>:<entryId>"): the lines next to that one, in the same reply. */
export const auditPageButton: ButtonHandler = {
  prefix: "audit",
  requiresManageServer: true,
  answer: ButtonAnswer.UpdateMessage,
  async execute({ services, t, guildId }, _interaction, [cohortId = "", direction = "", entryId = ""]) {
    if ((direction !== "older" && direction !== "newer") || !/^\d{1,15}$/.test(entryId)) throw new UserError("generic.unknownButton");
    return renderAudit(t, await services.facilitators.auditTrail(guildId, cohortId, { direction, entryId: Number(entryId) }));
  },
};
