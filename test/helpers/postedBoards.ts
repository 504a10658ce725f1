import { PermissionFlagsBits } from "discord.js";
import type { CommandOptionsInput } from "../../src/emulator/buildCommandOptions.js";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { buttonsOf } from "./botHarness.js";
import { postLabel, type BotProcess, type SchedulerWorld } from "./schedulerWorld.js";
import { until } from "./until.js";

/**
 * The shared set-up of the posted-board tests (`/privacy delete` editing boards the bot already posted):
 * members running commands in a channel, posts found by label, embed fields found by name, and the
 * `/privacy delete` confirmation.
 */

/** An instant from its ISO text. */
export const at = (iso: string) => new Date(iso);

/** Runs a slash command as a member. */
export type RunCommand = (userId: string, name: string, options?: CommandOptionsInput) => Promise<EmulatorMessage>;

/** Runs a slash command as `userId` in the channel and resolves with the bot's final reply. */
export function commandsIn(world: SchedulerWorld, channelId: string): RunCommand {
  return (userId, name, options = {}) => world.emulator.runCommand({ guildId: world.guild.id, channelId, userId, name, options }).final();
}

/** The bot's post in the channel with that label (see postLabel); throws when there is none. */
export function postLabelled(
  world: SchedulerWorld,
  channelId: string,
  label: string,
  options: { readonly liveBoards?: boolean } = {},
): EmulatorMessage {
  const found = world.posts(channelId, options).find((observed) => postLabel(observed.message) === label)?.message;
  if (found === undefined) throw new Error(`no ${label} post`);
  return found;
}

/** The value of the message's embed field named `name`, if it has one. */
export function fieldOf(message: EmulatorMessage, name: string): string | undefined {
  return message.embeds.flatMap((embed) => embed.fields ?? []).find((field) => field.name === name)?.value;
}

/** The value of the field named `name` on the channel's post with that label, if the post and the field are there. */
export function postField(world: SchedulerWorld, channelId: string, label: string, name: string): string | undefined {
  const found = world.posts(channelId).find((observed) => postLabel(observed.message) === label);
  return found === undefined ? undefined : fieldOf(found.message, name);
}

/** The custom id of the confirmation button on a `/privacy delete` reply; throws when there is none. */
export function confirmationOf(ask: EmulatorMessage): string {
  const [confirm] = buttonsOf(ask);
  if (confirm === undefined) throw new Error("no confirmation button");
  return confirm.customId;
}

/** The member runs `/privacy delete` in the channel and presses the confirmation; resolves with the final reply. */
export async function deleteDataOf(world: SchedulerWorld, channelId: string, userId: string): Promise<EmulatorMessage> {
  const asked = await commandsIn(world, channelId)(userId, "privacy", { delete: true });
  return world.emulator.clickButton({ userId, messageId: asked.id, customId: confirmationOf(asked) }).final();
}

/** Each member joins each cohort and marks "Storage Engines" done there (naming the cohort when there are several). */
export async function joinAndFinishStorageEngines(
  run: RunCommand,
  members: readonly { readonly id: string }[],
  cohorts: readonly string[],
): Promise<void> {
  for (const cohort of cohorts)
    for (const member of members) {
      await run(member.id, "join", { cohort });
      await run(member.id, "done", cohorts.length > 1 ? { cohort, item: "Storage Engines" } : { item: "Storage Engines" });
    }
}

/** Creates Zeddicus (zed) and Ada Lovelace (ada), members of the world's guild. */
export function createZedAndAda(world: SchedulerWorld): { zed: { id: string }; ada: { id: string } } {
  const zed = world.emulator.createMember(world.guild.id, { username: "zed", displayName: "Zeddicus" });
  const ada = world.emulator.createMember(world.guild.id, { username: "ada", displayName: "Ada Lovelace" });
  return { zed, ada };
}

/**
 * Zeddicus and Ada Lovelace join the cohorts at `now` (the first process's clock is set there) and mark week 1's
 * "Storage Engines" done: both score 36 points in week 1.
 */
