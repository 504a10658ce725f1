import { describe, expect, it } from "vitest";
import { SqliteReadWorker } from "../../src/db/SqliteReadWorker.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { namesakeLabelIn } from "../../src/discord/render/numberedNames.js";
import { buttonsOf, useBotHarness, visibleText } from "../helpers/botHarness.js";
import { StatementCounter } from "../helpers/statementCounter.js";

/** Wednesday of week 3 of a cohort that started on Monday 2027-01-04: whoever has read nothing is behind. */
const now = new Date("2027-01-20T12:00:00Z");

describe("/cohort roster with members who share a display name", () => {
  const harness = useBotHarness({ now });

  it("tells their Nudge buttons apart, each naming its member as their line does", async () => {
    const { bot } = harness;
    const cohort = await bot.createCohort({ start: "2027-01-04" });
    const users = ["alex1", "alex2", "sam"].map((username) => bot.member(username));
    for (const [index, user] of users.entries())
      await bot.join(user, cohort, { name: index < 2 ? "Alex" : "Sam", at: new Date("2027-01-05T12:00:00Z") });
    const members = await bot.test.app.database.prisma.member.findMany({
      where: { cohortId: cohort.id },
      select: { id: true, userId: true },
    });
    const userIdOf = new Map(members.map((member) => [String(member.id), member.userId]));

    const roster = await bot.reply(bot.admin.id, "cohort roster", { cohort: String(cohort.id) });
    const lines = visibleText(roster).split("\n");
    const nudges = buttonsOf(roster).filter((button) => button.customId.startsWith("nudge:"));
    expect(nudges).toHaveLength(3);
    // Two buttons reading "Nudge Alex" would leave the admin guessing which Alex gets the DM.
    expect(new Set(nudges.map((button) => button.label)).size).toBe(3);
    for (const button of nudges) {
      const userId = userIdOf.get(button.customId.split(":")[2] ?? "") ?? "";
      const line = lines.find((candidate) => candidate.includes(`<@${userId}>`)) ?? "";
      expect(line).toContain(`<@${userId}> (${button.label.replace(/^Nudge /, "")})`);
    }
    // A name no one else on the page has stays as it is.
    expect(nudges.map((button) => button.label)).toContain("Nudge Sam");
  });

  it("numbers a shared name as it is shown, by join order over the cohort, the same on every filter and in the Nudge answer", async () => {
    const { bot } = harness;
    const cohort = await bot.createCohort({ name: "Namesakes", start: "2027-01-04" });
    const early = new Date("2027-01-05T12:00:00Z");
    // The first Alex joins today (a late joiner, not behind), the second on the course's second day (behind).
    const people = [
      ["alexa", "Alex", now],
      ["alexb", "Alex\u200b", early],
      ["josenfc", "Jos\u00e9", early],
      ["josenfd", "Jose\u0301", early],
      ["samtyped", "Sam #1", early],
      ["sama", "Sam", early],
      ["samb", "Sam", early],
    ] as const;
    const ids = new Map<string, string>();
    for (const [username, name, at] of people) {
      const user = bot.member(username);
      ids.set(username, user.id);
      await bot.join(user, cohort, { name, at });
    }
    const rows = await bot.test.app.database.prisma.member.findMany({ where: { cohortId: cohort.id }, select: { id: true, userId: true } });
    const memberIdOf = (username: string) => String(rows.find((row) => row.userId === ids.get(username))?.id);
    const labelsOf = async (filter: string) => {
      const roster = await bot.reply(bot.admin.id, "cohort roster", { cohort: String(cohort.id), filter });
      const nudges = buttonsOf(roster).filter((button) => button.customId.startsWith("nudge:"));
      return { roster, labels: new Map(nudges.map((button) => [button.customId.split(":")[2] ?? "", button.label])) };
    };

    for (const filter of ["all", "behind"]) {
      const { labels } = await labelsOf(filter);
      // "Alex" and "Alex" with an invisible character, "José" in two Unicode forms: each shows alike, each is numbered.
      expect(labels.get(memberIdOf("alexb"))).toBe("Nudge Alex #2");
      expect(new Set([labels.get(memberIdOf("josenfc"))?.normalize("NFC"), labels.get(memberIdOf("josenfd"))?.normalize("NFC")])).toEqual(
        new Set(["Nudge José #1", "Nudge José #2"]),
      );
      // A member really called "Sam #1" keeps the name; the two Sams take numbers no one has.
      expect(labels.get(memberIdOf("samtyped"))).toBe("Nudge Sam #1");
      expect(labels.get(memberIdOf("sama"))).toBe("Nudge Sam #2");
      expect(labels.get(memberIdOf("samb"))).toBe("Nudge Sam #3");
    }
    const { roster } = await labelsOf("behind");
    const pressed = await bot.click(bot.admin.id, roster.id, `nudge:${cohort.id}:${memberIdOf("alexb")}`).final();
    expect(visibleText(pressed)).toContain("Alex #2");
  });
  it("numbers namesakes over both pages of a roster, again when one of them leaves and comes back", async () => {
    const { bot } = harness;
    const cohort = await bot.createCohort({ name: "Two pages", start: "2027-01-04" });
    const option = String(cohort.id);
    const early = new Date("2027-01-05T12:00:00Z");
    // 19 readers, then three Sams: one page of 20 shows the readers and the first Sam, the next page the others.
    const readers = Array.from({ length: 19 }, (_, index) => `Reader ${String(index + 1).padStart(2, "0")}`);
    for (const name of readers) await bot.join(bot.member(name), cohort, { name, at: early });
    const samMembers = ["sam1", "sam2", "sam3"].map((username) => bot.member(username));
    const sams = samMembers.map((sam) => sam.id);
    for (const sam of samMembers) await bot.join(sam, cohort, { name: "Sam", at: early });
    const nameOnEachPage = async () => {
      const first = await bot.reply(bot.admin.id, "cohort roster", { cohort: option });
      const next = buttonsOf(first).find((button) => button.label === "Next ▶")?.customId ?? "";
      const second = await bot.click(bot.admin.id, first.id, next).final();
      // Each Sam as their line shows them, page by page.
      return [first, second].map((page) =>
        visibleText(page)
          .split("\n")
          .flatMap((line) =>
            sams.filter((userId) => line.includes(`<@${userId}>`)).map((userId) => `${userId} ${/\(Sam[^)]*\)/.exec(line)?.[0]}`),
          ),
      );
    };
    expect(await nameOnEachPage()).toEqual([[`${sams[0]} (Sam #1)`], [`${sams[1]} (Sam #2)`, `${sams[2]} (Sam #3)`]]);

    await bot.test.app.services.cohorts.leave(bot.guild.id, sams[1] ?? "", option, early);
    expect(await nameOnEachPage()).toEqual([[`${sams[0]} (Sam #1)`], [`${sams[2]} (Sam #2)`]]);

    for (const sam of samMembers.slice(1, 2)) await bot.join(sam, cohort, { name: "Sam", at: early });
    expect(await nameOnEachPage()).toEqual([[`${sams[0]} (Sam #1)`], [`${sams[1]} (Sam #2)`, `${sams[2]} (Sam #3)`]]);
  });

  it.runIf(process.env.TEST_DATABASE !== "postgresql")(
    "reads a Nudge's names on the roster's read worker while it serves, not on the event loop",
    async () => {
      const { bot } = harness;
      const cohort = await bot.createCohort({ name: "Worker up", start: "2027-01-04" });
      const alexes = ["alexup1", "alexup2"].map((username) => bot.member(username));
      for (const alex of alexes) await bot.join(alex, cohort, { name: "Alex", at: new Date("2027-01-05T12:00:00Z") });
      const second = await bot.test.app.database.prisma.member.findFirstOrThrow({
        where: { cohortId: cohort.id, userId: alexes[1]?.id ?? "" },
      });
      const roster = await bot.reply(bot.admin.id, "cohort roster", { cohort: String(cohort.id) });
      // Statements on this (the main) thread only: the worker's run on its own thread, out of the counter's sight.
      const counter = StatementCounter.install();
      try {
        let answer = "";
        const statements = await counter.during(async () => {
          answer = visibleText(await bot.click(bot.admin.id, roster.id, `nudge:${cohort.id}:${second.id}`).final());
        });
        expect(answer).toContain("Alex #2");
        // At 100,000 members that read held the event loop for hundreds of milliseconds per Nudge.
        expect(statements.filter((sql) => /"displayName" FROM "Member"/.test(sql))).toEqual([]);
      } finally {
        counter.uninstall();
      }
    },
  );

  it("reads only the page's namesakes and the members whose names read like their labels, not the whole cohort's names", async () => {
    const { bot } = harness;
    const cohort = await bot.createCohort({ name: "Few names", start: "2027-01-04" });
    const early = new Date("2027-01-05T12:00:00Z");
    // Joined today: late joiners, not behind, so not on the "behind" page.
    const people = [
      ["fewreader", "Reader", early],
      ["fewsam1", "Sam", early],
      ["fewlee", "Lee", now],
      ["fewsamtyped", "Sam #1", now],
      ["fewsam2", "Sam\u200b ", early],
    ] as const;
    for (const [username, name, at] of people) await bot.join(bot.member(username), cohort, { name, at });
    const view = await bot.test.app.services.roster.roster({
      guildId: bot.guild.id,
      cohort: String(cohort.id),
      filter: "behind",
      anchor: { kind: "first" },
      now,
      namesakeLabel: namesakeLabelIn(translatorFor("en")),
    });
    expect(view.members.map((member) => member.displayName).sort()).toEqual(["Reader", "Sam", "Sam\u200b "]);
    // The page's members and "Sam #1" (a label the Sams would take), in join order; not Lee.
    expect(view.cohortNames.map((name) => name.displayName)).toEqual(["Reader", "Sam", "Sam #1", "Sam\u200b "]);
    const roster = visibleText(await bot.reply(bot.admin.id, "cohort roster", { cohort: String(cohort.id), filter: "behind" }));
    expect(roster).toContain("(Sam #2)");
    expect(roster).toContain("(Sam #3)");
  });

  // Last in this file: it stops the bot's read worker for good.
  it.runIf(process.env.TEST_DATABASE !== "postgresql")(
    "answers a Nudge, naming the namesake as the roster did, while the roster's read worker is down",
    async () => {
      const { bot } = harness;
      const cohort = await bot.createCohort({ name: "Worker down", start: "2027-01-04" });
      const alexes = ["alexdown1", "alexdown2"].map((username) => bot.member(username));
      for (const alex of alexes) await bot.join(alex, cohort, { name: "Alex", at: new Date("2027-01-05T12:00:00Z") });
      const users = alexes.map((alex) => alex.id);
      const second = await bot.test.app.database.prisma.member.findFirstOrThrow({ where: { cohortId: cohort.id, userId: users[1] ?? "" } });
      const roster = await bot.reply(bot.admin.id, "cohort roster", { cohort: String(cohort.id) });
      const reader = bot.test.app.database.reader;
      if (!(reader instanceof SqliteReadWorker)) throw new Error("a SQLite file's bot reads long reads on a worker");
      // Stopped, the worker refuses every read at once, as it does while it waits out a back-off after failed starts.
      await reader.stop();
      const pressed = await bot.click(bot.admin.id, roster.id, `nudge:${cohort.id}:${second.id}`).final();
      expect(visibleText(pressed)).toContain("Alex #2");
      expect(visibleText(pressed)).not.toMatch(/wrong|try again/i);
    },
  );
});
