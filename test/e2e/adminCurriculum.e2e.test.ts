import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import type { CommandOptionsInput } from "../../src/emulator/buildCommandOptions.js";
import { answered, buttonIdOf, buttonsOf, startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { readingWeeksPath } from "../helpers/readingWeeksPath.js";

/** A small learning path: five equal Required readings in week 1, one more section in week 2. */
const tinyPath = [
  "Tiny Study Path",
  "A short path for the tests.",
  "Week 1: Basics",
  "Estimated reading time: 2 hours",
  "- [ ] Required -- Alpha Reading (20 min)",
  "- [ ] Required -- Beta Reading (20 min)",
  "- [ ] Required -- Gamma Reading (20 min)",
  "- [ ] Required -- Delta Reading (20 min)",
  "- [ ] Required -- Epsilon Reading (20 min)",
  "- [ ] Optional -- Zeta Extra (15 min)",
  "Checkpoint",
  "After this section you should be able to explain the basics.",
  "Week 2: More",
  "- [ ] Required -- Eta Reading (30 min)",
  "- [ ] Reference -- Theta Notes (10 min)",
  "",
].join("\n");

const tinyFile = (content: string = tinyPath, name = "tiny-path.md") => ({ name, content });

describe("/curriculum admin commands through discord.js and the emulator", () => {
  let bot: BotHarness;
  let other: { guildId: string; channelId: string; adminId: string };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    const guild = bot.emulator.createGuild({ name: "Other Server" });
    const channel = bot.emulator.createChannel(guild.id, { name: "general" });
    const admin = bot.emulator.createMember(guild.id, { username: "other-admin", manageGuild: true });
    other = { guildId: guild.id, channelId: channel.id, adminId: admin.id };
    // Until the bot has the server (the hook's timeout bounds the wait).
    while (!bot.test.app.discord.client.guilds.cache.has(guild.id)) await new Promise((resolve) => setTimeout(resolve, 10));
  });
  afterAll(async () => bot.close());

  const asAdmin = (name: string, options: CommandOptionsInput = {}) => answered(bot.run(bot.admin.id, name, options));
  const asOtherAdmin = (name: string, options: CommandOptionsInput = {}) =>
    answered(bot.emulator.runCommand({ guildId: other.guildId, channelId: other.channelId, userId: other.adminId, name, options }));

  const prisma = () => bot.test.app.database.prisma;
  /** Everything an import could touch. */
  const curriculumState = async () => ({
    curricula: await prisma().curriculum.findMany({ orderBy: { id: "asc" } }),
    sections: await prisma().section.findMany({ orderBy: { id: "asc" } }),
    items: await prisma().item.findMany({ orderBy: { id: "asc" } }),
  });

  async function expectImportRefused(file: CommandOptionsInput["file"], expected: RegExp): Promise<string> {
    const before = await curriculumState();
    const message = await asAdmin("curriculum import", { file });
    expect(message.ephemeral).toBe(true);
    const text = visibleText(message);
    expect(text).toMatch(expected);
    expect(await curriculumState()).toEqual(before);
    return text;
  }

  describe("list and show", () => {
    it("lists the built-in curricula", async () => {
      const message = await asAdmin("curriculum list");
      expect(message.ephemeral).toBe(true);
      const text = visibleText(message);
      expect(text).toContain("Backend Engineer Learning Path");
      expect(text).toContain("backend-engineer-complete-mastery-path");
    });

    it("narrows the list to the curriculum its option names, offered by the same autocomplete as show", async () => {
      const text = visibleText(await asAdmin("curriculum list", { curriculum: "backend-engineer-learning-path" }));
      expect(text).toContain("Backend Engineer Learning Path");
      expect(text).not.toContain("backend-engineer-complete-mastery-path");
      const choices = await bot.autocomplete(bot.admin.id, "curriculum list", "curriculum", { curriculum: "mastery" });
      expect(choices).toEqual(await bot.autocomplete(bot.admin.id, "curriculum show", "curriculum", { curriculum: "mastery" }));
      expect(choices.map((choice) => choice.value)).toEqual(["backend-engineer-complete-mastery-path"]);
    });

    it("shows the 12-week outline inside Discord's limits, trimming what does not fit", async () => {
      const message = await asAdmin("curriculum show", { curriculum: "backend-engineer-learning-path" });
      expect(message.ephemeral).toBe(true);
      const text = visibleText(message);
      expect(text).toContain("Backend Engineer Learning Path");
      expect(text).toContain("Weeks 1-2 · Database Fundamentals");
      expect(text).toContain("Week 12 · Production Blueprints & Capstone");
      expect(text).toContain("Storage Engines · 30 min");
      // The whole path is longer than one message may be: the rest is announced, not cut off mid-word.
      expect(text).toMatch(/…and \d+ more/);
      const characters = message.embeds.reduce(
        (sum, embed) =>
          sum +
          (embed.title ?? "").length +
          (embed.description ?? "").length +
          (embed.fields ?? []).reduce((n, field) => n + field.name.length + field.value.length, 0),
        0,
      );
      expect(characters).toBeLessThanOrEqual(6_000);
    });

    it("shows the mastery path with clean text", async () => {
      const text = visibleText(await asAdmin("curriculum show", { curriculum: "Backend Engineer - Complete Mastery Path" }));
      expect(text).toContain("Weeks 1-4 · Phase 1: Foundations");
      expect(text).not.toMatch(/‚Ä|üöÄ/);
    });

    it("counts the mastery path's language tracks as one Required choice, not as optional reading", async () => {
      const text = visibleText(await asAdmin("curriculum show", { curriculum: "backend-engineer-complete-mastery-path" }));
      // Members are measured against 61 Required items: the 60 plus one "choose one" slot for the four tracks.
      expect(text).toContain("61 required");
      expect(text).not.toMatch(/\d+ optional/);
      expect(text).toContain("Python Path");
      expect(text).toMatch(/Go Path[^\n]*\*\(choose one\)\*/);
      expect(text).not.toContain("(optional)");
    });

    it("asks which curriculum when several are visible and none is given", async () => {
      const text = visibleText(await asAdmin("curriculum show"));
      expect(text).toMatch(/Several curricula.*Backend Engineer Learning Path/s);
    });

    it("refuses an unknown curriculum", async () => {
      const message = await asAdmin("curriculum show", { curriculum: "basket-weaving" });
      expect(message.ephemeral).toBe(true);
      expect(visibleText(message)).toContain(`no curriculum called "basket-weaving"`);
    });

    it("autocompletes visible curricula with slug values and title names", async () => {
      const choices = await bot.autocomplete(bot.admin.id, "curriculum show", "curriculum", { curriculum: "mastery" });
      expect(choices).toEqual([{ name: "Backend Engineer - Complete Mastery Path", value: "backend-engineer-complete-mastery-path" }]);
    });
  });

  describe("import", () => {
    it("imports a new curriculum for this server only, acknowledging at once", async () => {
      const handle = bot.run(bot.admin.id, "curriculum import", { file: tinyFile() });
      const first = await handle.response();
      // Deferred ("thinking…") before the download starts.
      expect(first.type).toBe(5);
      expect(first.ephemeral).toBe(true);
      const message = await answered(handle);
      const text = visibleText(message);
      expect(text).toContain("Curriculum imported");
      expect(text).toContain("Tiny Study Path");
      expect(text).toContain("2 sections, 8 items");

      const stored = await prisma().curriculum.findFirstOrThrow({ where: { slug: "tiny-study-path" } });
      expect(stored.scope).toBe(bot.guild.id);
      expect(await prisma().item.count({ where: { curriculumId: stored.id } })).toBe(8);

      expect(visibleText(await asAdmin("curriculum list"))).toContain("Tiny Study Path");
      expect(visibleText(await asAdmin("curriculum show", { curriculum: "tiny-study-path" }))).toContain("Alpha Reading · 20 min");
    });

    it("keeps a server's import invisible to other servers", async () => {
      expect(visibleText(await asOtherAdmin("curriculum list"))).not.toContain("Tiny Study Path");
      expect(visibleText(await asOtherAdmin("curriculum show", { curriculum: "tiny-study-path" }))).toContain("no curriculum called");
      const choices = await bot.emulator.autocomplete({
        guildId: other.guildId,
        channelId: other.channelId,
        userId: other.adminId,
        name: "cohort create",
        options: { curriculum: "tiny" },
        focused: "curriculum",
      });
      expect(choices).toEqual([]);
      const refused = await asOtherAdmin("cohort create", {
        name: "Borrowed",
        curriculum: "tiny-study-path",
        channel: other.channelId,
        start: "2027-01-04",
      });
      expect(visibleText(refused)).toContain("no curriculum called");
      expect(await prisma().cohort.count({ where: { guildId: other.guildId } })).toBe(0);
    });

    it("offers the server's import in autocomplete and accepts it for a cohort", async () => {
      const choices = await bot.autocomplete(bot.admin.id, "cohort create", "curriculum", { curriculum: "tiny" });
      expect(choices).toEqual([{ name: "Tiny Study Path", value: "tiny-study-path" }]);
      const created = await asAdmin("cohort create", {
        name: "Tiny Cohort",
        curriculum: "tiny-study-path",
        channel: bot.channel.id,
        start: "2027-01-04",
      });
      expect(visibleText(created)).toContain("Tiny Study Path");
    });

    it("says nothing changed when the same file comes again", async () => {
      const before = await curriculumState();
      const text = visibleText(await asAdmin("curriculum import", { file: tinyFile() }));
      expect(text).toContain("Nothing changed");
      expect(await curriculumState()).toEqual(before);
      // The same document saved on Windows, or without its last line break, is the same file: no diff to confirm.
      for (const resaved of [tinyPath.replaceAll("\n", "\r\n"), tinyPath.trimEnd()]) {
        const again = await asAdmin("curriculum import", { file: tinyFile(resaved) });
        expect(visibleText(again)).toContain("Nothing changed");
        expect(buttonsOf(again)).toEqual([]);
      }
      expect(await curriculumState()).toEqual(before);
    });

    it("shows a changed re-import's diff first, and updates only on Confirm; cohorts see the change at once", async () => {
      const reader = bot.member("reader");
      await bot.reply(reader.id, "join", { cohort: "Tiny Cohort" });
      const before = visibleText(await bot.reply(reader.id, "today", { cohort: "Tiny Cohort" }));
      expect(before).toContain("Reading");
      const alpha = await prisma().item.findFirstOrThrow({ where: { title: "Alpha Reading" } });
      await bot.reply(reader.id, "done", { cohort: "Tiny Cohort", item: "Alpha Reading" });

      const stateBefore = await curriculumState();
      const changed = tinyPath
        .replaceAll(" Reading (", " Chapter (")
        .replace("- [ ] Required -- Alpha Chapter (20 min)", "- [ ] Required -- Alpha Reading (25 min)");
      const preview = await asAdmin("curriculum import", { file: tinyFile(changed) });
      expect(preview.ephemeral).toBe(true);
      const text = visibleText(preview);
      expect(text).toContain("Review this update before it is written");
      expect(text).toContain("5 added · 5 removed · 1 changed · 2 kept");
      expect(text).toContain("Beta Chapter");
      expect(text).toContain("Beta Reading");
      expect(text).toContain("No member completed a removed item");
      expect(await curriculumState()).toEqual(stateBefore);
      expect(visibleText(await bot.reply(reader.id, "today", { cohort: "Tiny Cohort" }))).not.toContain("Chapter");

      const confirmId = buttonIdOf(preview, "Confirm update");
      // A double click: both clicks arrive before the first one's answer; the import happens once.
      const clicks = [bot.click(bot.admin.id, preview.id, confirmId), bot.click(bot.admin.id, preview.id, confirmId)];
      const answers = await Promise.all(clicks.map((handle) => answered(handle)));
      // Either click may reach the bot first: one updates, the other is told it is already confirmed.
      const confirmed = answers.find((answer) => !visibleText(answer).includes("already confirmed"));
      const duplicate = answers.find((answer) => answer !== confirmed);
      if (confirmed === undefined || duplicate === undefined) throw new Error("both clicks said already confirmed");
      expect(visibleText(duplicate)).toContain("already confirmed");
      expect(visibleText(confirmed)).toContain("Curriculum updated");
      expect(visibleText(confirmed)).toContain("2 sections, 8 items");
      expect(buttonsOf(confirmed)).toEqual([]);

      const after = visibleText(await bot.reply(reader.id, "today", { cohort: "Tiny Cohort" }));
      expect(after).toContain("Chapter");
      expect(after).not.toContain("Beta Reading");
      // Alpha kept its row and the reader's completion, with its new length.
      expect(await prisma().item.findUniqueOrThrow({ where: { id: alpha.id } })).toMatchObject({
        title: "Alpha Reading",
        minutes: 25,
        retired: false,
      });
      expect(await prisma().completion.count({ where: { itemId: alpha.id } })).toBe(1);

      expect(await prisma().curriculum.count({ where: { slug: "tiny-study-path" } })).toBe(1);
      expect(await prisma().completion.count()).toBe(1);
    });

    it("names the sections a re-import moves to other weeks or renames, even when every item stays", async () => {
      const path = [
        "Moving Path",
        "Week 1: Start",
        "- [ ] Required -- First (20 min)",
        "Week 2: Middle",
        "- [ ] Required -- Second (20 min)",
        "",
      ];
      await asAdmin("curriculum import", { file: tinyFile(path.join("\n"), "moving.md") });
      const moved = path.map((line) =>
        line === "Week 2: Middle" ? "Week 2-4: Middle" : line === "Week 1: Start" ? "Week 1: Begin" : line,
      );
      const text = visibleText(await asAdmin("curriculum import", { file: tinyFile(moved.join("\n"), "moving.md") }));
      expect(text).toContain("0 added · 0 removed · 0 changed · 2 kept");
      expect(text).toContain("Sections moved or renamed (2)");
      expect(text).toContain("• Begin (was Start)");
      expect(text).toContain("• Middle: week 2 → weeks 2–4");
    });

    it("counts the Required items a confirmed re-import added in the next /done and /progress", async () => {
      const path = ["Growing Path", "Week 1: Start", "- [ ] Required -- First (20 min)", "- [ ] Required -- Second (20 min)"];
      const grown = [...path, "- [ ] Required -- Third (20 min)", "- [ ] Required -- Fourth (20 min)"];
      const channel = bot.emulator.createChannel(bot.guild.id, { name: "growing" });
      await asAdmin("curriculum import", {
        file: tinyFile([...path, "Week 2: End", "- [ ] Required -- Last (20 min)", ""].join("\n"), "growing.md"),
      });
      await asAdmin("cohort create", { name: "Growing Cohort", curriculum: "growing-path", channel: channel.id, start: "2027-01-04" });
      const grower = bot.member("grower");
      await bot.reply(grower.id, "join", { cohort: "Growing Cohort" });
      const requiredIn = (message: EmulatorMessage) =>
        /Required items: \S* (?:\*\*)?(\d+)\/(\d+)/.exec(visibleText(message))?.slice(1).map(Number);
      expect(requiredIn(await bot.reply(grower.id, "done", { cohort: "Growing Cohort", item: "First" }))).toEqual([1, 3]);
      expect(requiredIn(await bot.reply(grower.id, "progress", { cohort: "Growing Cohort" }))).toEqual([1, 3]);

      const preview = await asAdmin("curriculum import", {
        file: tinyFile([...grown, "Week 2: End", "- [ ] Required -- Last (20 min)", ""].join("\n"), "growing.md"),
      });
      expect(visibleText(preview)).toContain("2 added · 0 removed · 0 changed · 3 kept");
      expect(visibleText(await answered(bot.click(bot.admin.id, preview.id, buttonIdOf(preview, "Confirm update"))))).toContain(
        "Curriculum updated",
      );

      // Members see the new total at once: what /done counts against is the curriculum's current version.
      expect(requiredIn(await bot.reply(grower.id, "done", { cohort: "Growing Cohort", item: "Third" }))).toEqual([2, 5]);
      expect(requiredIn(await bot.reply(grower.id, "progress", { cohort: "Growing Cohort" }))).toEqual([2, 5]);
    });

    it("counts the members whose completions a re-import would retire, and Cancel writes nothing", async () => {
      const stateBefore = await curriculumState();
      const withoutAlpha = tinyPath.replaceAll(" Reading (", " Chapter (").replace("- [ ] Required -- Alpha Chapter (20 min)\n", "");
      const preview = await asAdmin("curriculum import", { file: tinyFile(withoutAlpha) });
      const text = visibleText(preview);
      expect(text).toContain("0 added · 1 removed · 0 changed · 7 kept");
      expect(text).toContain("1 completion of a removed item (1 member) is retired");
      expect(text).toContain("Alpha Reading");

      expect(buttonsOf(preview).map((button) => button.label)).toContain("Confirm update");
      const cancelled = await answered(bot.click(bot.admin.id, preview.id, buttonIdOf(preview, "Cancel")));
      expect(visibleText(cancelled)).toContain("Update cancelled");
      expect(buttonsOf(cancelled)).toEqual([]);
      expect(await curriculumState()).toEqual(stateBefore);
    });

    it("after Confirm, counts the items this update removed as the diff did, never those an earlier update retired", async () => {
      const path = [
        "Retiring Path",
        "Week 1: Start",
        "- [ ] Required -- Staying (20 min)",
        "- [ ] Required -- Read Then Dropped (20 min)",
        "- [ ] Required -- Never Read (20 min)",
        "",
      ];
      const file = (lines: readonly string[]) => tinyFile(lines.join("\n"), "retiring.md");
      const channel = bot.emulator.createChannel(bot.guild.id, { name: "retiring" });
      await asAdmin("curriculum import", { file: file(path) });
      await asAdmin("cohort create", { name: "Retiring Cohort", curriculum: "retiring-path", channel: channel.id, start: "2027-01-04" });
      const reader = bot.member("retiring-reader");
      await bot.reply(reader.id, "join", { cohort: "Retiring Cohort" });
      await bot.reply(reader.id, "done", { cohort: "Retiring Cohort", item: "Read Then Dropped" });
      const confirmed = async (lines: readonly string[]) => {
        const preview = await asAdmin("curriculum import", { file: file(lines) });
        return {
          preview: visibleText(preview),
          result: visibleText(await answered(bot.click(bot.admin.id, preview.id, buttonIdOf(preview, "Confirm update")))),
        };
      };

      const shorter = path.filter((line) => !line.includes("Read Then Dropped") && !line.includes("Never Read"));
      const first = await confirmed(shorter);
      expect(first.preview).toContain("0 added · 2 removed · 0 changed · 1 kept");
      expect(first.result).toContain("2 items removed, 1 kept hidden because members completed it.");

      // Only a duration changes: the diff removes nothing, and neither does the reply after Confirm.
      const second = await confirmed(shorter.map((line) => line.replace("Staying (20 min)", "Staying (25 min)")));
      expect(second.preview).toContain("0 added · 0 removed · 1 changed · 0 kept");
      expect(second.result).toContain("Curriculum updated");
      expect(second.result).not.toMatch(/removed|kept hidden/);
    });

    it("warns in the diff when a shorter version would end running cohorts already past its last week", async () => {
      const weeks = (count: number) => readingWeeksPath("Ending Path", count);
      const file = (count: number) => tinyFile(weeks(count), "ending.md");
      const channel = bot.emulator.createChannel(bot.guild.id, { name: "ending" });
      await asAdmin("curriculum import", { file: file(4) });
      // Set up late: in its week 3 on the harness's 5 January; the other starts next week.
      await asAdmin("cohort create", { name: "Ending *Cohort*", curriculum: "ending-path", channel: channel.id, start: "2026-12-21" });
      await asAdmin("cohort create", { name: "Later Cohort", curriculum: "ending-path", channel: channel.id, start: "2027-01-11" });
      await asAdmin("cohort create", { name: "Paused Cohort", curriculum: "ending-path", channel: channel.id, start: "2026-12-21" });
      await asAdmin("cohort pause", { cohort: "Paused Cohort" });

      const shorter = visibleText(await asAdmin("curriculum import", { file: file(2) }));
      expect(shorter).toContain(
        "⚠️ The new version is 2 weeks long (was 4): these running cohorts are already past that, so their courses would be over at once: Ending \\*Cohort\\*, Paused Cohort. 1 of them is paused: its course ends when it is resumed, and its closing post goes out then.",
      );
      expect(shorter).not.toContain("Later Cohort");
      // Longer, or as long: nothing to warn about.
      expect(visibleText(await asAdmin("curriculum import", { file: file(5) }))).not.toContain("⚠️");
    });

    it("closes a cohort a confirmed shorter version ends at once with its closing post, however long ago its new end was", async () => {
      const weeks = (count: number) => readingWeeksPath("Closing Path", count);
      const channel = bot.emulator.createChannel(bot.guild.id, { name: "closing" });
      await asAdmin("curriculum import", { file: tinyFile(weeks(6), "closing.md") });
      // In its week 4 on the harness's 5 January: two weeks shorter, its course ended on 3 January.
      bot.clock.set(new Date("2027-01-05T10:00:00Z"));
      await asAdmin("cohort create", { name: "Closing Cohort", curriculum: "closing-path", channel: channel.id, start: "2026-12-14" });
      await tickAt(bot, "2027-01-05T10:00:00Z");
      const preview = await asAdmin("curriculum import", { file: tinyFile(weeks(3), "closing.md") });
      expect(visibleText(preview)).toContain("would be over at once: Closing Cohort.");
      const closingPosts = () =>
        bot.emulator
          .channelMessages(channel.id)
          .map((message) => visibleText(message))
          .filter((text) => text.includes("Closing Cohort is complete"));
      // The diff alone writes nothing: no closing post before Confirm.
      await tickAt(bot, "2027-01-05T10:05:00Z");
      expect(closingPosts()).toHaveLength(0);
      await answered(bot.click(bot.admin.id, preview.id, buttonIdOf(preview, "Confirm update")));

      // A day after its new end's closing time (Monday 4 January 09:00) and more: late only from the Confirm.
      await tickAt(bot, "2027-01-06T09:00:00Z");
      expect(closingPosts()).toHaveLength(1);
      expect((await prisma().cohort.findFirstOrThrow({ where: { name: "Closing Cohort" } })).status).toBe("finished");
    });

    it("refuses a title that only slugs like another curriculum's, naming it and writing nothing; a title differing in case updates", async () => {
      const doc = (title: string, minutes = 20) =>
        [title, "Week 1: Basics", `- [ ] Required -- Sharp Reading (${minutes} min)`, ""].join("\n");
      await asAdmin("curriculum import", { file: tinyFile(doc("C# Path"), "sharp.md") });
      const text = await expectImportRefused(
        tinyFile(doc("C Path"), "c.md"),
        /Nothing was imported: \*\*C# Path\*\* already has the id `c-path`/,
      );
      expect(text).toContain("Change the first line of the file");
      // A server's import that would shadow a built-in curriculum of another title is refused the same way.
      await expectImportRefused(
        tinyFile(doc("Backend Engineer: Learning Path"), "b.md"),
        /\*\*Backend Engineer Learning Path\*\* already has the id/,
      );
      // Case and spacing name the same curriculum: an update, shown as a diff.
      expect(visibleText(await asAdmin("curriculum import", { file: tinyFile(doc("c#   PATH", 25), "sharp.md") }))).toContain(
        "Review this update before it is written",
      );
    });

    it("refuses a Confirm whose curriculum changed after the diff was shown", async () => {
      const first = await asAdmin("curriculum import", {
        file: tinyFile(tinyPath.replace("Eta Reading (30 min)", "Eta Reading (35 min)")),
      });
      const second = await asAdmin("curriculum import", {
        file: tinyFile(tinyPath.replace("Eta Reading (30 min)", "Eta Reading (40 min)")),
      });
      expect(visibleText(await answered(bot.click(bot.admin.id, first.id, buttonIdOf(first, "Confirm update"))))).toContain(
        "Curriculum updated",
      );
      const stateBefore = await curriculumState();
      expect(visibleText(await answered(bot.click(bot.admin.id, second.id, buttonIdOf(second, "Confirm update"))))).toContain(
        "The curriculum changed after this preview",
      );
      expect(await curriculumState()).toEqual(stateBefore);
      expect((await prisma().item.findFirstOrThrow({ where: { title: "Eta Reading" } })).minutes).toBe(35);
    });

    it("refuses a malformed file whole, naming the lines", async () => {
      const lines = tinyPath.split("\n");
      lines[5] = "- [ ] Required -- Beta Chapter (twenty min)";
      lines[12] = "Week two: More";
      const text = await expectImportRefused(tinyFile(lines.join("\n")), /wasn't imported; nothing changed/);
      expect(text).toMatch(/line 6: .*twenty min/);
      expect(text).toMatch(/line 13: .*Week two/);
    });

    it("refuses weeks with nothing to read and an item repeated in its section, naming the lines", async () => {
      const gapped = tinyPath.replace("Week 2: More", "Week 4: More").replace("Beta Reading (20 min)", "Alpha Reading (20 min)");
      const text = await expectImportRefused(tinyFile(gapped), /wasn't imported; nothing changed/);
      expect(text).toMatch(/line 6: Item "Alpha Reading" repeats the one on line 5 in the same section/);
      expect(text).toMatch(
        /line 13: Section "Week 4: More" starts in week 4, but no section covers weeks 2-3 \(the one before, on line 3,/,
      );
      const late = tinyPath.replace("Week 1: Basics", "Week 60: Basics").replace("Week 2: More", "Week 61: More");
      await expectImportRefused(tinyFile(late), /line 3: The first section, "Week 60: Basics", starts in week 60/);
    });

    it("names the line of a stray control character in a text file, rather than calling the file binary", async () => {
      // An escape code pasted from a terminal: the file is still the author's text, with one line to fix.
      const lines = tinyPath.split("\n");
      lines[5] = "- [ ] Required -- Beta \u001b[1mReading\u001b[0m (20 min)";
      const text = await expectImportRefused(tinyFile(lines.join("\n")), /wasn't imported; nothing changed/);
      expect(text).toMatch(/line 6: This line contains control characters/);
      expect(text).not.toContain("isn't a text file");
    });

    it("refuses a file with no learning path in it", () =>
      expectImportRefused(tinyFile("just some notes\nnothing else\n", "notes.txt"), /line 1: No sections found/));

    it("refuses a file over the size limit before reading it", () =>
      expectImportRefused(tinyFile(`${tinyPath}\n${"x".repeat(300 * 1024)}`), /too large.*256 KB/));

    it("refuses images and other binary files", async () => {
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
      await expectImportRefused({ name: "path.png", content: png }, /isn't a text file/);
      // Declared as text, but the bytes say otherwise.
      await expectImportRefused({ name: "path.txt", content: png, contentType: "text/plain" }, /isn't a text file/);
    });

    it("refuses members without Manage Server and imports nothing", async () => {
      const member = bot.member("not-an-admin");
      const before = await curriculumState();
      for (const [name, options] of [
        ["curriculum import", { file: tinyFile(tinyPath.replace("Tiny Study Path", "Sneaky Path")) }],
        ["curriculum list", {}],
        ["curriculum show", { curriculum: "tiny-study-path" }],
      ] as const) {
        const message = await answered(bot.runIgnoringDefaultPermissions(member.id, name, options));
        expect(message.ephemeral).toBe(true);
        expect(visibleText(message)).toContain("Manage Server");
      }
      expect(await curriculumState()).toEqual(before);
    });
  });

  describe("a server's import named like a built-in curriculum", () => {
    it("is listed instead of the built-in one, and is the one /cohort create and /curriculum show use", async () => {
      const imported = await asOtherAdmin("curriculum import", {
        file: tinyFile(tinyPath.replace("Tiny Study Path", "Backend Engineer Learning Path"), "own.md"),
      });
      expect(visibleText(imported)).toContain(
        "A built-in curriculum has the same name: in this server, `/cohort create` and `/curriculum list` now use this import instead.",
      );
      const own = await prisma().curriculum.findFirstOrThrow({ where: { slug: "backend-engineer-learning-path", scope: other.guildId } });

      const list = visibleText(await asOtherAdmin("curriculum list"));
      expect(list).toContain("Curricula (2)");
      expect(list.match(/backend-engineer-learning-path/g)).toHaveLength(1);
      expect(list).toContain(
        "**Backend Engineer Learning Path** · `backend-engineer-learning-path` · 2 weeks · imported in this server, used instead of the built-in one",
      );
      const pick = visibleText(await asOtherAdmin("curriculum show"));
      expect(pick.match(/Backend Engineer Learning Path/g)).toHaveLength(1);
      expect(visibleText(await asOtherAdmin("curriculum show", { curriculum: "Backend Engineer Learning Path" }))).toContain(
        "Alpha Reading",
      );

      for (const [name, curriculum] of [
        ["By Slug", "backend-engineer-learning-path"],
        ["By Title", "backend engineer learning path"],
      ] as const) {
        await asOtherAdmin("cohort create", { name, curriculum, channel: other.channelId, start: "2027-01-04" });
        const cohort = await prisma().cohort.findFirstOrThrow({ where: { guildId: other.guildId, name } });
        expect([name, cohort.curriculumId]).toEqual([name, own.id]);
      }
      // The server that did not import it still sees the built-in.
      expect(visibleText(await asAdmin("curriculum list"))).toMatch(/`backend-engineer-learning-path` · 12 weeks · built in/);
    });
  });
});