export async function twoMembersScoreWeekOne(
  world: SchedulerWorld,
  run: RunCommand,
  cohorts: readonly string[],
  now: Date,
): Promise<{ zed: { id: string }; ada: { id: string } }> {
  const members = createZedAndAda(world);
  world.first.clock.set(now);
  await joinAndFinishStorageEngines(run, [members.zed, members.ada], cohorts);
  return members;
}

/**
 * Ticks the process through a flagged redraw's refused tries until it is given up: every minute for 40 minutes
 * from `from`, then every 6 hours for 12 days (the tries come 1, 2, 4 … minutes apart, at most a day, 16 of them:
 * about five and a half days). Resolves with the instant after the last tick.
 */
export async function tickThroughRefusedTries(process: BotProcess, from: Date): Promise<Date> {
  const minutes = new Date(from.getTime() + 40 * 60_000);
  await tickEvery(process, from, minutes, 60_000);
  const end = new Date(minutes.getTime() + 12 * 86_400_000);
  await tickEvery(process, minutes, end, 6 * 3_600_000);
  return end;
}

/** Ticks the processes, side by side, every minute for `minutes` minutes (an hour unless told) from `from`. */
export async function tickEveryMinute(processes: readonly BotProcess[], from: Date, minutes = 60): Promise<void> {
  await tickSideBySide(processes, from, new Date(from.getTime() + minutes * 60_000), 60_000);
}

/** The redraw mark of the post of that kind and period: its refused tries, 16 once given up (17 for good). */
export async function redrawMark(world: SchedulerWorld, kind: "week" | "closing", period: string): Promise<number> {
  const row = await world.first.test.app.database.prisma.scheduledPost.findFirstOrThrow({ where: { kind, period } });
  return row.redrawAttempts;
}

/** Edits of the bot's messages in the channel (of that message only, when given) that Discord accepted. */
export function acceptedEdits(world: Pick<SchedulerWorld, "emulator">, channelId: string, messageId?: string): number {
  const messages = `/channels/${channelId}/messages/`;
  const edited = (path: string) => (messageId === undefined ? path.startsWith(messages) : path === `${messages}${messageId}`);
  return world.emulator.requestLog().filter((entry) => entry.method === "PATCH" && entry.status === 200 && edited(entry.path)).length;
}

/** A bot process, as the Embed Links and channel-problem helpers read it (a BotHarness is one too). */
type BotTest = Pick<BotProcess, "test">;

/** The cohort's channel problem, as /cohort info tells the admin (null while its channel works). */
export async function channelProblemOf(world: { readonly first: BotTest }, cohortName: string): Promise<string | null> {
  return (await world.first.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name: cohortName } })).channelProblem;
}

/**
 * Gives or takes the bot's Embed Links in the channel and waits until each process's discord.js cache says so
 * (the permission change reached it as a gateway event).
 */
export async function setEmbedLinks(
  world: { readonly emulator: SchedulerWorld["emulator"]; readonly first: BotTest },
  channelId: string,
  allowed: boolean,
  processes: readonly BotTest[] = [world.first],
): Promise<void> {
  world.emulator.setBotChannelPermissions(channelId, { botCanEmbedLinks: allowed });
  const cached = (process: BotTest) => {
    const channel = process.test.app.discord.client.channels.cache.get(channelId);
    if (channel === undefined || channel.isDMBased()) return false;
    const me = channel.guild.members.me;
    return me !== null && channel.permissionsFor(me).has(PermissionFlagsBits.EmbedLinks) === allowed;
  };
  await until(() => processes.every(cached), "the bots' caches to see Embed Links changed");
}

/**
 * The admin ends the running cohort at `endAt` (its week's live board ends there): the tick 5 seconds later sends
 * the closing post, with the final board, and the tick 70 seconds after the end gives the board its final edit.
 */
