import { ButtonAnswer, type ButtonHandler } from "../../src/discord/commandTypes.js";
import { renderNudge } from "../../src/discord/render/renderFacilitators.js";
import { namesakeLabelIn } from "../../src/discord/render/numberedNames.js";
import { UserError } from "../../src/errors.js";

/** "Nudge <name>" under `/cohort roster` ("nudge:<cohortId>:<memberId>"): one friendly DM, answered privately to the admin. */
export const nudgeButton: ButtonHandler = {
  prefix: "nudge",
  requiresManageServer: true,
  answer: ButtonAnswer.PrivateReply,
  async execute({ services, clock, t, guildId }, interaction, [cohortId = "", memberId = ""]) {
    if (!/^\d{1,15}$/.test(memberId)) throw new UserError("generic.unknownButton");
    const view = await services.nudges.nudge({
      guildId,
      cohortId,
      memberId: Number(memberId),
      actorId: interaction.user.id,
      now: clock.now(),
      namesakeLabel: namesakeLabelIn(t),
    });
    return renderNudge(t, view);
  },
};
