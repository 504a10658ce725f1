import { REST } from "@discordjs/rest";
import { Client, Events, GatewayIntentBits, Routes, type APIGatewayBotInfo, type Interaction } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { DiscordEmulator, type EmulatorGuild } from "../../src/emulator/DiscordEmulator.js";
import { unhurriedDeadlineMs } from "../helpers/botHarness.js";
import { until } from "../helpers/until.js";

/** For the emulators whose interactions are answered: hang guards, not Discord's 3 s on the wall clock (see unhurriedDeadlineMs). */
const unhurried = { interactionDeadlineMs: unhurriedDeadlineMs, answerWaitMs: unhurriedDeadlineMs } as const;

/** Discord's documented rule, written out here rather than taken from the emulator. */
function discordShardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Guilds until every shard holds at least one: ids carry their creation millisecond, so spacing them spreads them. */
async function guildsOnEveryShard(emulator: DiscordEmulator, shardCount: number): Promise<EmulatorGuild[]> {
  const guilds: EmulatorGuild[] = [];
  while (new Set(guilds.map((guild) => discordShardOf(guild.id, shardCount))).size < shardCount) {
    guilds.push(emulator.createGuild({ name: `Server ${guilds.length + 1}` }));
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return guilds;
}

describe("the emulator serving a sharded bot", () => {
  let emulator: DiscordEmulator | undefined;
  const clients: Client[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.destroy();
    await emulator?.stop();
    emulator = undefined;
  });

  /** One discord.js client per shard, as each shard process of a ShardingManager runs. */
  async function connectShard(shardId: number, shardCount: number, received: Map<number, string[]>): Promise<Client> {
    if (emulator === undefined) throw new Error("start the emulator first");
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emulator.apiUrl }, shards: [shardId], shardCount });
    clients.push(client);
    client.on(Events.InteractionCreate, (interaction: Interaction) => {
      received.set(shardId, [...(received.get(shardId) ?? []), interaction.guildId ?? "dm"]);
      // A second session on the same shard loses the race to answer (40060); that is expected here.
      if (interaction.isChatInputCommand()) void interaction.reply(`shard ${shardId} here`).catch(() => undefined);
    });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(emulator.token);
    await ready;
    return client;
  }

  it("recommends its configured shard count and identify concurrency on GET /gateway/bot", async () => {
    emulator = await DiscordEmulator.start({ recommendedShards: 4, maxConcurrency: 16 });
    const info = (await new REST({ api: emulator.apiUrl }).setToken(emulator.token).get(Routes.gatewayBot())) as APIGatewayBotInfo;
    expect(info.shards).toBe(4);
    expect(info.session_start_limit.max_concurrency).toBe(16);
    expect(info.url).toBe(emulator.gatewayUrl);
  });

  it("recommends one shard by default", async () => {
    emulator = await DiscordEmulator.start();
    const info = (await new REST({ api: emulator.apiUrl }).setToken(emulator.token).get(Routes.gatewayBot())) as APIGatewayBotInfo;
    expect(info.shards).toBe(1);
  });

  it("gives each shard exactly its guilds and delivers a guild's interactions to its shard only", async () => {
    emulator = await DiscordEmulator.start({ recommendedShards: 3, ...unhurried });
    const guilds = await guildsOnEveryShard(emulator, 3);
    await new REST({ api: emulator.apiUrl }).setToken(emulator.token).put(Routes.applicationCommands(emulator.applicationId), {
      body: [{ name: "today", description: "Today's reading" }],
    });
    const received = new Map<number, string[]>();
    const shards = [await connectShard(0, 3, received), await connectShard(1, 3, received), await connectShard(2, 3, received)];

    expect(
      emulator
        .gatewaySessions()
        .map((session) => session.shard)
        .sort(),
    ).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    for (const [shardId, client] of shards.entries()) {
      const expected = guilds.filter((guild) => discordShardOf(guild.id, 3) === shardId).map((guild) => guild.id);
      expect([...client.guilds.cache.keys()].sort()).toEqual(expected.sort());
      expect(expected.length).toBeGreaterThan(0);
    }

    for (const guild of guilds) {
      const channel = emulator.createChannel(guild.id, { name: "general" });
      const member = emulator.createMember(guild.id, { username: `reader-${guild.id}` });
      const reply = await emulator.runCommand({ guildId: guild.id, channelId: channel.id, userId: member.id, name: "today" }).final();
      expect(reply.content).toBe(`shard ${discordShardOf(guild.id, 3)} here`);
    }
    for (const shardId of [0, 1, 2]) {
      const own = guilds.filter((guild) => discordShardOf(guild.id, 3) === shardId).map((guild) => guild.id);
      expect(received.get(shardId)?.sort()).toEqual(own.sort());
    }
  });

  it("announces a guild the bot joins later to the shard that holds it, and to no other", async () => {
    emulator = await DiscordEmulator.start({ recommendedShards: 2 });
    await guildsOnEveryShard(emulator, 2);
    const received = new Map<number, string[]>();
    const shards = [await connectShard(0, 2, received), await connectShard(1, 2, received)];
    const joined = emulator.createGuild({ name: "Joined Later" });
    const owner = discordShardOf(joined.id, 2);
    await until(() => shards[owner]?.guilds.cache.has(joined.id) === true, "the joined guild on its owning shard", 20);
    // A later guild of the other shard: once it has arrived there, anything sent to that shard before it has too
    // (one connection delivers in order), so the first guild's absence there is final, not "not yet".
    let later = emulator.createGuild({ name: "Joined Later Elsewhere" });
    while (discordShardOf(later.id, 2) === owner) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      later = emulator.createGuild({ name: "Joined Later Elsewhere" });
    }
    await until(() => shards[1 - owner]?.guilds.cache.has(later.id) === true, "the later guild on the other shard", 20);
    expect(shards[1 - owner]?.guilds.cache.has(joined.id)).toBe(false);
  });

  it("delivers a shard's events to every session on that shard, as Discord does when a bot runs twice", async () => {
    emulator = await DiscordEmulator.start(unhurried);
    const guild = emulator.createGuild({ name: "Twice" });
    const channel = emulator.createChannel(guild.id, { name: "general" });
    const member = emulator.createMember(guild.id, { username: "reader" });
    await new REST({ api: emulator.apiUrl }).setToken(emulator.token).put(Routes.applicationCommands(emulator.applicationId), {
      body: [{ name: "today", description: "Today's reading" }],
    });
    const first = new Map<number, string[]>();
    const second = new Map<number, string[]>();
    await connectShard(0, 1, first);
    await connectShard(0, 1, second);
    const handle = emulator.runCommand({ guildId: guild.id, channelId: channel.id, userId: member.id, name: "today" });
    expect((await handle.final()).content).toBe("shard 0 here");
    await until(() => first.get(0)?.length === 1 && second.get(0)?.length === 1, "one event on each of the two connections", 20);
  });
});
