import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { buttonsOf, startBotHarness, waitLimitMs, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { confirmationOf } from "../helpers/postedBoards.js";
import { rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";
import { testDatabaseProvider } from "../helpers/testDatabase.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { namesakeLabelIn } from "../../src/discord/render/numberedNames.js";

/** The cohort starts Monday 2027-01-04 (UTC); "now" is Tuesday of week 1. */
const tuesdayOfWeek1 = new Date("2027-01-05T10:00:00Z");
/** Wednesday of week 4: members who read little are behind. */
const inWeek4 = new Date("2027-01-27T10:00:00Z");
const cohortName = "Private Spring";
const day = 24 * 60 * 60 * 1000;

/** Every row of every table, as text: what "no row refers to the user" is checked against. */
async function everyRow(bot: BotHarness): Promise<Map<string, string>> {
  const prisma = bot.test.app.database.prisma;
  const tables =
    testDatabaseProvider === "sqlite"
      ? await prisma.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      : await prisma.$queryRawUnsafe<{ name: string }[]>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
        );
  const rows = new Map<string, string>();
  for (const { name } of tables) {
    const content = await prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}"`);
    rows.set(
      name,
      JSON.stringify(content, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value)),
    );
  }
  return rows;
}

/** Tables with a "memberId" column and how many of their rows hold this member's id: rows keyed by the member, not the user. */
async function rowsOfMember(bot: BotHarness, memberId: number): Promise<Record<string, number>> {
  const prisma = bot.test.app.database.prisma;
  const tables =
    testDatabaseProvider === "sqlite"
      ? await prisma.$queryRawUnsafe<{ name: string }[]>(
          `SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'memberId')`,
        )
      : await prisma.$queryRawUnsafe<{ name: string }[]>(
          `SELECT table_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'memberId'`,
        );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ rows: bigint | number }[]>(
      `SELECT count(*) AS "rows" FROM "${name}" WHERE "memberId" = ${memberId}`,
    );
    counts[name] = Number(row?.rows ?? 0);
  }
  return counts;
}

