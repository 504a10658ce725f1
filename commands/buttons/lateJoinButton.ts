import { ButtonAnswer, type ButtonHandler } from "../../src/discord/commandTypes.js";
import { renderLateJoinStart } from "../../src/discord/render/renderMembership.js";
import { renderPaceChange } from "../../src/discord/render/renderPace.js";
import { isPaceChange } from "../../src/services/MemberPlanService.js";

/** *Start from this week* / *Catch up* under a late joiner's welcome ("latejoin:<cohortId>:<choice>"): replaces the welcome with the outcome. */
export const lateJoinButton: ButtonHandler = {
  prefix: "latejoin",
  requiresManageServer: false,
  answer: ButtonAnswer.UpdateMessage,
  async execute({ services, clock, t, guildId }, interaction, [cohortId = "", choice = ""]) {
    const view = await services.memberPlans.lateJoinChoice({
      guildId,
      userId: interaction.user.id,
      cohort: cohortId,
      now: clock.now(),
      choice,
    });
    return isPaceChange(view) ? renderPaceChange(t, view) : renderLateJoinStart(t, view);
  },
};
