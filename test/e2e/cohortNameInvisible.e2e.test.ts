import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CohortRepository } from "../../src/db/repositories/CohortRepository.js";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { createCohortRow } from "../helpers/cohortRows.js";

/**
 * Characters that show nothing (zero-width spaces and joiners, soft hyphens) or reorder text (bidi overrides)
 * in a cohort name: every reply drops them, so two names that differ only by them read the same to everyone,
 * and a name of nothing but them reads as nothing at all. They are not part of the name.
 */
describe("cohort names with invisible characters", () => {
  let bot: BotHarness;
  const create = (name: string) =>
    bot.reply(bot.admin.id, "cohort create", {
      name,
      curriculum: "backend-engineer-learning-path",
      channel: bot.channel.id,
      start: "2027-01-04",
    });
  const cohortNames = async () => (await bot.test.app.database.prisma.cohort.findMany({ orderBy: { id: "asc" } })).map((row) => row.name);

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: "Backend" });
  });
  afterAll(async () => bot.close());

  it("refuses a name that shows as nothing, and creates no cohort", async () => {
    const reply = await create("\u200b\u2060 \u202e");
    expect(reply.ephemeral).toBe(true);
    // The reply says why a name that was typed is refused.
    expect(visibleText(reply)).toBe(
      "A cohort name needs 1 to 80 characters, and this one shows nothing: it holds only invisible characters (such as zero-width spaces). Use letters, digits or symbols.",
    );
    expect(await cohortNames()).toEqual(["Backend"]);
  });

  it("refuses a name of other characters that show nothing (joiners, fillers, the blank braille pattern, a lone variation selector)", async () => {
    for (const blank of ["\u200d\u200c", "\u3164", "\u2800\u2800", "\u034f", "\ufe0f", "\u115f\u1160 \uffa0"]) {
      expect(visibleText(await create(blank))).toContain("this one shows nothing");
    }
    expect(await cohortNames()).toEqual(["Backend"]);
  });

  it("refuses a name that reads as another cohort's, as it does in other capitals", async () => {
    for (const lookalike of ["Back\u200bend", "\u2060backend\u00ad", "Back\u202eend"]) {
      const reply = await create(lookalike);
      expect(visibleText(reply)).toBe("This server already has a cohort called **Backend**. Choose another name.");
    }
    // The same letters written as a base letter and an accent, or as the accented letter, are one name too.
    await create("Caf\u00e9");
    expect(visibleText(await create("Cafe\u0301"))).toBe("This server already has a cohort called **Café**. Choose another name.");
    expect(await cohortNames()).toEqual(["Backend", "Café"]);
  });

  it("keeps a name as people see it: without the invisible characters, in replies, lists and the choices offered", async () => {
    const created = await create("Spring\u200b 2027\u202e");
    expect(visibleText(created)).toContain("**Spring 2027** is set up");
    expect(await cohortNames()).toEqual(["Backend", "Café", "Spring 2027"]);
    const choices = await bot.autocomplete(bot.member("ana").id, "join", "cohort", { cohort: "spring" });
    expect(choices.map((choice) => choice.name)).toEqual(["Spring 2027"]);
  });

  it("refuses a rename to a name that reads as another cohort's, and changes nothing", async () => {
    const reply = await bot.reply(bot.admin.id, "cohort edit", { cohort: "Spring 2027", name: "BACK\u200bEND" });
    expect(visibleText(reply)).toBe("This server already has a cohort called **Backend**. Choose another name.");
    expect(await cohortNames()).toEqual(["Backend", "Café", "Spring 2027"]);
  });

  it("keys a name stored with invisible characters before as it reads, at start-up, and still finds it by its own spelling", async () => {
    const { prisma, target } = bot.test.app.database;
    const { id: curriculumId } = await prisma.curriculum.findFirstOrThrow({ where: { slug: "backend-engineer-learning-path" } });
    const legacyName = "Spring\u200b 2027";
    const legacy = await createCohortRow(prisma, curriculumId, {
      guildId: bot.guild.id,
      channelId: bot.channel.id,
      startDate: "2027-01-04",
      name: legacyName,
      nameKey: legacyName.toLowerCase(),
    });
    expect(await new CohortRepository(prisma, target.provider).refoldNameKeys()).toBe(1);
    // "Spring 2027" has the plain key: the older name keeps its row's clash suffix, and each is found by its own spelling.
    const row = await prisma.cohort.findUniqueOrThrow({ where: { id: legacy.id } });
    expect(row.nameKey).toBe(`spring 2027\n${legacy.id}`);
    const own = await bot.reply(bot.admin.id, "cohort info", { cohort: legacyName });
    expect(visibleText(own)).toContain(`Cohort id ${legacy.id}`);
  });

  it("tells two names that read the same apart by their ids, in the choices and when a typed name could be either", async () => {
    const rows = await bot.test.app.database.prisma.cohort.findMany({
      where: { nameKey: { startsWith: "spring 2027" } },
      orderBy: { id: "asc" },
    });
    const [plain, legacy] = rows.map((row) => row.id);
    const choices = await bot.autocomplete(bot.admin.id, "cohort info", "cohort", { cohort: "spring" });
    expect(choices.map((choice) => choice.name).sort()).toEqual([`Spring 2027 #${plain}`, `Spring 2027 #${legacy}`].sort());
    const either = await bot.reply(bot.admin.id, "cohort info", { cohort: "SPRING 2027" });
    expect(visibleText(either)).toContain(`Several cohorts have a name that reads as **SPRING 2027**: **Spring 2027 #`);
    expect(visibleText(either)).toContain(`#${plain}**`);
    expect(visibleText(either)).toContain(`#${legacy}**`);
    const byNumber = await bot.reply(bot.admin.id, "cohort info", { cohort: String(legacy) });
    expect(visibleText(byNumber)).toContain(`Cohort id ${legacy}`);
  });
});

describe("two cohort names from before the name key, alike but for capitals and an invisible character", () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  });
  afterAll(async () => bot.close());

  it("finds the one whose name shows exactly as typed", async () => {
    const { prisma } = bot.test.app.database;
    const { id: curriculumId } = await prisma.curriculum.findFirstOrThrow({ where: { slug: "backend-engineer-learning-path" } });
    const legacy = (name: string, nameKey: string) =>
      createCohortRow(prisma, curriculumId, { guildId: bot.guild.id, channelId: bot.channel.id, startDate: "2027-01-04", name, nameKey });
    const plain = await legacy("Spring", "spring");
    const upper = await legacy("SPRING\u200b", "spring\u200b");
    // As start-up keys them: the older spelling keeps the plain key, the other gets its clash suffix.
    await new CohortRepository(prisma, bot.test.app.database.target.provider).refoldNameKeys();
    expect(visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: "SPRING" }))).toContain(`Cohort id ${upper.id}`);
    expect(visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: "Spring" }))).toContain(`Cohort id ${plain.id}`);
    // Neither shows as "spring": still the question, with both names.
    expect(visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: "spring" }))).toContain(
      "Several cohorts have a name that reads as **spring**",
    );
  });
});
