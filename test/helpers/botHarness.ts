import { afterAll, beforeAll, expect } from "vitest";
import { InteractionResponseType, PermissionFlagsBits } from "discord.js";
import { ManualClock } from "../../src/clock.js";
import type { AppOverrides } from "../../src/createApp.js";
import type { Cohort } from "../../src/domain/cohort/cohortModel.js";
import { DiscordEmulator, type EmulatorGuild } from "../../src/emulator/DiscordEmulator.js";
import type { InteractionHandle } from "../../src/emulator/InteractionHandle.js";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import type { CommandOptionsInput } from "../../src/emulator/buildCommandOptions.js";
import type { Pictures } from "../../src/discord/pictures/Pictures.js";
import type { ReminderRepositoryOptions } from "../../src/db/repositories/ReminderRepository.js";
import { startTestApp, type TestApp } from "./testApp.js";

export interface BotHarness {
  readonly emulator: DiscordEmulator;
  readonly test: TestApp;
  readonly clock: ManualClock;
  readonly guild: EmulatorGuild;
  /** The cohort channel, where the bot may post. */
  readonly channel: { id: string; name: string };
  /** A member with Manage Server. */
  readonly admin: { id: string; username: string };
  member(username: string, options?: { manageGuild?: boolean; dmsClosed?: boolean }): { id: string; username: string };
  /** Runs a slash command as `userId` in the cohort channel (or `channelId`). */
  run(userId: string, name: string, options?: CommandOptionsInput, channelId?: string): InteractionHandle;
  /**
   * Like `run`, but invokes the command even where Discord's client would hide
   * it from the user (default_member_permissions), to test the bot's own check.
   */
  runIgnoringDefaultPermissions(userId: string, name: string, options?: CommandOptionsInput): InteractionHandle;
  /** Runs a command and returns the message the user finally sees. */
  reply(userId: string, name: string, options?: CommandOptionsInput): Promise<EmulatorMessage>;
  autocomplete(
    userId: string,
    name: string,
    focused: string,
    options?: CommandOptionsInput,
  ): Promise<{ name: string; value: string | number }[]>;
  click(userId: string, messageId: string, customId: string): InteractionHandle;
  /** A cohort on the 12-week curriculum in the harness channel, made through the service. */
  createCohort(
    input?: Partial<{ name: string; start: string; timeZone: string; includeOptional: boolean; curriculum: string; language: string }>,
  ): Promise<Cohort>;
  /**
   * Joins `user` to `cohort` through the service, as /join would but at `at` (the harness clock's now) and under
   * the display name `name` (their username).
   */
  join(user: { id: string; username: string }, cohort: Cohort, options?: { name?: string; at?: Date }): Promise<void>;
  close(): Promise<void>;
}

/** Everything rendered in a message, as one string, for "the user can read X" assertions. */
export function visibleText(message: EmulatorMessage): string {
  const parts: string[] = [message.content];
  for (const embed of message.embeds) {
    parts.push(embed.title ?? "", embed.description ?? "", embed.footer?.text ?? "", embed.author?.name ?? "");
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
  }
  return parts.filter((part) => part !== "").join("\n");
}

/**
 * What the user finally sees as a command's answer. Usually its response; but a public command (/leaderboard) whose
 * handler is still working after 2 s of wall clock is acknowledged publicly ("thinking…"), and a private answer
 * (a refusal, a board the privacy rule keeps private) then replaces it with a private follow-up. Whether that happens
 * depends on the machine's speed, so tests read the answer through this.
 */
export async function answerOf(handle: InteractionHandle): Promise<EmulatorMessage> {
  try {
    return await handle.final();
  } catch (error) {
    if (!/response was deleted/.test(String(error))) throw error;
    // Only a public "thinking…" may be replaced: a bot that answered and then deleted its answer still fails here.
    const acknowledged = await handle.response();
    if (acknowledged.type !== InteractionResponseType.DeferredChannelMessageWithSource) throw error;
    const [followUp] = await handle.waitForFollowUps(1, { timeoutMs: waitLimitMs });
    if (followUp === undefined) throw error;
    return followUp;
  }
}

/**
 * The interaction's final message, once checked that the bot acknowledged it (in time: respondedWithinMs; how fast,
 * `npm run bench`) and did not fail it.
 */
export async function answered(handle: InteractionHandle): Promise<EmulatorMessage> {
  const message = await handle.final();
  expect(handle.failed).toBe(false);
  expect(handle.respondedWithinMs).not.toBeNull();
  return message;
}

