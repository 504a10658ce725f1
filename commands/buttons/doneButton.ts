import { ButtonAnswer, type ButtonHandler } from "../../src/discord/commandTypes.js";
import { renderToday } from "../../src/discord/render/renderToday.js";
import { callerDisplayName } from "../../src/discord/callerDisplayName.js";

/** "Done: <item>" under /today: logs the item, then refreshes the same reply. */
export const doneButton: ButtonHandler = {
  prefix: "done",
  requiresManageServer: false,
  answer: ButtonAnswer.UpdateMessage,
  async execute({ services, clock, t, guildId }, interaction, [cohortId = "", itemId = ""]) {
    const request = {
      guildId,
      userId: interaction.user.id,
      callerName: callerDisplayName(interaction),
      cohort: cohortId,
      now: clock.now(),
    };
    await services.study.complete({ ...request, item: itemId });
    return renderToday(t, await services.study.today(request));
  },
};
