import { ButtonAnswer, type ButtonHandler } from "../../src/discord/commandTypes.js";
import { renderRoster } from "../../src/discord/render/renderFacilitators.js";
import { namesakeLabelIn } from "../../src/discord/render/numberedNames.js";
import { UserError } from "../../src/errors.js";
import { isRosterFilter, parseRosterAnchor } from "../../src/services/RosterService.js";

/**
 * ◀ / ▶ under `/cohort roster` ("roster:<cohortId>:<filter>:<before|after>:<row's key>", `rosterAnchorArgs`): the
 * page before or after that row, in the same reply.
 */
export const rosterPageButton: ButtonHandler = {
  prefix: "roster",
  requiresManageServer: true,
  answer: ButtonAnswer.UpdateMessage,
  async execute({ services, clock, t, guildId }, _interaction, [cohortId = "", filter = "", ...anchor]) {
    if (!isRosterFilter(filter)) throw new UserError("generic.unknownButton");
    const view = await services.roster.roster({
      guildId,
      cohort: cohortId,
      filter,
      anchor: parseRosterAnchor(anchor),
      now: clock.now(),
      namesakeLabel: namesakeLabelIn(t),
    });
    return renderRoster(t, view);
  },
};