/** Moves the bot's clock to `at` and runs one scheduler tick there (posts due by then go out). */
export async function tickAt(bot: BotHarness, at: string): Promise<void> {
  bot.clock.set(new Date(at));
  await bot.test.app.scheduler.tick(bot.clock.now());
}

/**
 * At `at`, `/done` of the first item the member's autocomplete offers (today's or overdue first), with `options`
 * (a `when`): what the member reads in reply.
 */
export async function doneFirstOffered(bot: BotHarness, userId: string, at: string, options: Record<string, string> = {}): Promise<string> {
  bot.clock.set(new Date(at));
  const [first] = await bot.autocomplete(userId, "done", "item", { item: "" });
  if (first === undefined) throw new Error("no item offered");
  return visibleText(await bot.reply(userId, "done", { item: String(first.value), ...options }));
}

/**
 * `/cohort create` as the server's admin (or `userId`) in the harness's channel, on the 12-week built-in path:
 * what they finally see. `options` adds or replaces options (a time zone, an announce day).
 */
export function createByCommand(
  bot: BotHarness,
  name: string,
  start: string,
  options: Record<string, string | number> = {},
  userId: string = bot.admin.id,
): Promise<EmulatorMessage> {
  return bot.reply(userId, "cohort create", {
    name,
    curriculum: "backend-engineer-learning-path",
    channel: bot.channel.id,
    start,
    ...options,
  });
}

/** Whether the bot's discord.js cache, as the gateway told it, lets the bot send in the channel (a permission change reached it). */
export function botCanSend(test: TestApp, channelId: string): boolean {
  const client = test.app.discord.client;
  const channel = client.channels.cache.get(channelId);
  if (channel === undefined || client.user === null || !("permissionsFor" in channel)) return false;
  return channel.permissionsFor(client.user)?.has(PermissionFlagsBits.SendMessages) === true;
}

/** The alt text of week `week`'s chart as posted in the cohort's channel; undefined if no such chart went out. */
export function postedWeekChartAlt(bot: BotHarness, week: number): string | null | undefined {
  return bot.emulator
    .channelMessages(bot.channel.id)
    .flatMap((message) => message.attachments)
    .find((file) => file.filename === `week-${week}.png`)?.description;
}

/** Labels and custom ids of every button in a message. */
export function buttonsOf(message: EmulatorMessage): { label: string; customId: string }[] {
  const result: { label: string; customId: string }[] = [];
  for (const row of message.components as { components?: { type: number; label?: string; custom_id?: string }[] }[]) {
    for (const component of row.components ?? []) {
      if (component.type === 2 && component.custom_id !== undefined)
        result.push({ label: component.label ?? "", customId: component.custom_id });
    }
  }
  return result;
}

/** The custom id of the message's button labelled `label`; fails the test when it has none. */
export function buttonIdOf(message: EmulatorMessage, label: string): string {
  const button = buttonsOf(message).find((entry) => entry.label === label);
  if (button === undefined) throw new Error(`no ${label} button`);
  return button.customId;
}

/**
 * The emulator's acknowledgement deadline and default answer wait in these tests: a hang guard, not
 * Discord's 3 s. Both run on the wall clock, and on a shared machine (load 20) a timer or a request can
 * be late by seconds, so Discord's real 3 s would fail tests that mean something else. That the bot
 * acknowledges before slow work ends is tested by holding the work on a gate (buttonsAcknowledgedEarly,
 * maximalCurriculum), and how fast it answers is measured by `npm run bench`.
 */
export const unhurriedDeadlineMs = 5 * 60_000;

/**
 * How long a test's own wait (vi.waitFor, a child process, a log line, a polled condition) may last: a
 * hang guard, not a speed claim, but below the 120 s test timeout (vitest.config.ts) so that a wait that
 * never ends fails with its own message (what it waited for, the child's output, the log tail) and stops
 * polling, instead of a bare "Test timed out". Keep it 20 s under the test timeout, room for that message.
 */
export const waitLimitMs = 100_000;

/**
 * The real bot (createApp + discord.js) logged in to the Discord emulator,
 * on a fresh SQLite file, with a guild, a cohort channel and an admin.
 */
