import { ButtonAnswer, type ButtonHandler } from "../../src/discord/commandTypes.js";
import { renderCheckpointAnswer } from "../../src/discord/render/renderCheckpoint.js";

/**
 * Confident / Partly / Not yet under a checkpoint ("checkpoint:<cohortId>:<sectionId>:<answer>"),
 * on `/checkpoint` replies and on the cohort channel's checkpoint posts: records the clicker's
 * answer and tells only them. The post itself never changes (others see it too).
 */
export const checkpointButton: ButtonHandler = {
  prefix: "checkpoint",
  requiresManageServer: false,
  answer: ButtonAnswer.PrivateReply,
  async execute({ services, clock, t, guildId }, interaction, [cohortId = "", sectionId = "", answer = ""]) {
    const view = await services.checkpoints.answer({
      guildId,
      userId: interaction.user.id,
      cohortId,
      sectionId,
      answer,
      now: clock.now(),
    });
    return renderCheckpointAnswer(t, view);
  },
};
