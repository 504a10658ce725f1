import { ButtonAnswer, type ButtonHandler } from "../../src/discord/commandTypes.js";
import { renderPaceChange } from "../../src/discord/render/renderPace.js";
import { UserError } from "../../src/errors.js";
import { PaceMode } from "../../src/services/MemberPlanService.js";

const modes: readonly string[] = Object.values(PaceMode);

function isPaceMode(value: string): value is PaceMode {
  return modes.includes(value);
}

/**
 * Catch up / Extend / Reset under `/pace` ("pace:<cohortId>:<mode>[:<days>]"): applies the mode (a catch-up over the
 * days the reply offered; 5 on buttons made before they carried them) and replaces the reply.
 */
export const paceButton: ButtonHandler = {
  prefix: "pace",
  requiresManageServer: false,
  answer: ButtonAnswer.UpdateMessage,
  async execute({ services, clock, t, guildId }, interaction, [cohortId = "", mode = "", days = ""]) {
    if (!isPaceMode(mode)) throw new UserError("generic.unknownButton");
    const view = await services.memberPlans.changePace({
      guildId,
      userId: interaction.user.id,
      cohort: cohortId,
      now: clock.now(),
      mode,
      days: /^\d{1,2}$/.test(days) ? Number(days) : null,
    });
    return renderPaceChange(t, view);
  },
};
