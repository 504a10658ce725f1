import { expect } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { answerOf, tickAt, visibleText, type BotHarness } from "./botHarness.js";
import { rankedMembers } from "./rankedMembers.js";

type CommandOptions = Record<string, string | number | boolean>;

/** Runs a command as `userId` and returns what they finally see; fails the test if the command failed. */
export async function runCommand(bot: BotHarness, userId: string, name: string, options: CommandOptions = {}): Promise<EmulatorMessage> {
  const handle = bot.run(userId, name, options);
  const message = await answerOf(handle);
  expect(handle.failed).toBe(false);
  return message;
}

export type RankedPerson = "ada" | "bob" | "cy" | "watcher";

export interface RankedCohort {
  /** Server members who joined the cohort through /join; shown as "Ada", "Bob", "Cy" and "Watcher". */
  readonly people: Record<RankedPerson, { readonly id: string }>;
  /** The ids (as /done takes them) of the cohort's first three Required items with minutes. */
  readonly items: readonly string[];
}

/**
 * A cohort in the harness's guild whose board reads Ada > Bob > Cy on points
 * (3, 2 and 1 of the first Required items: each a superset of the next), with
 * a watcher who joined and has none. The leaderboard tests start from it. `timeZone`: the cohort's (default UTC).
 */
export async function rankedCohort(bot: BotHarness, cohortName: string, timeZone?: string): Promise<RankedCohort> {
  const cohort = await bot.createCohort(timeZone === undefined ? { name: cohortName } : { name: cohortName, timeZone });
  const people = await rankedMembers(bot, cohort, { ada: 3, bob: 2, cy: 1, watcher: 0 });
  const rows = await bot.test.app.database.prisma.item.findMany({
    where: { curriculumId: cohort.curriculumId, kind: "Required", minutes: { gt: 0 } },
    orderBy: { position: "asc" },
    take: 3,
  });
  return { people, items: rows.map((row) => String(row.id)) };
}

/**
 * A rankedCohort whose board an admin turned `off`, then ended on Wednesday 2027-01-13 at 10:00 (its second week),
 * with the tick a minute later that sends its closing post: a close that kept no public board.
 */
export async function rankedCohortEndedWithBoardOff(bot: BotHarness, cohortName: string): Promise<RankedCohort> {
  const cohort = await rankedCohort(bot, cohortName);
  await runCommand(bot, bot.admin.id, "cohort edit", { cohort: cohortName, leaderboard: "off" });
  bot.clock.set(new Date("2027-01-13T10:00:00Z"));
  await runCommand(bot, bot.admin.id, "cohort end", { cohort: cohortName });
  bot.clock.set(new Date("2027-01-13T10:01:00Z"));
  await bot.test.app.scheduler.tick(bot.clock.now());
  return cohort;
}

/**
 * A rankedCohort started Monday 2027-01-04 whose week-2 post went out (the tick of Monday 2027-01-11 09:00): the
 * boards already posted that a redraw changes are in the channel, week 1's final board and week 2's "Week 1 top
 * five", both naming Ada first.
 */
export async function rankedCohortWithWeekTwoPosted(bot: BotHarness, cohortName: string): Promise<RankedCohort> {
  const cohort = await rankedCohort(bot, cohortName);
  await tickAt(bot, "2027-01-05T10:00:00Z");
  await tickAt(bot, "2027-01-11T09:00:00Z");
  expect(postWith(bot, "Week 1 top five")).toContain("🥇 **Ada**");
  expect(postWith(bot, "🏆 Week 1 leaderboard · final")).toContain("🥇 **Ada**");
  return cohort;
}

/** What the first message in the harness's channel that shows `text` shows; fails the test when none does. */
export function postWith(bot: BotHarness, text: string): string {
  const post = bot.emulator.channelMessages(bot.channel.id).find((message) => visibleText(message).includes(text));
  if (post === undefined) throw new Error(`no message in the channel shows ${text}`);
  return visibleText(post);
}