describe("privacy through discord.js and the emulator", () => {
  let bot: BotHarness;
  let items: readonly string[];
  let people: RankedCohort["people"];

  const run = (userId: string, name: string, options: Record<string, string | number | boolean> = {}) =>
    runCommand(bot, userId, name, options);
  /** `/privacy export:True` run at `at`, the clock then set back. */
  const exportAt = async (at: Date, userId: string) => {
    const before = bot.clock.now();
    bot.clock.set(at);
    try {
      return await run(userId, "privacy", { export: true });
    } finally {
      bot.clock.set(before);
    }
  };
  const board = (userId: string, options: Record<string, string> = {}) => run(userId, "leaderboard", { period: "all", ...options });
  const complete = (userId: string, count: number) =>
    Promise.all(
      items
        .slice(0, count)
        .map((item) => bot.test.app.services.study.complete({ guildId: bot.guild.id, userId, cohort: null, item, now: bot.clock.now() })),
    );

  beforeAll(async () => {
    bot = await startBotHarness({ now: tuesdayOfWeek1 });
    // Ada > Bob > Cy on points; the watcher has none.
    ({ people, items } = await rankedCohort(bot, cohortName));
  }, 120_000);
  afterAll(async () => bot.close());

  it("shows names by default, publicly", async () => {
    const message = await board(people.watcher.id);
    expect(message.ephemeral).toBe(false);
    const text = visibleText(message);
    expect(text).toContain("🥇 **Ada**");
    expect(text).toContain("🥈 **Bob**");
    expect(text).toContain("🥉 **Cy**");
  });

  it("/privacy leaderboard: alias and hidden change every public board, and ranks close up without a gap", async () => {
    const aliased = await run(people.bob.id, "privacy", { leaderboard: "alias" });
    expect(aliased.ephemeral).toBe(true);
    expect(visibleText(aliased)).toContain("Leaderboard: **an alias**");
    await run(people.ada.id, "privacy", { leaderboard: "hidden" });

    const text = visibleText(await board(people.watcher.id));
    expect(text).not.toContain("Ada");
    expect(text).not.toContain("Bob");
    expect(text).toContain("🥇 *Member 1*");
    expect(text).toContain("🥈 **Cy**");
    // The alias is stored, and the same the next time.
    const bob = await bot.test.app.database.prisma.member.findFirstOrThrow({ where: { userId: people.bob.id } });
    expect(bob.alias).toBe(1);
    expect(visibleText(await board(people.cy.id))).toContain("🥇 *Member 1*");
  });

  it("still shows hidden and aliased members their own rank, privately", async () => {
    const hidden = await board(people.ada.id);
    expect(hidden.ephemeral).toBe(true);
    expect(visibleText(hidden)).toContain("hidden from the board · you would be #1");
    const alias = await board(people.bob.id);
    expect(alias.ephemeral).toBe(true);
    expect(visibleText(alias)).toContain("**Bob**: #1 of 2");
    expect(visibleText(alias)).toContain("by your alias");
  });

  it("/progress of someone else works only for members shown by name", async () => {
    const refused = await run(people.watcher.id, "progress", { member: people.ada.id });
    expect(refused.ephemeral).toBe(true);
    expect(visibleText(refused)).toContain("keeps their progress private");
    expect(visibleText(await run(people.watcher.id, "progress", { member: people.cy.id }))).toContain("Cy");
    expect(visibleText(await run(people.ada.id, "progress"))).toContain("Ada");
  });

  it("view:near shows the caller between their neighbours", async () => {
    const near = visibleText(await board(people.cy.id, { view: "near" }));
    expect(near).toContain("🥇 *Member 1*");
    expect(near).toContain("🥈 **Cy** · ");
    expect(near).toContain("← you");
    expect(near).not.toContain("Ada");
    // This week's board too (the default period).
    const week = visibleText(await run(people.cy.id, "leaderboard", { view: "near" }));
    expect(week).toContain("🥈 **Cy** · ");
    expect(week).toContain("← you");
    // A member without points has no place on the board: nobody around them, as on the final board.
    const watcher = visibleText(await board(people.watcher.id, { view: "near" }));
    expect(watcher).not.toContain("**Cy**");
    expect(watcher).toContain("nobody to show around you");
    expect(watcher).toContain("no points yet");
  });

  it("the weekly post's top five follows the same rule", async () => {
    const weekTwo = new Date("2027-01-11T09:01:00Z");
    bot.clock.set(weekTwo);
    await bot.test.app.scheduler.tick(weekTwo);
    const post = bot.emulator.channelMessages(bot.channel.id).find((message) => visibleText(message).includes("Week 1 top five"));
    if (post === undefined) throw new Error("no week-2 post with last week's top five");
    const text = visibleText(post);
    expect(text).toContain("Member 1");
    expect(text).toContain("Cy");
    expect(text).not.toContain("Ada");
    expect(text).not.toContain("Bob");
    bot.clock.set(tuesdayOfWeek1);
  });

  it("/privacy nudges:off is stored on every membership", async () => {
    const reply = await run(people.cy.id, "privacy", { nudges: "off" });
    expect(visibleText(reply)).toContain("Nudges from facilitators: **off**");
    const rows = await bot.test.app.database.prisma.member.findMany({ where: { userId: people.cy.id } });
    expect(rows.map((row) => row.nudges)).toEqual([false]);
  });

  it("a cohort set to aliases shows nobody by name; set to off it has no public board at all", async () => {
    await run(bot.admin.id, "cohort edit", { cohort: cohortName, leaderboard: "aliases" });
    const aliases = await board(people.cy.id);
    expect(aliases.ephemeral).toBe(true);
    expect(visibleText(aliases)).toContain("🥈 *Member 2*");
    expect(visibleText(aliases)).not.toContain("🥈 **Cy**");

    const info = await run(bot.admin.id, "cohort edit", { cohort: cohortName, leaderboard: "off" });
    expect(visibleText(info)).toContain("Off: each member sees only their own standing");
    const off = await board(people.cy.id);
    expect(off.ephemeral).toBe(true);
    expect(visibleText(off)).toContain("keeps its leaderboard private");
    expect(visibleText(off)).toContain("**Cy**: #2 of 2");
    expect(visibleText(off)).not.toContain("Member 1");
    const announce = await run(bot.admin.id, "cohort announce", { cohort: cohortName, kind: "leaderboard" });
    expect(visibleText(announce)).toContain("no board to post");

    await run(bot.admin.id, "cohort edit", { cohort: cohortName, leaderboard: "names" });
  });

  it("exclude_role keeps its members off the ranking", async () => {
    const role = bot.emulator.createRole(bot.guild.id, { name: "Facilitators" });
    const facilitator = bot.emulator.createMember(bot.guild.id, { username: "fac", displayName: "Faye Facilitator", roleIds: [role.id] });
    await run(facilitator.id, "join", { cohort: cohortName });
    await complete(facilitator.id, 3);
    expect(visibleText(await board(people.watcher.id))).toContain("Faye Facilitator");

    await run(bot.admin.id, "cohort edit", { cohort: cohortName, exclude_role: role.id });
    const text = visibleText(await board(people.watcher.id));
    expect(text).not.toContain("Faye");
    expect(text).toContain("🥇 *Member 1*");
    expect(visibleText(await board(facilitator.id))).toContain("not ranked in this cohort");

    // A member who joins holding the role is excluded from the start.
    const second = bot.emulator.createMember(bot.guild.id, { username: "fac2", displayName: "Finn Facilitator", roleIds: [role.id] });
    await run(second.id, "join", { cohort: cohortName });
    await complete(second.id, 3);
    expect(visibleText(await board(people.watcher.id))).not.toContain("Finn");
  });

  it("/privacy export:True attaches everything stored about the caller as JSON", async () => {
    const reply = await run(people.ada.id, "privacy", { export: true });
    expect(reply.ephemeral).toBe(true);
    const [file] = reply.attachments;
    if (file === undefined) throw new Error("no attachment");
    expect(file.filename).toBe(`cohort-bot-data-${bot.guild.id}.json`);
    const data = (await (await fetch(file.url)).json()) as {
      format: string;
      userId: string;
      memberships: { cohortName: string; boardVisibility: string; completions: { item: string; points: number }[] }[];
    };
    expect(data.format).toBe("cohort-bot/member-export");
    expect(data.userId).toBe(people.ada.id);
    expect(data.memberships).toHaveLength(1);
    expect(data.memberships[0]?.cohortName).toBe(cohortName);
    expect(data.memberships[0]?.boardVisibility).toBe("hidden");
    expect(data.memberships[0]?.completions).toHaveLength(3);
  });

  it("/privacy export:True also holds the caller's days off, pace changes, nudges and the admin actions about them", async () => {
    await run(people.ada.id, "break", { from: "2027-01-06", to: "2027-01-07" });
    await run(people.ada.id, "pace", { mode: "extend" });
    // Booked after the pace change: the plan spreads later catch-ups around it, earlier ones from its first day.
    await run(people.ada.id, "break", { from: "2027-02-08", to: "2027-02-09" });
    await run(bot.admin.id, "cohort credit", { cohort: cohortName, member: people.ada.id, item: items[0] ?? "", undo: true });
    await run(bot.admin.id, "cohort credit", { cohort: cohortName, member: people.ada.id, item: items[0] ?? "" });
    const ada = await bot.test.app.database.prisma.member.findFirstOrThrow({ where: { userId: people.ada.id } });
    const nudged = await bot.test.app.services.nudges.nudge({
      guildId: bot.guild.id,
      cohortId: String(ada.cohortId),
      memberId: ada.id,
      actorId: bot.admin.id,
      // A Nudge goes only to a member who is behind or quiet when it is pressed: in week 4 she is.
      namesakeLabel: namesakeLabelIn(translatorFor("en")),
      now: inWeek4,
    });
    expect(nudged.outcome).toBe("sent");

    // Exported after the nudge (an export holds what was there when it began).
    const [file] = (await exportAt(inWeek4, people.ada.id)).attachments;
    if (file === undefined) throw new Error("no attachment");
    const data = (await (await fetch(file.url)).json()) as {
      memberships: {
        daysOff: { from: string; to: string; bookedAfterPaceChanges: number | null }[];
        paceChanges: { kind: string; items: string[] | null }[];
        nudgesReceived: { status: string; lastError: string | null }[];
        completions: { day: string | null; forYesterday: boolean }[];
        weeklyScores: { reachedAt: string }[];
        reminderDeliveries: unknown[];
        pointsReachedAt: string | null;
        finalPoints: number | null;
      }[];
      adminActions: { action: string; aboutYou: boolean; byYou: boolean; details: Record<string, unknown> | null }[];
    };
    const [membership] = data.memberships;
    // Each day off says when it was booked among the pace changes listed: after the first N of them.
    expect(membership?.daysOff).toEqual([
      { from: "2027-01-06", to: "2027-01-07", bookedAfterPaceChanges: 0 },
      { from: "2027-02-08", to: "2027-02-09", bookedAfterPaceChanges: 1 },
    ]);
    expect(membership?.paceChanges.map((change) => [change.kind, change.items])).toEqual([["extend", null]]);
    expect(membership?.nudgesReceived.map((nudge) => [nudge.status, nudge.lastError])).toEqual([["sent", null]]);
    // The other columns kept about her: the member day each item counts for, when each score was reached.
    expect(membership?.completions.length).toBeGreaterThan(0);
    for (const completion of membership?.completions ?? []) expect(completion).toMatchObject({ forYesterday: false });
    expect(membership?.completions.every((completion) => "day" in completion)).toBe(true);
    expect(membership?.weeklyScores.every((score) => typeof score.reachedAt === "string")).toBe(true);
    expect(membership).toMatchObject({ finalPoints: null });
    expect(typeof membership?.pointsReachedAt).toBe("string");
    expect(data.adminActions.map((line) => [line.action, line.aboutYou, line.byYou])).toEqual([
      ["credit_undo", true, false],
      ["credit", true, false],
      ["nudge", true, false],
    ]);
    // The admin's id is theirs, not the caller's: the file names no one else.
    expect(JSON.stringify(data)).not.toContain(bot.admin.id);
  });

  it("/privacy export:True delete:True hands over the copy with the confirmation, so it is not lost", async () => {
    const reply = await run(people.watcher.id, "privacy", { export: true, delete: true });
    expect(visibleText(reply)).toContain("cannot be undone");
    expect(buttonsOf(reply).map((button) => button.label)).toEqual(["Delete my data"]);
    const [file] = reply.attachments;
    if (file === undefined) throw new Error("no attachment with the confirmation");
    const data = (await (await fetch(file.url)).json()) as { userId: string; memberships: unknown[] };
    expect(data.userId).toBe(people.watcher.id);
    expect(data.memberships).toHaveLength(1);
    expect(await bot.test.app.database.prisma.member.count({ where: { userId: people.watcher.id } })).toBe(1);
  });

  it("a delete confirmation left open expires: pressed later it erases nothing and asks to start again", async () => {
    const ask = await run(people.watcher.id, "privacy", { delete: true });
    const confirm = confirmationOf(ask);
    const asked = bot.clock.now();
    bot.clock.set(new Date(asked.getTime() + 16 * 60_000));
    try {
      const stale = await bot.click(people.watcher.id, ask.id, confirm).final();
      expect(visibleText(stale)).toContain("Run `/privacy delete:True` again.");
      expect(await bot.test.app.database.prisma.member.count({ where: { userId: people.watcher.id } })).toBe(1);
    } finally {
      bot.clock.set(asked);
    }
  });

  it("/privacy delete:True asks first, then leaves no row anywhere that refers to the member", async () => {
    // Days off and a pace change: rows that hold the member's id, not the user's.
    await run(people.bob.id, "pace", { mode: "extend" });
    await run(people.bob.id, "break", { from: "2027-02-08", to: "2027-02-09" });
    const bob = await bot.test.app.database.prisma.member.findFirstOrThrow({ where: { userId: people.bob.id } });
    const held = await rowsOfMember(bot, bob.id);
    expect(held).toMatchObject({ MemberBreak: 1, MemberAdjustment: 1 });
    const before = await everyRow(bot);
    expect([...before.values()].some((rows) => rows.includes(people.bob.id))).toBe(true);
    const ask = await run(people.bob.id, "privacy", { delete: true });
    expect(visibleText(ask)).toContain("cannot be undone");
    const confirm = confirmationOf(ask);
    // Nothing is deleted until the button is pressed.
    expect(await bot.test.app.database.prisma.member.count({ where: { userId: people.bob.id } })).toBe(1);

    const done: EmulatorMessage = await bot.click(people.bob.id, ask.id, confirm).final();
    expect(visibleText(done)).toContain("everything stored about you in this server is erased (1 cohort membership)");
    // The audit trail says a deletion happened, and neither who asked nor whose data it was.
    const lines = await bot.test.app.database.prisma.auditEntry.findMany({ where: { action: "privacy_delete" } });
    expect(lines.map((line) => ({ actorId: line.actorId, subject: line.subjectUserId }))).toEqual([{ actorId: "", subject: null }]);
    for (const [table, rows] of await everyRow(bot))
      expect({ table, found: rows.includes(people.bob.id) }).toEqual({ table, found: false });
    // Nor any row keyed by the membership (days off, pace changes, completions, scores, reminders, nudges).
    expect(await rowsOfMember(bot, bob.id)).toEqual(Object.fromEntries(Object.keys(held).map((table) => [table, 0])));
    // The boards are recomputed: Cy leads now (Ada hidden, the facilitators excluded).
    expect(visibleText(await board(people.watcher.id))).toContain("🥇 **Cy**");
  });

  it("/privacy delete:True also erases an admin's id as the creator of their cohorts", async () => {
    const ask = await run(bot.admin.id, "privacy", { delete: true });
    const confirm = confirmationOf(ask);
    await bot.click(bot.admin.id, ask.id, confirm).final();
    for (const [table, rows] of await everyRow(bot)) expect({ table, found: rows.includes(bot.admin.id) }).toEqual({ table, found: false });
    expect(await bot.test.app.database.prisma.cohort.count({ where: { name: cohortName } })).toBe(1);
  });

  it("/privacy delete:True erases an admin who is only in the audit trail, and a second confirmation finds nothing left", async () => {
    const helper = bot.member("helper-admin", { manageGuild: true });
    await run(helper.id, "cohort credit", { cohort: cohortName, member: people.cy.id, item: items[1] ?? "" });
    const first = await run(helper.id, "privacy", { delete: true });
    const second = await run(helper.id, "privacy", { delete: true });
    expect(visibleText(first)).not.toContain("Nothing is stored");
    const confirm = confirmationOf(first);
    await bot.click(helper.id, first.id, confirm).final();
    for (const [table, rows] of await everyRow(bot)) expect({ table, found: rows.includes(helper.id) }).toEqual({ table, found: false });

    const deletions = () => bot.test.app.database.prisma.auditEntry.count({ where: { action: "privacy_delete" } });
    const before = await deletions();
    const again = await bot.click(helper.id, second.id, confirm).final();
    expect(visibleText(again)).toContain("Nothing is stored about you in this server.");
    expect(visibleText(again)).not.toContain("erased");
    expect(await deletions()).toBe(before);
  });

  it("/privacy counts, exports and deletes an admin whose only rows are a failed nudge and a pending import", async () => {
    const prisma = bot.test.app.database.prisma;
    const importer = bot.member("import-admin", { manageGuild: true });
    // The server's curriculum exists already (written without an admin, so no audit line); the admin's re-import waits for Confirm.
    const path = ["Quiet Path", "Week 1: Basics", "- [ ] Required -- Alpha Reading (20 min)", ""].join("\n");
    await bot.test.app.services.curricula.importDocument(path, bot.guild.id);
    const preview = await bot.reply(importer.id, "curriculum import", {
      file: { name: "quiet-path.md", content: path.replace("Alpha Reading", "Unpublished Draft Reading") },
    });
    expect(visibleText(preview)).toContain("Review this update before it is written");
    // A nudge to a member whose DMs are closed fails and writes no audit line, but the claim names the admin.
    const watcher = await prisma.member.findFirstOrThrow({ where: { userId: people.watcher.id } });
    bot.emulator.setDmsClosed(people.watcher.id, true);
    const nudge = (memberId: number, actorId: string) =>
      bot.test.app.services.nudges.nudge({
        guildId: bot.guild.id,
        cohortId: String(watcher.cohortId),
        memberId,
        actorId,
        // Behind by then: a Nudge goes only to a member who is behind or quiet.
        namesakeLabel: namesakeLabelIn(translatorFor("en")),
        now: inWeek4,
      });
    try {
      expect((await nudge(watcher.id, importer.id)).outcome).toBe("dm_closed");
    } finally {
      bot.emulator.setDmsClosed(people.watcher.id, false);
    }

    const ask = await run(importer.id, "privacy", { delete: true });
    expect(visibleText(ask)).toContain("cannot be undone");
    const [file] = (await exportAt(inWeek4, importer.id)).attachments;
    if (file === undefined) throw new Error("no attachment");
    const data = (await (await fetch(file.url)).json()) as {
      nudgesSent: { cohortName: string; status: string }[];
      pendingImports: { curriculum: string; status: string; documentBytes: number; documentSha256: string; documentInExport: boolean }[];
      importDocuments: { sha256: string; text: string }[];
    };
    expect(data.nudgesSent.map((row) => [row.cohortName, row.status])).toEqual([[cohortName, "failed"]]);
    expect(data.pendingImports.map((row) => [row.curriculum, row.status])).toEqual([["quiet-path", "pending"]]);
    // A small document is handed over whole: the unpublished draft is the admin's data.
    const draft = path.replace("Alpha Reading", "Unpublished Draft Reading");
    const draftSha256 = createHash("sha256").update(draft).digest("hex");
    expect(data.pendingImports[0]).toMatchObject({
      documentBytes: Buffer.byteLength(draft),
      documentSha256: draftSha256,
      documentInExport: true,
    });
    expect(data.importDocuments).toEqual([{ sha256: draftSha256, text: draft }]);
    // Whom the admin nudged is that member's data, not the admin's.
    expect(JSON.stringify(data)).not.toContain(people.watcher.id);

    const confirm = confirmationOf(ask);
    await bot.click(importer.id, ask.id, confirm).final();
    for (const [table, rows] of await everyRow(bot)) expect({ table, found: rows.includes(importer.id) }).toEqual({ table, found: false });
    expect(await prisma.pendingImport.count()).toBe(0);
    // The nudge claims stay, without the admin's id: a member nudged by an erased admin still waits out the 3 days.
    expect(await prisma.nudgeDelivery.count({ where: { memberId: watcher.id, status: "failed" } })).toBe(1);
    const ada = await prisma.member.findFirstOrThrow({ where: { userId: people.ada.id } });
    expect(await prisma.nudgeDelivery.count({ where: { memberId: ada.id, status: "sent", claimedBy: "" } })).toBe(1);
    expect((await nudge(ada.id, importer.id)).outcome).toBe("too_soon");
  });

  // Each preview keeps a document of up to 256 KB for about a day: an admin who previews many in a day must still get their copy.
  it("/privacy export:True hands over each distinct import document once while it fits, the rest by size and hash, under Discord's upload limit", async () => {
    const prisma = bot.test.app.database.prisma;
    const drafter = bot.member("draft-admin", { manageGuild: true });
    const line = "- [ ] Required -- A long draft reading title that fills the document (20 min)\n";
    const body = line.repeat(Math.floor(250_000 / line.length));
    // 21 distinct drafts of about 250 KB, each previewed twice: 42 previews, 5 MB of distinct text.
    const drafts = Array.from({ length: 21 }, (_, index) => `Draft Path ${index + 1}\nWeek 1: Basics\n${body}`);
    const previews = drafts.flatMap((document) => [document, document]);
    const createdAt = bot.clock.now();
    const expiresAt = new Date(createdAt.getTime() + 15 * 60 * 1000);
    await prisma.pendingImport.createMany({
      data: previews.map((document) => ({
        scope: bot.guild.id,
        userId: drafter.id,
        slug: "draft-path",
        baseVersion: "",
        document,
        createdAt,
        expiresAt,
      })),
    });
    const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
    try {
      const reply = await run(drafter.id, "privacy", { export: true });
      const [file] = reply.attachments;
      if (file === undefined) throw new Error("no attachment");
      const text = await (await fetch(file.url)).text();
      expect(Buffer.byteLength(text)).toBeLessThan(10 * 1024 * 1024);
      const data = JSON.parse(text) as {
        version: number;
        pendingImports: { curriculum: string; status: string; documentBytes: number; documentSha256: string; documentInExport: boolean }[];
        importDocuments: { sha256: string; text: string }[];
      };
      expect(data.version).toBe(8);
      expect(data.pendingImports).toHaveLength(previews.length);
      // Every preview is still said: which curriculum, when, and its document by size and hash.
      data.pendingImports.forEach((row, index) => {
        expect(row).toMatchObject({
          curriculum: "draft-path",
          status: "pending",
          documentBytes: Buffer.byteLength(previews[index] ?? ""),
          documentSha256: sha256(previews[index] ?? ""),
        });
      });
      // The first drafts' text, each once however often it was previewed; past the budget, size and hash only.
      const included = data.importDocuments.map((document) => document.sha256);
      expect(new Set(included).size).toBe(included.length);
      expect(included.length).toBeGreaterThan(0);
      expect(included.length).toBeLessThan(drafts.length);
      expect(data.importDocuments[0]).toEqual({ sha256: sha256(drafts[0] ?? ""), text: drafts[0] });
      expect(data.pendingImports.map((row) => row.documentInExport)).toEqual(
        previews.map((document) => included.includes(sha256(document))),
      );
      expect(data.pendingImports[0]?.documentInExport).toBe(true);
      expect(data.pendingImports.at(-1)?.documentInExport).toBe(false);
    } finally {
      await prisma.pendingImport.deleteMany({ where: { userId: drafter.id } });
    }
  });

  it("/cohort audit names no one for a deletion and for an admin whose id was erased, in English and Spanish", async () => {
    await run(bot.admin.id, "cohort announce", { cohort: cohortName, kind: "leaderboard" });
    const lines = visibleText(await run(bot.admin.id, "cohort audit", { cohort: cohortName })).split("\n");
    // "<@0>" shows in Discord as an "@unknown-user" mention.
    expect(lines.filter((line) => line.includes("<@0>"))).toEqual([]);
    expect(lines.find((line) => line.includes("a member deleted their data"))).toMatch(/^<t:\d+:R> · a member deleted their data/);
    expect(lines.find((line) => line.includes("credited a completion"))).toContain("an admin whose id is not kept · credited a completion");
    expect(lines.find((line) => line.includes("posted an announcement"))).toContain("posted an announcement · the leaderboard");

    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    const spanish = visibleText(await run(directora.id, "cohort audit", { cohort: cohortName }));
    expect(spanish).toContain("publicó un anuncio · la clasificación");
    expect(spanish).toContain("un administrador cuyo id no se guarda · marcó algo como hecho en nombre de un miembro");
    expect(spanish).not.toContain("<@0>");
  });

  it("the closing post's final board follows the rule too", async () => {
    await run(people.cy.id, "privacy", { leaderboard: "alias" });
    await run(bot.admin.id, "cohort end", { cohort: cohortName });
    await bot.test.app.scheduler.tick(bot.clock.now());
    const closing = bot.emulator.channelMessages(bot.channel.id).find((message) => visibleText(message).includes("Final leaderboard"));
    if (closing === undefined) throw new Error("no closing post");
    const text = visibleText(closing);
    expect(text).toContain("🥇 *Member 2*");
    for (const name of ["Ada", "Bob", "Cy", "Faye", "Finn"]) expect(text).not.toContain(name);
  });

  it("takes a deleted member's line out of the final board the closing post kept", async () => {
    const prisma = bot.test.app.database.prisma;
    const cy = await prisma.member.findFirstOrThrow({ where: { userId: people.cy.id } });
    const kept = async () => {
      const cohort = await prisma.cohort.findFirstOrThrow({ where: { name: cohortName } });
      return (JSON.parse(cohort.finalBoard ?? "null") as { top: { memberId: number }[] }).top.map((entry) => entry.memberId);
    };
    expect(await kept()).toContain(cy.id);
    const ask = await run(people.cy.id, "privacy", { delete: true });
    const confirm = confirmationOf(ask);
    await bot.click(people.cy.id, ask.id, confirm).final();
    expect(await kept()).not.toContain(cy.id);
  });

  it("deletes a server's data 30 days after the bot is removed, not after an outage, not if it comes back", async () => {
    const departures = () => bot.test.app.database.prisma.guildDeparture.findMany({ where: { guildId: bot.guild.id } });
    const cohorts = () => bot.test.app.database.prisma.cohort.count({ where: { guildId: bot.guild.id } });
    const removedAt = bot.clock.now();

    bot.emulator.removeBotFromGuild(bot.guild.id, { outage: true });
    bot.emulator.restoreBotToGuild(bot.guild.id);
    bot.emulator.removeBotFromGuild(bot.guild.id);
    await vi.waitFor(async () => expect(await departures()).toHaveLength(1), { timeout: waitLimitMs });
    bot.emulator.restoreBotToGuild(bot.guild.id);
    await vi.waitFor(async () => expect(await departures()).toHaveLength(0), { timeout: waitLimitMs });

    bot.emulator.removeBotFromGuild(bot.guild.id);
    await vi.waitFor(async () => expect(await departures()).toHaveLength(1), { timeout: waitLimitMs });
    const [departure] = await departures();
    expect(departure?.purgeAt.getTime()).toBe(removedAt.getTime() + 30 * day);

    await bot.test.app.scheduler.tick(new Date(removedAt.getTime() + 29 * day));
    expect(await cohorts()).toBe(1);
    const due = new Date(removedAt.getTime() + 30 * day + 60_000);
    await bot.test.app.scheduler.tick(due);
    expect(await cohorts()).toBe(0);
    expect(await bot.test.app.database.prisma.member.count()).toBe(0);
    expect(await departures()).toHaveLength(0);
    // Idempotent: another tick finds nothing to do.
    await bot.test.app.scheduler.tick(due);
    expect(await cohorts()).toBe(0);
  });
});
