import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Cohort } from "../../src/domain/cohort/cohortModel.js";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import type { CommandOptionsInput } from "../../src/emulator/buildCommandOptions.js";
import { buttonsOf, startBotHarness, visibleText, waitLimitMs, type BotHarness } from "../helpers/botHarness.js";

/** Wednesday of week 3 of a cohort that started on Monday 2027-01-04. */
const now = new Date("2027-01-20T12:00:00Z");
const longAgo = new Date("2027-01-05T12:00:00Z");
const yesterday = new Date("2027-01-19T12:00:00Z");

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\n") {
      row.push(cell.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      cell = "";
    } else cell += char;
  }
  return rows;
}

describe("facilitators: /cohort roster, Nudge, credit, audit, export, confidence map", () => {
  let bot: BotHarness;
  let cohort: Cohort;
  const people: Record<string, { id: string }> = {};

  async function admin(name: string, options: CommandOptionsInput = {}): Promise<EmulatorMessage> {
    const handle = bot.run(bot.admin.id, name, options);
    const message = await handle.final();
    expect(handle.failed).toBe(false);
    expect(handle.respondedWithinMs).not.toBeNull();
    return message;
  }

  /** The Required items the member's plan has due from `from` until before `before` (from /week, as the member sees it). */
  async function requiredBefore(userId: string, before: string, from = ""): Promise<number[]> {
    const ids: number[] = [];
    for (const weekNumber of [1, 2, 3]) {
      const week = await bot.test.app.services.study.week({ guildId: bot.guild.id, userId, cohort: null, now, weekNumber });
      for (const day of week.week.days)
        for (const item of day.items) if (item.kind === "Required" && day.date >= from && day.date < before) ids.push(item.id);
    }
    return ids;
  }

  async function complete(userId: string, itemIds: readonly number[], at: Date) {
    for (const item of itemIds)
      await bot.test.app.services.study.complete({ guildId: bot.guild.id, userId, cohort: null, item: String(item), now: at });
  }

  async function join(username: string, options: { dmsClosed?: boolean; displayName?: string } = {}) {
    const user = bot.member(username, options.dmsClosed === true ? { dmsClosed: true } : {});
    await bot.join(user, cohort, { name: options.displayName ?? username, at: longAgo });
    people[username] = user;
    return user;
  }

  beforeAll(async () => {
    bot = await startBotHarness({ now });
    cohort = await bot.createCohort({ start: "2027-01-04" });
    // ada: every due item, recently → on track. bob: nothing → behind. cy: everything due, but two weeks ago → quiet.
    // dee: on pace but "Not yet" at the latest checkpoint. eve: every Required item → finished.
    for (const name of ["ada", "bob", "cy", "dee", "eve"]) await join(name);
    const due = await requiredBefore(people.ada?.id ?? "", "2027-01-20");
    await complete(people.ada?.id ?? "", due, yesterday);
    await complete(people.cy?.id ?? "", due, longAgo);
    await complete(people.dee?.id ?? "", due, yesterday);
    const allRequired = await bot.test.app.database.prisma.item.findMany({
      where: { curriculumId: cohort.curriculumId, kind: "Required", retired: false },
      select: { id: true },
    });
    await complete(
      people.eve?.id ?? "",
      allRequired.map((item) => item.id),
      yesterday,
    );
    const firstSection = await bot.test.app.database.prisma.section.findFirstOrThrow({
      where: { curriculumId: cohort.curriculumId, weekStart: 1, weekEnd: 2 },
    });
    for (const [name, answer] of [
      ["dee", "not_yet"],
      ["ada", "confident"],
      ["bob", "partly"],
    ] as const)
      await bot.test.app.services.checkpoints.answer({
        guildId: bot.guild.id,
        userId: people[name]?.id ?? "",
        cohortId: String(cohort.id),
        sectionId: String(firstSection.id),
        answer,
        now: yesterday,
      });
  });
  afterAll(async () => bot.close());

  it("groups members as behind, quiet, not yet, on track and finished", async () => {
    const message = await admin("cohort roster");
    expect(message.ephemeral).toBe(true);
    const text = visibleText(message);
    expect(text).toContain("Behind 1 · 💤 Quiet 1 · 🤔 Not yet 1 · 🟢 On track 1 · 🏁 Finished 1");
    const order = ["**🔴 Behind**", "**💤 Quiet**", "**🤔 Not yet**", "**🟢 On track**", "**🏁 Finished**"].map((header) =>
      text.indexOf(header),
    );
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const lineOf = (name: string) => text.split("\n").find((line) => line.includes(`<@${people[name]?.id ?? ""}>`)) ?? "";
    expect(text.indexOf(lineOf("bob"))).toBeLessThan(order[1] ?? 0);
    expect(lineOf("bob")).toMatch(/\d+ items overdue/);
    // Nothing logged at all: said so, not "last never".
    expect(lineOf("bob")).toContain(" · nothing logged yet · streak 0");
    expect(lineOf("bob")).not.toContain("last never");
    expect(lineOf("ada")).toMatch(/on pace · last <t:\d+:R> · streak 1 · ✅ 1 🟡 0 🔴 0/);
    expect(text.indexOf(lineOf("cy"))).toBeGreaterThan(order[1] ?? 0);
    expect(text.indexOf(lineOf("dee"))).toBeGreaterThan(order[2] ?? 0);
    expect(text.indexOf(lineOf("eve"))).toBeGreaterThan(order[4] ?? 0);
    // Nudge buttons for the behind and the quiet member only.
    expect(buttonsOf(message).map((button) => button.label)).toEqual(["Nudge bob", "Nudge cy"]);
  });

  it("filters one group", async () => {
    const quiet = visibleText(await admin("cohort roster", { filter: "quiet" }));
    expect(quiet).toContain(`<@${people.cy?.id ?? ""}>`);
    expect(quiet).not.toContain(`<@${people.bob?.id ?? ""}>`);
    const notYet = visibleText(await admin("cohort roster", { filter: "not_yet" }));
    expect(notYet).toContain(`<@${people.dee?.id ?? ""}>`);
    expect(notYet).not.toContain(`<@${people.ada?.id ?? ""}>`);
  });

  it("nudges a member once by DM, refuses a second nudge within 3 days, and never pings", async () => {
    const roster = await admin("cohort roster", { filter: "behind" });
    const nudge = buttonsOf(roster).find((button) => button.label === "Nudge bob");
    expect(nudge).toBeDefined();
    const first = await bot.click(bot.admin.id, roster.id, nudge?.customId ?? "").final();
    expect(visibleText(first)).toContain("Nudged");
    const dms = bot.emulator.dmMessages(people.bob?.id ?? "");
    expect(dms).toHaveLength(1);
    expect(visibleText(dms[0] as EmulatorMessage)).toContain("how is the reading going");
    expect(dms[0]?.allowedMentions).toEqual({ parse: [] });
    const second = await bot.click(bot.admin.id, roster.id, nudge?.customId ?? "").final();
    expect(visibleText(second)).toContain("less than 3 days ago");
    expect(bot.emulator.dmMessages(people.bob?.id ?? "")).toHaveLength(1);
  });

  it("offers no nudge to a member with nudges off and sends none to one with closed DMs", async () => {
    const quietOff = await join("fay");
    const closed = await join("gus", { dmsClosed: true });
    await bot.test.app.database.prisma.member.updateMany({ where: { userId: quietOff.id }, data: { nudges: false } });
    const roster = await admin("cohort roster", { filter: "behind" });
    // Nudges off: no button that could only be refused, the line says why (rosterNudgesOff.e2e.test.ts: an older page's press).
    expect(buttonsOf(roster).map((b) => b.label)).not.toContain("Nudge fay");
    expect(
      visibleText(roster)
        .split("\n")
        .find((line) => line.includes(`<@${quietOff.id}>`)),
    ).toContain("🔕 nudges off");
    const refused = await bot
      .click(bot.admin.id, roster.id, buttonsOf(roster).find((b) => b.label === "Nudge gus")?.customId ?? "")
      .final();
    expect(visibleText(refused)).toContain("doesn't accept direct messages");
    expect(bot.emulator.dmMessages(quietOff.id)).toHaveLength(0);
    expect(bot.emulator.dmMessages(closed.id)).toHaveLength(0);
  });

  it("pages a long roster 20 members at a time", async () => {
    for (let index = 0; index < 20; index += 1) await join(`late${index}`);
    const first = await admin("cohort roster", { filter: "behind" });
    expect(visibleText(first)).toContain("Page 1 of 2");
    const next = buttonsOf(first).find((button) => button.label === "Next ▶");
    expect(next).toBeDefined();
    const second = await bot.click(bot.admin.id, first.id, next?.customId ?? "").final();
    expect(visibleText(second)).toContain("Page 2 of 2");
    const mentioned = (message: EmulatorMessage) => new Set(visibleText(message).match(/<@\d+>/g) ?? []);
    const overlap = [...mentioned(first)].filter((id) => mentioned(second).has(id));
    expect(overlap).toEqual([]);
    expect(mentioned(first).size + mentioned(second).size).toBe(23);
  });

  it("credits and uncredits a completion on a member's behalf, with the member's points following", async () => {
    const bob = people.bob?.id ?? "";
    const points = async () => (await bot.test.app.database.prisma.member.findFirstOrThrow({ where: { userId: bob } })).points;
    const [item] = await requiredBefore(bob, "2027-01-06");
    const credited = await admin("cohort credit", { cohort: String(cohort.id), member: bob, item: String(item) });
    expect(visibleText(credited)).toContain(`Logged for <@${bob}>`);
    const after = await points();
    expect(after).toBeGreaterThan(0);
    const again = visibleText(await admin("cohort credit", { cohort: String(cohort.id), member: bob, item: String(item) }));
    expect(again).toContain(`already marked as done for <@${bob}>`);
    // Spoken to the admin about the member: not "Logged for", not "You had".
    expect(again).not.toContain("Logged for");
    expect(again).not.toContain("You had");
    expect(await points()).toBe(after);
    const removed = await admin("cohort credit", { cohort: String(cohort.id), member: bob, item: String(item), undo: true });
    expect(visibleText(removed)).toContain(`Removed for <@${bob}>`);
    expect(await points()).toBe(0);
    const nothing = visibleText(await admin("cohort credit", { cohort: String(cohort.id), member: bob, item: String(item), undo: true }));
    expect(nothing).toContain(`isn't marked as done for <@${bob}>`);
    expect(nothing).not.toContain("You haven't");
  });

  it("lists the admin actions in /cohort audit, newest first", async () => {
    await admin("cohort pause", { cohort: String(cohort.id) });
    await admin("cohort resume", { cohort: String(cohort.id) });
    await admin("cohort edit", { cohort: String(cohort.id), announce_time: "10:15" });
    await admin("cohort announce", { cohort: String(cohort.id), kind: "week" });
    const tinyPath = ["Tiny Audit Path", "Week 1: Basics", "- [ ] Required -- Alpha Reading (20 min)"].join("\n");
    await admin("curriculum import", { file: { name: "tiny.md", content: tinyPath } });
    const text = visibleText(await admin("cohort audit"));
    const positions = [
      "imported a curriculum",
      "posted an announcement",
      "edited the settings",
      "resumed the cohort",
      "paused the cohort",
      "removed a completion",
      "credited a completion",
      "nudged a member",
      "created the cohort",
    ].map((phrase) => text.indexOf(phrase));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The option the admin typed, not the stored column's name.
    expect(text).toContain("edited the settings · `announce_time`");
    expect(text).not.toContain("announceTime");
    expect(text).toContain(`<@${bot.admin.id}>`);
    const rows = await bot.test.app.database.prisma.auditEntry.findMany({ where: { cohortId: cohort.id, action: "edit" } });
    expect(rows.map((row) => [row.before, row.after])).toEqual([
      [JSON.stringify({ announceTime: "09:00" }), JSON.stringify({ announceTime: "10:15" })],
    ]);
  });

  it("says in /cohort audit when an edit changed who the boards show and how", async () => {
    const role = bot.emulator.createRole(bot.guild.id, { name: "Audit Facilitators" });
    await admin("cohort edit", { cohort: String(cohort.id), leaderboard: "aliases", exclude_role: role.id });
    const text = visibleText(await admin("cohort audit"));
    const line = text.split("\n").find((candidate) => candidate.includes("edited the settings"));
    expect(line).toContain("`leaderboard`");
    expect(line).toContain("`exclude_role`");
    // A Spanish-speaking admin reads the options as their Discord shows them.
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    const spanish = visibleText(await bot.reply(directora.id, "cohort audit"));
    expect(spanish).toContain("cambió los ajustes · `clasificacion`, `rol_excluido`");
    expect(spanish).toContain("cambió los ajustes · `hora_anuncio`");
    await admin("cohort edit", { cohort: String(cohort.id), leaderboard: "names", exclude_role: bot.guild.id });
  });

  it("exports CSV that parses back, with a BOM and formula injection escaped", async () => {
    await join("mallory", { displayName: '=HYPERLINK("http://evil","x")' });
    const message = await admin("cohort export", { cohort: String(cohort.id) });
    const [file] = message.attachments;
    expect(file?.filename).toMatch(/\.csv$/);
    const bytes = Buffer.from(await (await fetch(file?.url ?? "")).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString("utf8").slice(1));
    expect(rows[0]).toEqual([
      "record",
      "user_id",
      "display_name",
      "joined_at",
      "left_at",
      "section",
      "item",
      "kind",
      "week",
      "completed_at",
      "points",
      "on_time",
      "answer",
      "answered_at",
      "returned_at",
    ]);
    const memberRows = rows.filter((row) => row[0] === "member");
    expect(memberRows).toHaveLength(Object.keys(people).length);
    expect(memberRows.find((row) => row[1] === people.mallory?.id)?.[2]).toBe('\'=HYPERLINK("http://evil","x")');
    const adaCompletions = rows.filter((row) => row[0] === "completion" && row[1] === people.ada?.id);
    expect(adaCompletions.length).toBeGreaterThan(0);
    expect(Number(adaCompletions[0]?.[10])).toBeGreaterThan(0);
    expect(rows.some((row) => row[0] === "checkpoint" && row[1] === people.dee?.id && row[12] === "not_yet")).toBe(true);
    expect(rows.some((row) => row[0] === "weekly_points" && row[1] === people.ada?.id)).toBe(true);
  });

  it("exports JSON in the documented shape", async () => {
    const message = await admin("cohort export", { cohort: String(cohort.id), format: "json" });
    const [file] = message.attachments;
    expect(file?.filename).toMatch(/\.json$/);
    const body = (await (await fetch(file?.url ?? "")).json()) as {
      format: string;
      version: number;
      cohort: { id: number; name: string };
      members: {
        userId: string;
        completions: { item: string; points: number }[];
        checkpoints: { answer: string }[];
        weeklyPoints: unknown[];
      }[];
    };
    expect(body.format).toBe("cohort-bot/cohort-export");
    expect(body.version).toBe(2);
    expect(body.cohort.id).toBe(cohort.id);
    const dee = body.members.find((member) => member.userId === people.dee?.id);
    expect(dee?.completions.length).toBeGreaterThan(0);
    expect(dee?.checkpoints).toEqual([expect.objectContaining({ answer: "not_yet" })]);
    expect(body.members).toHaveLength(Object.keys(people).length);
  });

  it("records each export in /cohort audit with its format and that it was sent, as it hands out every member's data", async () => {
    // The two exports above: JSON the newest, then CSV. Each line is completed once Discord took the file.
    const exports = await vi.waitFor(
      async () => {
        const text = visibleText(await admin("cohort audit"));
        const lines = text.split("\n").filter((line) => line.includes("asked for an export of the cohort's data"));
        expect(lines.map((line) => line.split(" · ").slice(-2).join(" · "))).toEqual(["JSON · sent", "CSV · sent"]);
        return lines;
      },
      { timeout: waitLimitMs, interval: 50 },
    );
    expect(exports[0]).toContain(`<@${bot.admin.id}>`);
    const rows = await bot.test.app.database.prisma.auditEntry.findMany({
      where: { cohortId: cohort.id, action: "export" },
      orderBy: { id: "asc" },
    });
    expect(rows.map((row) => [row.actorId, row.after])).toEqual([
      [bot.admin.id, JSON.stringify({ format: "csv", upload: "sent" })],
      [bot.admin.id, JSON.stringify({ format: "json", upload: "sent" })],
    ]);
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora2", locale: "es-ES", manageGuild: true });
    expect(visibleText(await bot.reply(directora.id, "cohort audit"))).toContain(
      "pidió una exportación de los datos de la cohorte · JSON · enviada",
    );
  });

  /** Every page of `/cohort roster filter:<filter>`: each listed member's line, under the group heading it is listed in. */
  async function rosterLines(filter: string): Promise<Map<string, { group: string; line: string }>> {
    const lines = new Map<string, { group: string; line: string }>();
    let page = await admin("cohort roster", { filter });
    for (;;) {
      let group = "";
      for (const line of visibleText(page).split("\n")) {
        const heading = /^\*\*\S+ (Behind|Quiet|Not yet|On track|Finished)\*\*/.exec(line);
        if (heading !== null) group = heading[1] ?? "";
        const mention = /<@(\d+)>/.exec(line)?.[1];
        if (mention !== undefined) lines.set(mention, { group, line });
      }
      const [, shown, pages] = /Page (\d+) of (\d+)/.exec(visibleText(page)) ?? [];
      const next = buttonsOf(page).find((button) => button.label === "Next ▶");
      if (next === undefined || shown === pages) return lines;
      page = await bot.click(bot.admin.id, page.id, next.customId).final();
    }
  }

  it("judges each member against their own plan: an extension, a late joiner's start, a catch-up's days", async () => {
    const at = (iso: string) => {
      bot.clock.set(new Date(iso));
    };
    const command = async (userId: string, name: string, options: CommandOptionsInput = {}) => {
      const handle = bot.run(userId, name, options);
      const message = await handle.final();
      expect(handle.failed).toBe(false);
      return message;
    };
    try {
      // hal extends by a week and has read what his calendar had due before today: the cohort's plan up to last Wednesday.
      const hal = await join("hal");
      at("2027-01-18T10:00:00Z");
      expect(visibleText(await command(hal.id, "pace", { mode: "extend" }))).toContain("runs 1 week later");
      await complete(hal.id, await requiredBefore(hal.id, "2027-01-20"), yesterday);
      // ivy joins on Monday of week 3, starts from this week and reads Monday's and Tuesday's items: weeks 1 and 2 are backlog.
      const ivy = bot.member("ivy");
      people.ivy = ivy;
      const welcome = await command(ivy.id, "join", { cohort: String(cohort.id) });
      const start = buttonsOf(welcome).find((button) => button.label === "Start from this week");
      expect(start).toBeDefined();
      await bot.click(ivy.id, welcome.id, start?.customId ?? "").final();
      await complete(ivy.id, await requiredBefore(ivy.id, "2027-01-20", "2027-01-18"), yesterday);
      // jo joined in week 1, read nothing, and on Tuesday spread his backlog over five study days; he then read all but one
      // of what that catch-up put on Tuesday.
      const jo = await join("jo");
      at("2027-01-19T10:00:00Z");
      expect(visibleText(await command(jo.id, "pace", { mode: "catch_up", days: 5 }))).toMatch(/Spread \*\*\d+ items\*\*/);
      const joDue = await requiredBefore(jo.id, "2027-01-20");
      expect(joDue.length).toBeGreaterThan(1);
      // Against the cohort's plan he would be behind by every Required item before today; his catch-up made fewer due.
      expect(joDue.length).toBeLessThan((await requiredBefore(people.bob?.id ?? "", "2027-01-20")).length);
      await complete(jo.id, joDue.slice(1), yesterday);
    } finally {
      at(now.toISOString());
    }

    const who = (name: string) => people[name]?.id ?? "";
    const roster = await rosterLines("all");
    for (const name of ["hal", "ivy"]) {
      expect(roster.get(who(name))?.group, name).toBe("On track");
      expect(roster.get(who(name))?.line, name).toContain("on pace");
    }
    expect(roster.get(who("jo"))?.group).toBe("Behind");
    expect(roster.get(who("jo"))?.line).toMatch(/1 item overdue/);
    const behind = await rosterLines("behind");
    expect([who("jo"), who("hal"), who("ivy")].map((id) => behind.has(id))).toEqual([true, false, false]);
  });

  it("shows the confidence map in /cohort info, split into on track and behind", async () => {
    const text = visibleText(await admin("cohort info"));
    expect(text).toContain("Confidence map (on track / behind)");
    // ada confident and on track, bob partly and behind, dee not yet and on track.
    expect(text).toMatch(/Confident 1\/0 · Partly 0\/1 · Not yet 1\/0/);
  });
});