export async function endWithClosingPost(world: SchedulerWorld, cohortName: string, endAt: Date): Promise<void> {
  world.first.clock.set(endAt);
  await world.first.test.app.services.cohorts.setStatus(world.guild.id, cohortName, "ended", world.admin.id, endAt);
  const closing = await world.first.tickAt(new Date(endAt.getTime() + 5_000));
  if (closing.sent.map((post) => post.period).join() !== "closing") throw new Error("the closing post did not go out at the end");
  await world.first.tickAt(new Date(endAt.getTime() + 70_000));
}

/**
 * The lead-in of the tests of boards Discord refuses to let the bot read, its cohort starting Monday 2027-03-01 (UTC):
 * week 1 is posted, Zeddicus and Ada Lovelace score 36 points in it, and on 2027-03-08 week 1's board and week 2's
 * posts (its top five of week 1) go out, both showing Zeddicus.
 */
export async function scoreWeekOneThenPostWeekTwo(
  world: SchedulerWorld,
  run: RunCommand,
  cohortName: string,
): Promise<{ zed: { id: string }; ada: { id: string } }> {
  await world.first.tickAt(at("2027-03-01T09:00:00Z"));
  const members = await twoMembersScoreWeekOne(world, run, [cohortName], at("2027-03-01T10:00:00Z"));
  await world.first.tickAt(at("2027-03-08T00:01:00Z"));
  await world.first.tickAt(at("2027-03-08T09:00:00Z"));
  return members;
}

/**
 * What a process's discord.js cache says of the bot's Read Message History in the channel: undefined when it
 * cannot tell (the channel, or the bot's member in its guild, is not in the cache).
 */
function cachedReadHistory(process: BotProcess, channelId: string): boolean | undefined {
  const client = process.test.app.discord.client;
  const channel = client.channels.cache.get(channelId);
  if (channel === undefined || client.user === null || !("permissionsFor" in channel)) return undefined;
  return channel.permissionsFor(client.user)?.has(PermissionFlagsBits.ReadMessageHistory);
}

/**
 * Whether a process's discord.js cache says it may read the channel's history (the permission change reached it):
 * false when the cache cannot tell, since a permission it cannot see is not one it has.
 */
export function canReadHistory(process: BotProcess, channelId: string): boolean {
  return cachedReadHistory(process, channelId) === true;
}

/** Whether a process's discord.js cache says it may not read the channel's history: false when the cache cannot tell. */
export function cannotReadHistory(process: BotProcess, channelId: string): boolean {
  return cachedReadHistory(process, channelId) === false;
}

/**
 * The bot loses Read Message History in the channel (waited for until every one of `processes` knows it), then the
 * member deletes their data at 2027-03-08T10:00Z: the boards showing them are to be edited.
 */
export async function deleteDataWithoutHistory(
  world: SchedulerWorld,
  channelId: string,
  userId: string,
  processes: readonly BotProcess[],
): Promise<void> {
  world.emulator.setBotChannelPermissions(channelId, { botCanReadHistory: false });
  await until(() => processes.every((process) => cannotReadHistory(process, channelId)), "the lost permission in the bots' caches");
  world.first.clock.set(at("2027-03-08T10:00:00Z"));
  await deleteDataOf(world, channelId, userId);
}

/** The process ticks every `stepMs` from `from` (inclusive) to `to` (exclusive). */
export async function tickEvery(process: BotProcess, from: Date, to: Date, stepMs: number): Promise<void> {
  await tickSideBySide([process], from, to, stepMs);
}

/** The one loop of the tick helpers: the processes tick side by side every `stepMs` from `from` (inclusive) to `to` (exclusive). */
async function tickSideBySide(processes: readonly BotProcess[], from: Date, to: Date, stepMs: number): Promise<void> {
  for (let time = from.getTime(); time < to.getTime(); time += stepMs) {
    const now = new Date(time);
    await Promise.all(processes.map((process) => process.tickAt(now)));
  }
}
