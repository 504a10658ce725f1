import { startBotHarness, type BotHarness } from "./botHarness.js";
import { runCommand } from "./rankedCohort.js";

export interface CourseReadingCohort<Name extends string> {
  readonly bot: BotHarness;
  /** Server members who joined the cohort through /join, shown by their names. */
  readonly people: Record<Name, { readonly id: string }>;
  /** The ids (as /done takes them) of the course's first four Required items with minutes. */
  readonly items: readonly string[];
}

/**
 * A harness started on Monday 2027-01-04 10:00 (UTC) with a 12-week cohort from that day (last day Sunday
 * 2027-03-28, closing post Monday 2027-03-29 09:00), joined by Ada, Bob and `others`. On Tuesday 5 January Ada logs
 * the first two items and Bob the first: the board of the course's own reading, before any late reading.
 */
export async function courseReadingCohort<Name extends string>(
  cohortName: string,
  others: readonly Name[],
): Promise<CourseReadingCohort<"ada" | "bob" | Name>> {
  const bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z") });
  const cohort = await bot.createCohort({ name: cohortName, start: "2027-01-04", timeZone: "UTC" });
  const rows = await bot.test.app.database.prisma.item.findMany({
    where: { curriculumId: cohort.curriculumId, kind: "Required", minutes: { gt: 0 } },
    orderBy: { position: "asc" },
    take: 4,
  });
  const items = rows.map((row) => String(row.id));
  const names: readonly ("ada" | "bob" | Name)[] = ["ada", "bob", ...others];
  const people = {} as Record<"ada" | "bob" | Name, { id: string }>;
  for (const name of names) people[name] = bot.member(name);
  for (const name of names) await runCommand(bot, people[name].id, "join", { cohort: cohortName });
  bot.clock.set(new Date("2027-01-05T10:00:00Z"));
  for (const item of items.slice(0, 2)) await runCommand(bot, people.ada.id, "done", { item });
  await runCommand(bot, people.bob.id, "done", { item: items[0] ?? "" });
  return { bot, people, items };
}

/** Monday 2027-03-29 06:00, after the last day and before the closing tick: Bob logs three more items, Cy one. */
export async function readLateBeforeClosing({ bot, people, items }: CourseReadingCohort<"ada" | "bob" | "cy">): Promise<void> {
  bot.clock.set(new Date("2027-03-29T06:00:00Z"));
  for (const item of items.slice(1, 4)) await bot.reply(people.bob.id, "done", { item });
  await bot.reply(people.cy.id, "done", { item: items[0] ?? "" });
}
