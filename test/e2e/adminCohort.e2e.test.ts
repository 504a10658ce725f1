import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import type { CommandOptionsInput } from "../../src/emulator/buildCommandOptions.js";
import { answered, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { until } from "../helpers/until.js";

const learningPath = "backend-engineer-learning-path";
/** `<t:…:F>` of an instant written out by hand in the test. */
const fullTimestamp = (isoInstant: string) => `<t:${Date.parse(isoInstant) / 1000}:F>`;

describe("/cohort admin commands through discord.js and the emulator", () => {
  let bot: BotHarness;
  /** A second server with its own admin, channel and cohort. */
  let other: { guildId: string; channelId: string; adminId: string; cohortId: number };

  beforeAll(async () => {
    // Tuesday 2027-01-05, 10:00 UTC.
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    const guild = bot.emulator.createGuild({
      name: "Other Server",
      botPermissions: Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n),
    });
    const channel = bot.emulator.createChannel(guild.id, { name: "other-cohort" });
    const admin = bot.emulator.createMember(guild.id, { username: "other-admin", manageGuild: true });
    await waitForGuild(bot, guild.id);
    const cohort = await bot.test.app.services.cohorts.create({
      guildId: guild.id,
      actorId: admin.id,
      name: "Other Cohort",
      curriculum: learningPath,
      channelId: channel.id,
      start: "2027-01-04",
    });
    other = { guildId: guild.id, channelId: channel.id, adminId: admin.id, cohortId: cohort.id };
  });
  afterAll(async () => bot.close());

  const asAdmin = (name: string, options: CommandOptionsInput = {}) => answered(bot.run(bot.admin.id, name, options));
  const asOtherAdmin = (name: string, options: CommandOptionsInput = {}) =>
    answered(bot.emulator.runCommand({ guildId: other.guildId, channelId: other.channelId, userId: other.adminId, name, options }));

  const cohortRows = () => bot.test.app.database.prisma.cohort.findMany({ orderBy: { id: "asc" } });
  const createOptions = (overrides: CommandOptionsInput = {}): CommandOptionsInput => ({
    name: "Refused",
    curriculum: learningPath,
    channel: bot.channel.id,
    start: "2027-01-04",
    ...overrides,
  });

  /** Runs a command that must be refused: a private message containing `expected`, and no cohort row changed. */
  async function expectRefusal(name: string, options: CommandOptionsInput, expected: string | RegExp): Promise<EmulatorMessage> {
    const before = await cohortRows();
    const message = await asAdmin(name, options);
    expect(message.ephemeral).toBe(true);
    expect(visibleText(message)).toMatch(expected);
    expect(await cohortRows()).toEqual(before);
    return message;
  }

  describe("create", () => {
    it("creates a cohort with every setting and shows when it starts and posts", async () => {
      const message = await asAdmin("cohort create", {
        name: "Backend Spring 2027",
        curriculum: learningPath,
        channel: bot.channel.id,
        start: "2027-01-04",
        timezone: "europe/berlin",
        announce_day: 3,
        announce_time: "18:30",
        include_optional: true,
      });
      expect(message.ephemeral).toBe(true);
      const text = visibleText(message);
      expect(text).toContain("Backend Spring 2027");
      expect(text).toContain(`<#${bot.channel.id}>`);
      expect(text).toContain("Backend Engineer Learning Path");
      expect(text).toContain("Europe/Berlin");
      expect(text).toContain("Wednesdays at 18:30");
      // Created after week 1's post time (Wednesday 30 December, 18:30 in Berlin, UTC+1): late only since the
      // creation, it goes out at the scheduler's next tick, so that is the next weekly post.
      expect(text).toContain(`Next weekly post\nWithin a minute (it was due ${fullTimestamp("2026-12-30T17:30:00Z")}) · week 1`);

      const row = await bot.test.app.database.prisma.cohort.findFirst({ where: { guildId: bot.guild.id, name: "Backend Spring 2027" } });
      expect(row).toMatchObject({
        channelId: bot.channel.id,
        startDate: "2027-01-04",
        timeZone: "Europe/Berlin",
        announceDay: 3,
        announceTime: "18:30",
        includeOptional: true,
        status: "active",
        createdBy: bot.admin.id,
      });
    });

    it("uses the product's defaults: UTC, Monday 09:00, no optional items", async () => {
      await asAdmin("cohort create", createOptions({ name: "Defaults Cohort" }));
      const row = await bot.test.app.database.prisma.cohort.findFirst({ where: { guildId: bot.guild.id, name: "Defaults Cohort" } });
      expect(row).toMatchObject({ timeZone: "UTC", announceDay: 1, announceTime: "09:00", includeOptional: false });
    });

    it("stores names with emoji, quotes and SQL-looking text exactly", async () => {
      const name = `🚀 Robert'); DROP TABLE "Cohort";-- "quoted"`;
      const message = await asAdmin("cohort create", createOptions({ name }));
      expect(visibleText(message)).toContain("DROP TABLE");
      expect(await bot.test.app.database.prisma.cohort.count({ where: { name } })).toBe(1);
    });

    it("refuses a date that does not exist", () =>
      expectRefusal("cohort create", createOptions({ start: "2027-02-30" }), /"2027-02-30" is not a date that exists/));

    it("refuses text that is not a date", () =>
      expectRefusal("cohort create", createOptions({ start: "next monday" }), /"next monday" is not written as YYYY-MM-DD/));

    it("refuses a start date whose whole course is already over, and accepts one still running", async () => {
      // The 12-week path from Monday 2026-10-05 ended on Sunday 2026-12-27: nothing would ever be posted.
      await expectRefusal(
        "cohort create",
        createOptions({ name: "Long Gone", start: "2026-10-05" }),
        /starting on \*\*Mon, 5 Oct 2026\*\* would already be over.*ended on \*\*Sun, 27 Dec 2026\*\*.*later `start`/s,
      );
      // From 2026-10-19 its last week runs until Sunday 2027-01-10: a cohort created late, in its week 12.
      const running = await asAdmin("cohort create", createOptions({ name: "Still Running", start: "2026-10-19" }));
      expect(visibleText(running)).toContain("is set up");
      expect(visibleText(running)).toContain("Week 12 of 12");
    });

    it("refuses a start date whose course would run past the year 9999, saying so", async () => {
      // The 12-week path from 9999-12-20 would end in the year 10000, a date the bot cannot write.
      await expectRefusal(
        "cohort create",
        createOptions({ name: "Far Ahead", start: "9999-12-20" }),
        /starting on \*\*Mon, 20 Dec 9999\*\* is too far ahead.*latest start the bot accepts for this curriculum is \*\*Fri, 9 Oct 9998\*\*.*earlier `start`/s,
      );
    });

    it("refuses an unknown time zone", () =>
      expectRefusal("cohort create", createOptions({ timezone: "Mars/Olympus_Mons" }), /"Mars\/Olympus_Mons" is not a time zone/));

    it("refuses a time zone with a typo, a space for its underscore or a bare city, suggesting the zone meant", async () => {
      await expectRefusal(
        "cohort create",
        createOptions({ timezone: "Europe/Berln" }),
        /"Europe\/Berln" is not a time zone.*did you mean \*\*Europe\/Berlin\*\*\?/s,
      );
      await expectRefusal("cohort create", createOptions({ timezone: "America/New York" }), /did you mean \*\*America\/New_York\*\*\?/);
      await expectRefusal("cohort create", createOptions({ timezone: "Berlin" }), /did you mean \*\*Europe\/Berlin\*\*\?/);
      const directora = bot.emulator.createMember(bot.guild.id, { username: "directora-zona", locale: "es-ES", manageGuild: true });
      const enEspañol = visibleText(await answered(bot.run(directora.id, "cohort create", createOptions({ timezone: "Amercia/Chicago" }))));
      expect(enEspañol).toMatch(/«Amercia\/Chicago» no es una zona horaria que conozca: ¿quisiste decir \*\*America\/Chicago\*\*\?/);
    });

    it("an unknown time zone with nothing close suggests none", async () => {
      const message = await expectRefusal("cohort create", createOptions({ timezone: "Nowhere/Land" }), /not a time zone/);
      expect(visibleText(message)).not.toMatch(/did you mean/);
    });

    it("refuses a time of day that is not HH:MM", async () => {
      await expectRefusal("cohort create", createOptions({ announce_time: "25:00" }), /"25:00" is not a time of day/);
      await expectRefusal("cohort create", createOptions({ announce_time: "9am" }), /"9am" is not a time of day.*HH:MM/);
    });

    it("refuses an unknown curriculum", () =>
      expectRefusal("cohort create", createOptions({ curriculum: "basket-weaving" }), /no curriculum called "basket-weaving"/));

    it("refuses a channel the bot cannot post in", async () => {
      const closed = bot.emulator.createChannel(bot.guild.id, { name: "read-only", botCanSend: false });
      await waitForChannel(bot, closed.id);
      await expectRefusal("cohort create", createOptions({ channel: closed.id }), /can't post in <#\d+>.*Send Messages/);
    });

    it("names exactly the permission the bot lacks in the channel, in the admin's language", async () => {
      const noEmbeds = bot.emulator.createChannel(bot.guild.id, { name: "no-embeds", botCanEmbedLinks: false });
      const noSend = bot.emulator.createChannel(bot.guild.id, { name: "no-send", botCanSend: false });
      const hidden = bot.emulator.createChannel(bot.guild.id, { name: "no-view", botCanView: false, botCanSend: false });
      for (const channel of [noEmbeds, noSend, hidden]) await waitForChannel(bot, channel.id);
      const embeds = visibleText(await expectRefusal("cohort create", createOptions({ channel: noEmbeds.id }), /can't post in <#\d+>/));
      expect(embeds).toMatch(/missing the \*\*Embed Links\*\* permission there/);
      expect(embeds).not.toMatch(/View Channel|Send Messages/);
      const send = visibleText(await expectRefusal("cohort create", createOptions({ channel: noSend.id }), /can't post in <#\d+>/));
      expect(send).toMatch(/missing the \*\*Send Messages\*\* permission there/);
      expect(send).not.toMatch(/View Channel|Embed Links/);
      await expectRefusal(
        "cohort create",
        createOptions({ channel: hidden.id }),
        /missing the \*\*View Channel\*\* and \*\*Send Messages\*\* permissions there/,
      );
      const directora = bot.emulator.createMember(bot.guild.id, { username: "directora-canal", locale: "es-ES", manageGuild: true });
      const enEspañol = visibleText(await answered(bot.run(directora.id, "cohort create", createOptions({ channel: noEmbeds.id }))));
      expect(enEspañol).toMatch(/No puedo publicar en <#\d+>: me falta allí el permiso \*\*Insertar enlaces\*\*/);
    });

    it("refuses a duplicate name in the same server", () =>
      expectRefusal(
        "cohort create",
        createOptions({ name: "Backend Spring 2027" }),
        /already has a cohort called \*\*Backend Spring 2027\*\*/,
      ));

    it("refuses a name that differs from another cohort's only in capitals or spaces", () =>
      // Two cohorts members cannot tell apart in a list, and a name typed in other capitals would find neither.
      expectRefusal(
        "cohort create",
        createOptions({ name: "backend  SPRING 2027" }),
        /already has a cohort called \*\*Backend Spring 2027\*\*/,
      ));

    it("allows the same name in another server", async () => {
      const message = await asOtherAdmin("cohort create", {
        name: "Backend Spring 2027",
        curriculum: learningPath,
        channel: other.channelId,
        start: "2027-01-04",
      });
      expect(visibleText(message)).toContain("is set up");
      expect(await bot.test.app.database.prisma.cohort.count({ where: { name: "Backend Spring 2027" } })).toBe(2);
    });

    it("offers every curriculum the server sees, slugs as values and titles as names", async () => {
      const choices = await bot.autocomplete(bot.admin.id, "cohort create", "curriculum", { curriculum: "learning" });
      expect(choices[0]).toEqual({ name: "Backend Engineer Learning Path", value: learningPath });
      const all = await bot.autocomplete(bot.admin.id, "cohort create", "curriculum", { curriculum: "" });
      expect(all.map((choice) => choice.value).sort()).toEqual(["backend-engineer-complete-mastery-path", learningPath]);
    });

    it("offers time zones by city", async () => {
      const choices = await bot.autocomplete(bot.admin.id, "cohort create", "timezone", { timezone: "berlin" });
      expect(choices.map((choice) => choice.value)).toContain("Europe/Berlin");
    });

    it("offers time zones typed with spaces for their underscores", async () => {
      const choices = await bot.autocomplete(bot.admin.id, "cohort create", "timezone", { timezone: "new york" });
      expect(choices.map((choice) => choice.value)).toContain("America/New_York");
    });
  });

  describe("list and info", () => {
    it("lists the server's cohorts only", async () => {
      const message = await asAdmin("cohort list");
      expect(message.ephemeral).toBe(true);
      const text = visibleText(message);
      expect(text).toContain("Backend Spring 2027");
      expect(text).toContain("Defaults Cohort");
      expect(text).not.toContain("Other Cohort");
    });

    it("narrows the list to the cohort its option names, offered by the same autocomplete as info", async () => {
      const text = visibleText(await asAdmin("cohort list", { cohort: "Defaults Cohort" }));
      expect(text).toContain("Defaults Cohort");
      expect(text).not.toContain("Backend Spring 2027");
      // The server has more cohorts: the title does not count only the one shown as all of them.
      expect(text).toContain("One cohort of this server");
      expect(text).not.toContain("Cohorts in this server");
      const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
      const spanish = visibleText(await answered(bot.run(directora.id, "cohort list", { cohort: "Defaults Cohort" })));
      expect(spanish).toContain("Una cohorte de este servidor");
      const choices = await bot.autocomplete(bot.admin.id, "cohort list", "cohort", { cohort: "defaults" });
      expect(choices).toEqual(await bot.autocomplete(bot.admin.id, "cohort info", "cohort", { cohort: "defaults" }));
      expect(choices.map((choice) => choice.name)).toContain("Defaults Cohort");
      // Another server's cohort is not this server's to list.
      expect(visibleText(await asAdmin("cohort list", { cohort: "Other Cohort" }))).toMatch(/no cohort called/);
    });

    it("says so when a server has no cohorts", async () => {
      const guild = bot.emulator.createGuild({ name: "Empty Server" });
      const channel = bot.emulator.createChannel(guild.id, { name: "general" });
      const admin = bot.emulator.createMember(guild.id, { username: "empty-admin", manageGuild: true });
      await waitForGuild(bot, guild.id);
      const message = await answered(
        bot.emulator.runCommand({ guildId: guild.id, channelId: channel.id, userId: admin.id, name: "cohort list" }),
      );
      expect(visibleText(message)).toContain("no cohorts in this server");
    });

    it("shows a cohort's settings, members, status and next posts with timestamps", async () => {
      const ada = bot.member("ada");
      await bot.reply(ada.id, "join", { cohort: "Defaults Cohort" });
      const message = await asAdmin("cohort info", { cohort: "Defaults Cohort" });
      const text = visibleText(message);
      expect(message.ephemeral).toBe(true);
      expect(text).toContain("Defaults Cohort");
      expect(text).toMatch(/Members\n1\b/);
      expect(text).toContain("Active");
      expect(text).toContain("Backend Engineer Learning Path");
      expect(text).toContain("Mon, 4 Jan 2027");
      expect(text).toContain("Week 1 of 12");
      // Created on Tuesday, after week 1's post time (Monday 4 January 09:00 UTC): the scheduler sends it at its next tick.
      expect(text).toContain(`Next weekly post\nWithin a minute (it was due ${fullTimestamp("2027-01-04T09:00:00Z")}) · week 1`);
      // The first section (weeks 1-2) ends on Friday of week 2; its checkpoint goes out at 17:00.
      expect(text).toContain(fullTimestamp("2027-01-15T17:00:00Z"));
      expect(text).toContain("Database Fundamentals");
    });

    it("shows the problem the scheduler recorded with the channel", async () => {
      const row = await bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { guildId: bot.guild.id, name: "Defaults Cohort" } });
      await bot.test.app.database.prisma.cohort.update({ where: { id: row.id }, data: { channelProblem: "no_permission" } });
      const text = visibleText(await asAdmin("cohort info", { cohort: String(row.id) }));
      expect(text).toContain("Channel problem");
      // The bot can post there (the flag was written by hand): the scheduler's next look lifts the hold.
      expect(text).toContain(`I can post in <#${row.channelId}> again: the bot's posts on hold go out within a few minutes.`);
      await bot.test.app.database.prisma.cohort.update({ where: { id: row.id }, data: { channelProblem: null } });
    });

    it("asks which cohort when the server has several and none is given", async () => {
      const message = await asAdmin("cohort info");
      expect(message.ephemeral).toBe(true);
      expect(visibleText(message)).toMatch(/several cohorts.*Backend Spring 2027.*Defaults Cohort/s);
    });

    it("uses the server's only cohort when none is given", async () => {
      const guild = bot.emulator.createGuild({ name: "Single Server" });
      const channel = bot.emulator.createChannel(guild.id, { name: "solo" });
      const admin = bot.emulator.createMember(guild.id, { username: "solo-admin", manageGuild: true });
      await waitForGuild(bot, guild.id);
      const run = (name: string, options: CommandOptionsInput = {}) =>
        answered(bot.emulator.runCommand({ guildId: guild.id, channelId: channel.id, userId: admin.id, name, options }));
      await run("cohort create", { name: "Solo", curriculum: learningPath, channel: channel.id, start: "2027-01-04" });
      expect(visibleText(await run("cohort info"))).toContain("Solo");
    });

    it("refuses an unknown cohort", () => expectRefusal("cohort info", { cohort: "Basket Weaving" }, /no cohort called "Basket Weaving"/));

    it("autocompletes every cohort of the server, joined or not, and none of another server's", async () => {
      const choices = await bot.autocomplete(bot.admin.id, "cohort info", "cohort", { cohort: "" });
      const names = choices.map((choice) => choice.name);
      expect(names).toEqual(expect.arrayContaining(["Backend Spring 2027", "Defaults Cohort"]));
      expect(names).not.toContain("Other Cohort");
      expect(choices.map((choice) => choice.value)).not.toContain(String(other.cohortId));
      const filtered = await bot.autocomplete(bot.admin.id, "cohort edit", "cohort", { cohort: "defa" });
      expect(filtered[0]?.name).toBe("Defaults Cohort");
    });
  });

  describe("edit", () => {
    it("changes name, channel and schedule settings", async () => {
      const second = bot.emulator.createChannel(bot.guild.id, { name: "second", type: "announcement" });
      await waitForChannel(bot, second.id);
      const message = await asAdmin("cohort edit", {
        cohort: "Defaults Cohort",
        name: "Renamed Cohort",
        channel: second.id,
        timezone: "America/New_York",
        announce_day: 7,
        announce_time: "8:05",
        include_optional: true,
      });
      expect(visibleText(message)).toContain("Renamed Cohort");
      const row = await bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { guildId: bot.guild.id, name: "Renamed Cohort" } });
      expect(row).toMatchObject({
        channelId: second.id,
        timeZone: "America/New_York",
        announceDay: 7,
        announceTime: "08:05",
        includeOptional: true,
        startDate: "2027-01-04",
      });
    });

    it("changes the start date", async () => {
      await asAdmin("cohort edit", { cohort: "Renamed Cohort", start: "2027-02-01" });
      const row = await bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { guildId: bot.guild.id, name: "Renamed Cohort" } });
      expect(row.startDate).toBe("2027-02-01");
    });

    it("refuses a start date that would put the whole course in the past", () =>
      expectRefusal(
        "cohort edit",
        { cohort: "Renamed Cohort", start: "2026-10-05" },
        /already be over.*ended on \*\*Sun, 27 Dec 2026\*\*/s,
      ));

    it("refuses an edit that changes nothing", () => expectRefusal("cohort edit", { cohort: "Renamed Cohort" }, /at least one option/));

    it("refuses bad values and keeps every setting", async () => {
      await expectRefusal("cohort edit", { cohort: "Renamed Cohort", start: "2027-13-01" }, /not a date that exists/);
      await expectRefusal("cohort edit", { cohort: "Renamed Cohort", start: "9999-12-20" }, /is too far ahead/);
      await expectRefusal("cohort edit", { cohort: "Renamed Cohort", timezone: "Europe/Atlantis" }, /not a time zone/);
      await expectRefusal("cohort edit", { cohort: "Renamed Cohort", announce_time: "12:60" }, /not a time of day/);
      // A valid setting beside a bad one is not applied either.
      await expectRefusal("cohort edit", { cohort: "Renamed Cohort", name: "Half Applied", timezone: "Nowhere/Land" }, /not a time zone/);
    });

    it("refuses a name another cohort of the server has", () =>
      expectRefusal("cohort edit", { cohort: "Renamed Cohort", name: "Backend Spring 2027" }, /already has a cohort called/));

    it("refuses a name another cohort has in other capitals, and lets a cohort change its own capitals", async () => {
      await expectRefusal(
        "cohort edit",
        { cohort: "Renamed Cohort", name: "backend spring 2027" },
        /already has a cohort called \*\*Backend Spring 2027\*\*/,
      );
      const message = await asAdmin("cohort edit", { cohort: "Renamed Cohort", name: "RENAMED cohort" });
      expect(visibleText(message)).not.toMatch(/already has a cohort/);
      expect((await cohortRows()).map((row) => row.name)).toContain("RENAMED cohort");
      await asAdmin("cohort edit", { cohort: "RENAMED cohort", name: "Renamed Cohort" });
    });

    it("refuses a channel the bot cannot post in", async () => {
      const hidden = bot.emulator.createChannel(bot.guild.id, { name: "hidden", botCanView: false });
      await waitForChannel(bot, hidden.id);
      await expectRefusal("cohort edit", { cohort: "Renamed Cohort", channel: hidden.id }, /can't post in/);
    });
  });

  describe("pause, resume, end", () => {
    it("pauses, resumes and ends, and says so when the status already holds", async () => {
      const name = "Lifecycle";
      await asAdmin("cohort create", createOptions({ name }));
      const status = async () =>
        (await bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { guildId: bot.guild.id, name } })).status;

      expect(visibleText(await asAdmin("cohort pause", { cohort: name }))).toContain("is paused");
      expect(await status()).toBe("paused");
      expect(visibleText(await asAdmin("cohort info", { cohort: name }))).toContain("Paused");
      await expectRefusal("cohort pause", { cohort: name }, /already paused/);

      const resumed = visibleText(await asAdmin("cohort resume", { cohort: name }));
      expect(resumed).toContain("running again");
      // What the pause cost: posts more than a day late are not sent on resume; the closing post still is.
      expect(resumed).toContain("older ones are not sent, except the closing post: if the course ended meanwhile, it goes out now");
      expect(await status()).toBe("active");
      await expectRefusal("cohort resume", { cohort: name }, /is not paused/);

      const ended = await asAdmin("cohort end", { cohort: name });
      expect(visibleText(ended)).toContain("has ended");
      expect(await status()).toBe("ended");
      await expectRefusal("cohort end", { cohort: name }, /already ended/);
      await expectRefusal("cohort resume", { cohort: name }, /already ended/);
      // An ended cohort announces nothing more.
      const info = visibleText(await asAdmin("cohort info", { cohort: name }));
      expect(info).toContain("Ended");
      expect(info).toContain("Next weekly post\nNone left.");
      expect(info).toContain("Next checkpoint\nNone left.");
    });

    it("refuses an unknown cohort and changes nothing", async () => {
      await expectRefusal("cohort pause", { cohort: "No Such Cohort" }, /no cohort called "No Such Cohort"/);
      await expectRefusal("cohort end", { cohort: "999999" }, /no cohort called "999999"/);
    });
  });

  describe("safety", () => {
    it("refuses members without Manage Server at run time, whatever Discord's menu offered", async () => {
      const member = bot.member("no-manage");
      expect(() => bot.run(member.id, "cohort list")).toThrow(/would not offer \/cohort/);
      const before = await cohortRows();
      for (const [name, options] of [
        ["cohort create", createOptions({ name: "Sneaky" })],
        ["cohort list", {}],
        ["cohort info", { cohort: "Backend Spring 2027" }],
        ["cohort edit", { cohort: "Backend Spring 2027", name: "Hijacked" }],
        ["cohort pause", { cohort: "Backend Spring 2027" }],
        ["cohort resume", { cohort: "Backend Spring 2027" }],
        ["cohort end", { cohort: "Backend Spring 2027" }],
      ] as const) {
        const message = await answered(bot.runIgnoringDefaultPermissions(member.id, name, options));
        expect(message.ephemeral).toBe(true);
        expect(visibleText(message)).toContain("Manage Server");
      }
      expect(await cohortRows()).toEqual(before);
    });

    it("registers the admin command with Manage Server as its default permission", () => {
      const cohort = bot.emulator.registeredCommands().find((command) => command.name === "cohort");
      expect(cohort?.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
      expect(cohort?.options?.map((option) => option.name)).toEqual(
        expect.arrayContaining(["create", "list", "info", "edit", "pause", "resume", "end"]),
      );
    });

    it("treats another server's cohort id as unknown and leaves that cohort alone", async () => {
      const id = String(other.cohortId);
      await expectRefusal("cohort info", { cohort: id }, /no cohort called/);
      await expectRefusal("cohort edit", { cohort: id, name: "Stolen" }, /no cohort called/);
      await expectRefusal("cohort pause", { cohort: id }, /no cohort called/);
      await expectRefusal("cohort end", { cohort: id }, /no cohort called/);
      await expectRefusal("cohort info", { cohort: "Other Cohort" }, /no cohort called/);
      const row = await bot.test.app.database.prisma.cohort.findUniqueOrThrow({ where: { id: other.cohortId } });
      expect(row).toMatchObject({ name: "Other Cohort", status: "active", guildId: other.guildId });
    });

    it("never pings @everyone or roles through a cohort's name", async () => {
      const role = bot.emulator.createRole(other.guildId, { name: "students", mentionable: true });
      const name = `@everyone @here <@&${role.id}> party`;
      const created = await asOtherAdmin("cohort create", {
        name,
        curriculum: learningPath,
        channel: other.channelId,
        start: "2027-01-04",
      });
      const messages = [
        created,
        await asOtherAdmin("cohort list"),
        await asOtherAdmin("cohort info", { cohort: name }),
        await asOtherAdmin("cohort end", { cohort: name }),
        // The refusal echoes the name in plain message content.
        await asOtherAdmin("cohort end", { cohort: name }),
        await asOtherAdmin("cohort info", { cohort: `${name} nope` }),
      ];
      for (const message of messages) {
        expect(message.mentions).toEqual({ everyone: false, userIds: [], roleIds: [] });
        expect(message.allowedMentions?.parse ?? null).toEqual([]);
      }
      expect(messages[4]?.content).toContain("already ended");
    });

    it("survives option values of any content at their longest", async () => {
      const weird = `'; DELETE FROM "Cohort"; -- 🚀 ${"x".repeat(60)}`.slice(0, 100);
      await expectRefusal("cohort info", { cohort: weird }, /no cohort called/);
      await expectRefusal("cohort create", createOptions({ timezone: "🚀".repeat(32) }), /not a time zone/);
      await expectRefusal("cohort create", createOptions({ start: "'; DROP TABLE x; --".padEnd(40, "-") }), /is not written as YYYY-MM-DD/);
      expect(await bot.test.app.database.prisma.cohort.count()).toBeGreaterThan(0);
    });
  });
});

/** The bot learns about a new guild (and its channels) through the gateway; wait until discord.js has it. */
async function waitForGuild(bot: BotHarness, guildId: string): Promise<void> {
  await until(() => bot.test.app.discord.client.guilds.cache.has(guildId), "the new server in the bot's cache");
}

async function waitForChannel(bot: BotHarness, channelId: string): Promise<void> {
  await until(() => bot.test.app.discord.client.channels.cache.has(channelId), "the channel in the bot's cache");
}
