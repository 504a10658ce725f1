import { expect } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import type { BotHarness } from "./botHarness.js";

type CommandOptions = Record<string, string | number | boolean>;

/** Runs a command as `userId` and returns what they finally see; fails the test if the command failed. */
export async function runCommand(bot: BotHarness, userId: string, name: string, options: CommandOptions = {}): Promise<EmulatorMessage> {
  const handle = bot.run(userId, name, options);
  const message = await handle.final();
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
 * a watcher who joined and has none. The leaderboard tests start from it.
 */
export async function rankedCohort(bot: BotHarness, cohortName: string): Promise<RankedCohort> {
  const cohort = await bot.createCohort({ name: cohortName });
  const rows = await bot.test.app.database.prisma.item.findMany({
    where: { curriculumId: cohort.curriculumId, kind: "Required", minutes: { gt: 0 } },
    orderBy: { position: "asc" },
    take: 3,
  });
  const items = rows.map((row) => String(row.id));
  const people = {} as Record<RankedPerson, { id: string }>;
  for (const name of ["ada", "bob", "cy", "watcher"] as const) {
    people[name] = bot.emulator.createMember(bot.guild.id, { username: name, displayName: `${name[0]?.toUpperCase()}${name.slice(1)}` });
    await runCommand(bot, people[name].id, "join", { cohort: cohortName });
  }
  for (const [person, count] of [
    [people.ada, 3],
    [people.bob, 2],
    [people.cy, 1],
  ] as const) {
    for (const item of items.slice(0, count)) {
      await bot.test.app.services.study.complete({ guildId: bot.guild.id, userId: person.id, cohort: null, item, now: bot.clock.now() });
    }
  }
  return { people, items };
}