export async function startBotHarness(
  options: {
    now?: Date;
    pictures?: Pictures;
    reminderRepository?: ReminderRepositoryOptions;
    planBuilds?: AppOverrides["planBuilds"];
    schedulerCourseOverMembersKept?: number;
    shutdownWaitMs?: number;
    exportRepository?: AppOverrides["exportRepository"];
    /** How long the emulator remembers a nonce, on the bot's clock (default: the emulator's 5 minutes). */
    nonceWindowMs?: number;
  } = {},
): Promise<BotHarness> {
  const clock = new ManualClock(options.now ?? new Date("2027-01-05T10:00:00Z"));
  // Ids on the bot's clock, as Discord's follow real time: a lookup `after=` an instant of the bot's finds them.
  const emulator = await DiscordEmulator.start({
    interactionDeadlineMs: unhurriedDeadlineMs,
    answerWaitMs: unhurriedDeadlineMs,
    now: () => clock.now().getTime(),
    nonceWindowMs: options.nonceWindowMs,
  });
  const guild = emulator.createGuild({ name: "Study Server" });
  const channel = emulator.createChannel(guild.id, { name: "backend-cohort" });
  const admin = emulator.createMember(guild.id, { username: "admin", manageGuild: true });
  let test: TestApp;
  try {
    // No wall-clock ticks: a test ticks the scheduler on its own clock (app.scheduler.tick), so a tick
    // that lands on a 20-second boundary cannot post or end something in the middle of another assertion.
    test = await startTestApp({
      clock,
      schedulerTickCron: null,
      ...(options.pictures === undefined ? {} : { pictures: options.pictures }),
      ...(options.reminderRepository === undefined ? {} : { reminderRepository: options.reminderRepository }),
      ...(options.planBuilds === undefined ? {} : { planBuilds: options.planBuilds }),
      ...(options.schedulerCourseOverMembersKept === undefined
        ? {}
        : { schedulerCourseOverMembersKept: options.schedulerCourseOverMembersKept }),
      ...(options.shutdownWaitMs === undefined ? {} : { shutdownWaitMs: options.shutdownWaitMs }),
      ...(options.exportRepository === undefined ? {} : { exportRepository: options.exportRepository }),
      environment: { DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl },
    });
    await test.app.start();
  } catch (error) {
    await emulator.stop();
    throw error;
  }
  const run = (userId: string, name: string, commandOptions: CommandOptionsInput = {}, channelId = channel.id) =>
    emulator.runCommand({ guildId: guild.id, channelId, userId, name, options: commandOptions });
  return {
    emulator,
    test,
    clock,
    guild,
    channel,
    admin,
    member: (username, memberOptions = {}) => emulator.createMember(guild.id, { username, ...memberOptions }),
    run,
    runIgnoringDefaultPermissions: (userId, name, commandOptions = {}) =>
      emulator.runCommand({
        guildId: guild.id,
        channelId: channel.id,
        userId,
        name,
        options: commandOptions,
        ignoreDefaultMemberPermissions: true,
      }),
    reply: (userId, name, commandOptions) => answerOf(run(userId, name, commandOptions)),
    autocomplete: async (userId, name, focused, commandOptions = {}) =>
      emulator.autocomplete({ guildId: guild.id, channelId: channel.id, userId, name, options: commandOptions, focused }),
    click: (userId, messageId, customId) => emulator.clickButton({ userId, messageId, customId }),
    async createCohort(input = {}) {
      return test.app.services.cohorts.create({
        guildId: guild.id,
        actorId: admin.id,
        name: input.name ?? "Backend Spring 2027",
        curriculum: input.curriculum ?? "backend-engineer-learning-path",
        channelId: channel.id,
        start: input.start ?? "2027-01-04",
        timeZone: input.timeZone,
        includeOptional: input.includeOptional,
        language: input.language,
      });
    },
    async join(user, cohort, joinOptions = {}) {
      await test.app.services.cohorts.join(
        guild.id,
        user.id,
        joinOptions.name ?? user.username,
        String(cohort.id),
        joinOptions.at ?? clock.now(),
      );
    },
    async close() {
      await test.close();
      await emulator.stop();
    },
  };
}

/**
 * Called in a `describe`: starts the harness (startBotHarness) before the block's tests and closes it after them;
 * the block's own beforeAll runs after this one. Read `bot` in tests and later hooks.
 */
export function useBotHarness(options: Parameters<typeof startBotHarness>[0] = {}): { readonly bot: BotHarness } {
  let started: BotHarness | undefined;
  beforeAll(async () => {
    started = await startBotHarness(options);
  });
  afterAll(async () => started?.close());
  return {
    get bot() {
      if (started === undefined) throw new Error("useBotHarness: read bot in tests, after its beforeAll");
      return started;
    },
  };
}
