import { expect } from "vitest";
import type { Cohort } from "../../src/domain/cohort/cohortModel.js";
import type { BotHarness } from "./botHarness.js";

/**
 * Members who /join the cohort through Discord, then complete the first `points[name]` required items
 * (none when left out): a board in a known order, e.g. { ada: 3, bob: 2, watcher: 0 }.
 */
export async function rankedMembers<Name extends string>(
  bot: BotHarness,
  cohort: Cohort,
  points: Record<Name, number>,
): Promise<Record<Name, { id: string }>> {
  const names = Object.keys(points) as Name[];
  const rows = await bot.test.app.database.prisma.item.findMany({
    where: { curriculumId: cohort.curriculumId, kind: "Required", minutes: { gt: 0 } },
    orderBy: { position: "asc" },
    take: Math.max(...names.map((name) => points[name])),
  });
  const people = {} as Record<Name, { id: string }>;
  for (const name of names) {
    const person = bot.emulator.createMember(bot.guild.id, { username: name, displayName: `${name[0]?.toUpperCase()}${name.slice(1)}` });
    people[name] = person;
    const join = bot.run(person.id, "join", { cohort: cohort.name });
    await join.final();
    expect(join.failed).toBe(false);
    for (const row of rows.slice(0, points[name])) {
      await bot.test.app.services.study.complete({
        guildId: bot.guild.id,
        userId: person.id,
        cohort: null,
        item: String(row.id),
        now: bot.clock.now(),
      });
    }
  }
  return people;
}
