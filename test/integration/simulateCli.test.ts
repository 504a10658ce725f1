import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/testDatabase.js";
import { runCli as cli } from "../helpers/runCli.js";
import { startTestApp } from "../helpers/testApp.js";
import { createCohortRow } from "../helpers/cohortRows.js";

describe("npm run cli -- simulate", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    // A stored cohort in Tokyo, made straight in the database (no Discord here).
    const test = await startTestApp({ environment: { DATABASE_URL: database.url } });
    const curriculum = await test.app.database.prisma.curriculum.findFirstOrThrow({ where: { slug: "backend-engineer-learning-path" } });
    await createCohortRow(test.app.database.prisma, curriculum.id, {
      guildId: "100000000000000001",
      channelId: "100000000000000002",
      name: "Night Owls",
      startDate: "2027-04-05",
      timeZone: "Asia/Tokyo",
    });
    // One name in two servers, in other capitals: the CLI has no server to pick one by.
    for (const { guildId, name } of [
      { guildId: "100000000000000003", name: "Été 2027" },
      { guildId: "100000000000000004", name: "été 2027" },
      { guildId: "100000000000000003", name: "Ñandú Club" },
    ])
      await createCohortRow(test.app.database.prisma, curriculum.id, {
        guildId,
        channelId: "100000000000000002",
        name,
        startDate: "2027-04-05",
      });
    await test.close();
  }, 120_000);
  afterAll(async () => database.drop());

  it("prints every post of a curriculum in order with local and UTC times, across a DST change", async () => {
    const result = await cli(database.url, [
      "simulate",
      "backend-engineer-learning-path",
      "--start",
      "2027-03-01",
      "--tz",
      "America/New_York",
    ]);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    const out = result.stdout;
    expect(out).toContain("nothing is sent to Discord");
    expect(out).toContain("24 posts:");
    expect(out).toContain("Backend Engineer Learning Path · 12 weeks · starts Mon, 1 Mar 2027 · time zone America/New_York");
    expect(out).toContain("Weekly assignment Monday 09:00 · checkpoint prompts 17:00 · study days Mon, Tue, Wed, Thu, Fri");
    const list = out.split("\n").filter((line) => /^\s+\d+\. /.test(line));
    expect(list).toHaveLength(24);
    expect(list[0]?.trim()).toBe("1. Mon, 1 Mar 2027 09:00  weekly assignment  week-1");
    expect(list[1]?.trim()).toBe("2. Mon, 8 Mar 2027 09:00  weekly assignment  week-2");
    expect(list[2]?.trim()).toBe("3. Fri, 12 Mar 2027 17:00  checkpoint prompt  checkpoint-w1-2-database-fundamentals");
    expect(list[23]?.trim()).toBe("24. Mon, 24 May 2027 09:00  closing post       closing");
    // New York moves to summer time on 14 March: same local time, one hour earlier in UTC.
    expect(out).toContain("Mon, 8 Mar 2027 09:00 America/New_York  ·  2027-03-08 14:00 UTC");
    expect(out).toContain("Mon, 15 Mar 2027 09:00 America/New_York  ·  2027-03-15 13:00 UTC");
    // The text form of the posts themselves.
    expect(out).toContain("┃ 📚 Week 1 of 12 · Backend Engineer Learning Path (simulation)");
    expect(out).toContain("[ Confident ] [ Partly ] [ Not yet ]");
    expect(out).toContain("┃ 🎓 Backend Engineer Learning Path (simulation) is complete");
    expect(out).toContain("Checkpoint: Database Fundamentals on Fri 12 Mar 2027 17:00 (EST)");
  }, 120_000);

  it("simulates a stored cohort by name in its own zone, limited to the first weeks", async () => {
    const result = await cli(database.url, ["simulate", "Night Owls", "--weeks", "2"]);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain('Dry run for cohort 1 "Night Owls"');
    expect(result.stdout).toContain("time zone Asia/Tokyo");
    const list = result.stdout
      .split("\n")
      .filter((line) => /^\s+\d+\. /.test(line))
      .map((line) => line.trim());
    expect(list).toEqual([
      "1. Mon, 5 Apr 2027 09:00  weekly assignment  week-1",
      "2. Mon, 12 Apr 2027 09:00  weekly assignment  week-2",
      "3. Fri, 16 Apr 2027 17:00  checkpoint prompt  checkpoint-w1-2-database-fundamentals",
    ]);
    expect(result.stdout).toContain("Mon, 5 Apr 2027 09:00 Asia/Tokyo  ·  2027-04-05 00:00 UTC");
  }, 120_000);

  it("finds a stored cohort named in other capitals, accented ones too, and lists the ids of one name in several servers", async () => {
    const accented = await cli(database.url, ["simulate", "ÑANDÚ CLUB", "--weeks", "1"]);
    expect(accented.code).toBe(0);
    expect(accented.stdout).toContain('"Ñandú Club"');
    const ambiguous = await cli(database.url, ["simulate", "ÉTÉ 2027"]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain(
      "Several cohorts have that name; give one of these ids instead: 2 (Été 2027, server 100000000000000003)",
    );
    expect(ambiguous.stderr).toContain("3 (été 2027, server 100000000000000004)");
  }, 120_000);

  it("prints the mastery path's 'choose one' tracks as one choice in week 5, and week 6 as a week to keep going", async () => {
    const result = await cli(database.url, ["simulate", "backend-engineer-complete-mastery-path", "--start", "2027-01-04", "--weeks", "6"]);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain("• Choose one: Python Path / Node.js Path / Java Path / Go Path · Required");
    expect(result.stdout).not.toMatch(/• (Python|Node\.js|Java|Go) Path/);
    expect(result.stdout).toContain("nothing new this week: keep going with the track you chose, or catch up.");
  });

  it("explains an unknown target or a bad option instead of printing a stack trace", async () => {
    const unknown = await cli(database.url, ["simulate", "basket-weaving"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There\'s no cohort (id or name) or curriculum (slug) called "basket-weaving"');
    expect(unknown.stderr).not.toContain("    at ");
    const badWeeks = await cli(database.url, ["simulate", "backend-engineer-learning-path", "--weeks", "zero"]);
    expect(badWeeks.code).toBe(2);
    expect(badWeeks.stderr).toContain("--weeks needs a whole number");
  }, 120_000);

  // A date that exists but that /cohort create refuses (the course would run past the year 9999): said, not a stack trace.
  it("refuses a start so far ahead that /cohort create refuses it too, naming the latest start, without a stack trace", async () => {
    const result = await cli(database.url, ["simulate", "backend-engineer-learning-path", "--start", "9999-12-31"]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      "A cohort starting on Fri, 31 Dec 9999 is too far ahead: the bot's calendar ends with the year 9999, and with room for extensions and breaks the latest start the bot accepts for this curriculum is Fri, 9 Oct 9998. Give --start an earlier date (YYYY-MM-DD).",
    );
    expect(result.stdout).toBe("");
    const stored = await cli(database.url, ["simulate", "Night Owls", "--start", "9999-01-04", "--weeks", "1"]);
    expect(stored.code).toBe(1);
    expect(stored.stderr).toContain("A cohort starting on Mon, 4 Jan 9999 is too far ahead");
  }, 120_000);

  // The same wording as /cohort create: another form, a day that does not exist, a year before the calendar's.
  it("tells a --start in another form from one that does not exist or has a year before 1000", async () => {
    const refusal = async (start: string) => {
      const result = await cli(database.url, ["simulate", "backend-engineer-learning-path", "--start", start]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      return result.stderr.trim();
    };
    expect(await refusal("01/03/2027")).toContain('"01/03/2027" is not written as YYYY-MM-DD');
    expect(await refusal("2027-02-30")).toContain('"2027-02-30" is not a date that exists');
    const year = await refusal("0999-01-01");
    expect(year).toContain('"0999-01-01" has a year before 1000');
    expect(year).not.toContain("exist");
  }, 120_000);

  // README: every three-letter zone but UTC, GMT, … is refused, as /cohort create refuses it: EST would be Panama, without New York's summer time.
  it("refuses a three-letter zone such as EST as /cohort create does, and takes a place name in any capitals", async () => {
    const abbreviated = await cli(database.url, ["simulate", "backend-engineer-learning-path", "--tz", "EST", "--weeks", "1"]);
    expect(abbreviated.code).toBe(1);
    // The CLI's own advice: it has --tz and no autocomplete, so Discord's "start typing in `timezone`" would mislead.
    expect(abbreviated.stderr.trim()).toBe(
      '"EST" is an abbreviation, which I would read as America/Panama: maybe not your clock, as the same letters name different zones and may skip summer time. Give --tz a place name such as Europe/London or America/New_York (an IANA time zone name).',
    );
    expect(abbreviated.stdout).toBe("");
    const lowerCase = await cli(database.url, ["simulate", "backend-engineer-learning-path", "--tz", "america/new_york", "--weeks", "1"]);
    expect(lowerCase.code).toBe(0);
    expect(lowerCase.stdout).toContain("time zone America/New_York");
  }, 120_000);
});
