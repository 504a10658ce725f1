import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/leave` on a cohort an admin ended answers "Your history is kept;
 * `/join` again any time to pick up where you were", but `/join` on an ended cohort is refused ("it no
 * longer takes new members"). The member is locked out of the cohort they were promised they could
 * come back to (and of its course summary in `/today`).
 */
describe("/leave on an ended cohort", () => {
  let bot: BotHarness;
  const cohortName = "Cut Short";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
  });
  afterAll(async () => bot.close());

  it("does not promise a /join that the bot then refuses", async () => {
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    await bot.reply(ada.id, "done", { item: "Storage Engines" });
    await bot.reply(bot.admin.id, "cohort end", { cohort: cohortName });

    const leave = visibleText(await bot.reply(ada.id, "leave", { cohort: cohortName }));
    const rejoin = visibleText(await bot.reply(ada.id, "join", { cohort: cohortName }));

    const promisesRejoin = leave.includes("`/join` again");
    const rejoinRefused = rejoin.includes("no longer takes new members");
    // Either /leave says the cohort cannot be joined again (or refuses to leave an ended cohort), or /join keeps the promise.
    expect({ leave, rejoin, broken: promisesRejoin && rejoinRefused }).toMatchObject({ broken: false });
  });
});
