import { afterEach, describe, expect, it } from "vitest";
import { visibleText, type BotHarness } from "../helpers/botHarness.js";
import { startWithExcludeRoleCohort } from "../helpers/startWithExcludeRoleCohort.js";

const listMembers = "GET /guilds/:guildId/members";
/** Discord's answer to List Guild Members for an application without the Server Members intent enabled. */
const withoutIntent = 403;
const missingAccess = { body: { message: "Missing Access", code: 50001 } };
/** A passing fault on Discord's side, given as many times as discord.js tries a request (so the listing fails). */
const serverError = 500;
const triesPerRequest = 4;
const cohortName = "Role Spring";

// An admin who sets exclude_role on a bot without the Server Members intent (a step the five-minute install may
// skip) learns why a role holder is still ranked: from the reply, and from /cohort info, not only from the logs.
describe("exclude_role when Discord will not list the server's members", () => {
  let bot: BotHarness;
  afterEach(async () => bot.close());

  async function createWithRole(
    fault: (started: BotHarness) => void = (started) => started.emulator.failNext(listMembers, withoutIntent, 1, missingAccess),
  ): Promise<string> {
    const started = await startWithExcludeRoleCohort(cohortName, fault);
    bot = started.bot;
    return started.created;
  }
  const info = async () => visibleText(await bot.run(bot.admin.id, "cohort info", { cohort: cohortName }).final());

  it("says so in the reply to /cohort create and in /cohort info, naming the intent to enable", async () => {
    const created = await createWithRole();
    expect(created).toContain("Server Members Intent");
    expect(await info()).toContain("Server Members Intent");
  });

  it("no longer says so once a listing succeeds", async () => {
    expect(await createWithRole()).toContain("Server Members Intent");
    // Setting the role again lists its holders again, and Discord answers this time (the intent enabled since).
    const roleId = (await bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name: cohortName } })).excludeRoleId ?? "";
    const edited = visibleText(await bot.run(bot.admin.id, "cohort edit", { cohort: cohortName, exclude_role: roleId }).final());
    expect(edited).not.toContain("Server Members Intent");
    expect(await info()).not.toContain("Server Members Intent");
  });

  it("does not blame the intent when the listing fails for a passing fault on Discord's side", async () => {
    const created = await createWithRole((started) => started.emulator.failNext(listMembers, serverError, triesPerRequest));
    expect(bot.emulator.requestLog().filter((request) => request.route === listMembers.slice(4) && request.injected)).toHaveLength(
      triesPerRequest,
    );
    expect(created).not.toContain("Server Members Intent");
    expect(await info()).not.toContain("Server Members Intent");
  });

  it("logs the refusal once, though the role is set again and refused again", async () => {
    const warnings = () => bot.test.logs().filter((line) => line.msg === "could not list the exclude role's members; exclusions unchanged");
    await createWithRole();
    const roleId = (await bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name: cohortName } })).excludeRoleId ?? "";
    bot.emulator.failNext(listMembers, withoutIntent, 1, missingAccess);
    const edited = visibleText(await bot.run(bot.admin.id, "cohort edit", { cohort: cohortName, exclude_role: roleId }).final());
    expect(edited).toContain("Server Members Intent");
    expect(warnings()).toHaveLength(1);
  });
});
