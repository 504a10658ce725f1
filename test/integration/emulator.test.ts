import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  EmbedBuilder,
  Events,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
  StringSelectMenuBuilder,
} from "discord.js";
import type { ForumChannel, Interaction, TextChannel } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { DiscordEmulator } from "../../src/emulator/DiscordEmulator.js";
import { EmulatorUsageError } from "../../src/emulator/EmulatorUsageError.js";
import { unhurriedDeadlineMs } from "../helpers/botHarness.js";
import { startEmulatorWithClient } from "../helpers/emulatorClient.js";
import { until } from "../helpers/until.js";
import type { EmulatorWithClient } from "../helpers/emulatorClient.js";

const COMMANDS = [
  {
    name: "done",
    description: "Log an item as done",
    options: [{ type: 3, name: "item", description: "Item", required: true, autocomplete: true }],
  },
  {
    name: "cohort",
    description: "Manage cohorts",
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    options: [
      {
        type: 1,
        name: "create",
        description: "Create a cohort",
        options: [
          { type: 3, name: "name", description: "Name", required: true },
          { type: 7, name: "channel", description: "Channel", required: true, channel_types: [0] },
          { type: 4, name: "weeks", description: "Weeks", min_value: 1, max_value: 52 },
          { type: 5, name: "include_optional", description: "Optional items" },
          { type: 6, name: "facilitator", description: "Who runs it" },
        ],
      },
      {
        type: 1,
        name: "import",
        description: "Import a curriculum",
        options: [{ type: 11, name: "file", description: "Markdown file", required: true }],
      },
    ],
  },
  { name: "today", description: "Today's reading" },
];

let world: EmulatorWithClient;
let onInteraction: ((interaction: Interaction) => Promise<void>) | null = null;

beforeAll(async () => {
  // Discord's 3 s on the wall clock is tested on its own below (150 ms against a bot that answers at 300 ms); the
  // other tests are about what the emulator does, and a busy machine must not make their answers "late".
  world = await startEmulatorWithClient({ emulator: { interactionDeadlineMs: unhurriedDeadlineMs } });
  world.client.on(Events.InteractionCreate, (interaction) => {
    void onInteraction?.(interaction);
  });
  await world.rest.put(Routes.applicationGuildCommands(world.emu.applicationId, world.guild.id), { body: COMMANDS });
});

afterAll(async () => {
  await world.stop();
});

afterEach(() => {
  onInteraction = null;
});

function textChannel(id: string): TextChannel {
  const channel = world.client.channels.cache.get(id);
  if (!channel || channel.type !== ChannelType.GuildText) throw new Error(`channel ${id} is not a cached text channel`);
  return channel;
}

describe("gateway", () => {
  it("acknowledges heartbeats and announces guilds the bot joins after login", async () => {
    // Discord's interval (41.25 s), not a short one: a busy event loop reading an ACK after the next heartbeat is
    // due makes discord.js take the connection for a zombie. The emulator asks for a heartbeat at once (opcode 1).
    const beat = await startEmulatorWithClient();
    try {
      beat.emu.requestGatewayHeartbeat();
      await until(() => beat.client.ws.ping >= 0, "a heartbeat acknowledged");
      const joined = beat.emu.createGuild({ name: "Second Server" });
      const channel = beat.emu.createChannel(joined.id, { name: "lobby" });
      await until(
        () => beat.client.guilds.cache.get(joined.id)?.channels.cache.has(channel.id) === true,
        "the joined guild's channel in the client's cache",
      );
      expect(beat.client.guilds.cache.get(joined.id)?.name).toBe("Second Server");
    } finally {
      await beat.stop();
    }
  });
});

describe("the gateway's heartbeats, as a client without discord.js sees them", () => {
  it("asks a connected client for a heartbeat (opcode 1) and acknowledges the one it sends (opcode 11)", async () => {
    const emu = await DiscordEmulator.start({ logger: () => undefined });
    const socket = new WebSocket(`${emu.gatewayUrl}/?v=10&encoding=json`);
    const ops: number[] = [];
    socket.on("message", (raw: Buffer) => ops.push((JSON.parse(raw.toString("utf8")) as { op: number }).op));
    try {
      await until(() => ops.includes(10), "HELLO");
      emu.requestGatewayHeartbeat();
      await until(() => ops.includes(1), "the gateway asking for a heartbeat");
      expect(ops).not.toContain(11);
      socket.send(JSON.stringify({ op: 1, d: null }));
      await until(() => ops.includes(11), "the heartbeat acknowledged");
      // Never closed for its heartbeats' timing: the connection is still open.
      expect(socket.readyState).toBe(WebSocket.OPEN);
    } finally {
      socket.close();
      await emu.stop();
    }
  });
});

describe("logging in", () => {
  it("gives discord.js a ready client with the guild, its channels, roles and the bot member cached", () => {
    const { client, emu, guild, channelId } = world;
    expect(client.user?.id).toBe(emu.botUserId);
    expect(client.application?.id).toBe(emu.applicationId);
    const cached = client.guilds.cache.get(guild.id);
    expect(cached?.name).toBe("Study Server");
    expect(cached?.channels.cache.get(channelId)?.name).toBe("general");
    expect(cached?.roles.everyone.permissions.has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(cached?.members.me?.id).toBe(emu.botUserId);
    expect(textChannel(channelId).permissionsFor(emu.botUserId)?.has(PermissionFlagsBits.SendMessages)).toBe(true);
  });

  it("rejects REST calls with a wrong bot token with 401", async () => {
    const response = await fetch(`${world.emu.apiUrl}/v10/users/@me`, { headers: { Authorization: "Bot wrong" } });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: "401: Unauthorized", code: 0 });
  });

  it("keeps the client working after Discord asks it to reconnect (RESUME)", async () => {
    const { client, emu, guild, channelId } = world;
    const resumed = new Promise<void>((resolve) => client.once(Events.ShardResume, () => resolve()));
    emu.reconnectGateway();
    await resumed;
    // A channel created after the resume still reaches the cache through the resumed session.
    const channel = emu.createChannel(guild.id, { name: "after-resume" });
    await until(() => client.channels.cache.has(channel.id), "the new channel in the client's cache");
    const member = emu.createMember(guild.id, { username: "resumer" });
    onInteraction = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply("still here");
    };
    const handle = emu.runCommand({ guildId: guild.id, channelId, userId: member.id, name: "today" });
    expect((await handle.final()).content).toBe("still here");
  });
});

describe("gateway resume", () => {
  it("replays events missed while the connection was down", async () => {
    const { client, emu, guild } = world;
    const resumed = new Promise<void>((resolve) => client.once(Events.ShardResume, () => resolve()));
    emu.dropGatewayConnections();
    const missed = emu.createChannel(guild.id, { name: "created-while-offline" });
    await resumed;
    await until(() => client.channels.cache.has(missed.id), "the channel created while disconnected in the client's cache");
  });
});

describe("command registration", () => {
  it("stores commands put through @discordjs/rest, assigns ids and keeps them on re-registration", async () => {
    const { emu, rest, guild } = world;
    const registered = emu.registeredCommands({ guildId: guild.id });
    expect(registered.map((command) => command.name)).toEqual(["done", "cohort", "today"]);
    expect(registered.every((command) => /^\d+$/.test(command.id))).toBe(true);

    const again = (await rest.put(Routes.applicationGuildCommands(emu.applicationId, guild.id), {
      body: COMMANDS,
    })) as { id: string; name: string }[];
    expect(again.map((command) => command.id)).toEqual(registered.map((command) => command.id));
    const fetched = (await world.rest.get(Routes.applicationGuildCommands(emu.applicationId, guild.id))) as unknown[];
    expect(fetched).toHaveLength(3);
  });

  it("refuses a required option after an optional one with 50035, like Discord", async () => {
    const { emu, rest } = world;
    const bad = [
      {
        name: "broken",
        description: "x",
        options: [
          { type: 3, name: "a", description: "a" },
          { type: 3, name: "b", description: "b", required: true },
        ],
      },
    ];
    const error = await rest.put(Routes.applicationCommands(emu.applicationId), { body: bad }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 50035 });
    expect(emu.registeredCommands()).toEqual([]);
  });
});

describe("slash commands", () => {
  it("delivers options typed by the registered schema and records an ephemeral reply", async () => {
    const { emu, guild, channelId } = world;
    const admin = emu.createMember(guild.id, { username: "admin", manageGuild: true });
    const target = emu.createChannel(guild.id, { name: "backend-cohort" });
    const seen: Record<string, unknown> = {};
    onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen.subcommand = interaction.options.getSubcommand();
      seen.name = interaction.options.getString("name");
      seen.channel = interaction.options.getChannel("channel")?.id;
      seen.weeks = interaction.options.getInteger("weeks");
      seen.includeOptional = interaction.options.getBoolean("include_optional");
      seen.facilitator = interaction.options.getUser("facilitator")?.username;
      seen.canManage = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild);
      seen.locale = interaction.locale;
      await interaction.reply({ content: `Created ${seen.name as string}`, flags: MessageFlags.Ephemeral });
    };
    const streamed: { type: number; ephemeral: boolean }[] = [];
    emu.once("interactionResponse", (event) => streamed.push({ type: event.type, ephemeral: event.ephemeral }));
    const handle = emu.runCommand({
      guildId: guild.id,
      channelId,
      userId: admin.id,
      name: "cohort",
      options: {
        subcommand: "create",
        name: "Backend Spring",
        channel: target.id,
        weeks: 12,
        include_optional: true,
        facilitator: admin.id,
      },
    });
    const response = await handle.response();
    expect(seen).toEqual({
      subcommand: "create",
      name: "Backend Spring",
      channel: target.id,
      weeks: 12,
      includeOptional: true,
      facilitator: "admin",
      canManage: true,
      locale: "en-US",
    });
    expect(response.type).toBe(4);
    expect(response.ephemeral).toBe(true);
    expect(response.message?.content).toBe("Created Backend Spring");
    expect(handle.failed).toBe(false);
    expect(handle.respondedWithinMs).not.toBeNull();
    expect(streamed).toEqual([{ type: 4, ephemeral: true }]);
    // Ephemeral replies are not part of the channel as others see it.
    expect(emu.channelMessages(channelId).some((m) => m.content === "Created Backend Spring")).toBe(false);
    expect(emu.channelMessages(channelId, { includeEphemeral: true }).some((m) => m.content === "Created Backend Spring")).toBe(true);
  });

  it("serves attachment options from the emulator so the bot can download them", async () => {
    const { emu, guild, channelId } = world;
    const admin = emu.createMember(guild.id, { username: "importer", manageGuild: true });
    onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const file = interaction.options.getAttachment("file", true);
      const text = await (await fetch(file.url)).text();
      await interaction.reply({ content: `${file.name}: ${text.length} chars, first line "${text.split("\n")[0]}"` });
    };
    const content = "# Week 1-2: Databases\n- [ ] Required -- Storage Engines (30 min)\n";
    const handle = emu.runCommand({
      guildId: guild.id,
      channelId,
      userId: admin.id,
      name: "cohort import",
      options: { file: { name: "path.md", content } },
    });
    expect((await handle.final()).content).toBe(`path.md: ${content.length} chars, first line "# Week 1-2: Databases"`);
  });

  it("supports deferReply, editReply and followUp, and tells members without Manage Server apart", async () => {
    const { emu, guild, channelId } = world;
    const member = emu.createMember(guild.id, { username: "bob" });
    onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      const canManage = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
      await interaction.editReply(`manage=${String(canManage)}`);
      await interaction.followUp({ content: "one more thing", flags: MessageFlags.Ephemeral });
    };
    const handle = emu.runCommand({ guildId: guild.id, channelId, userId: member.id, name: "today" });
    const first = await handle.response();
    expect(first.type).toBe(5);
    expect(first.message?.loading).toBe(true);
    const final = await handle.final();
    expect(final.content).toBe("manage=false");
    expect(final.loading).toBe(false);
    const followUps = await handle.waitForFollowUps(1);
    expect(followUps.map((m) => [m.content, m.ephemeral])).toEqual([["one more thing", true]]);
  });

  it("turns the first follow-up after a deferral into the reply, keeping the deferral's ephemerality", async () => {
    const { emu, guild, channelId } = world;
    const member = emu.createMember(guild.id, { username: "beth" });
    onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.followUp("Here is your week");
      await interaction.followUp("And a second note");
    };
    const handle = emu.runCommand({ guildId: guild.id, channelId, userId: member.id, name: "today" });
    const final = await handle.final();
    expect([final.content, final.ephemeral]).toEqual(["Here is your week", true]);
    const followUps = await handle.waitForFollowUps(1);
    expect(followUps.map((m) => [m.content, m.ephemeral])).toEqual([["And a second note", false]]);
  });

  it("returns the InteractionCallbackResponse shape for withResponse", async () => {
    const { emu, guild, channelId } = world;
    const member = emu.createMember(guild.id, { username: "carol" });
    let responseContent: string | undefined;
    onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({ content: "with response", withResponse: true });
      responseContent = response.resource?.message?.content;
    };
    await emu.runCommand({ guildId: guild.id, channelId, userId: member.id, name: "today" }).final();
    await until(() => responseContent !== undefined, "the interaction's response");
    expect(responseContent).toBe("with response");
  });

  it("throws a clear usage error for unregistered commands, unknown or missing options and hidden commands", () => {
    const { emu, guild, channelId } = world;
    const member = emu.createMember(guild.id, { username: "dave" });
    const admin = emu.createMember(guild.id, { username: "erin", manageGuild: true });
    const base = { guildId: guild.id, channelId, userId: member.id };
    expect(() => emu.runCommand({ ...base, name: "nope" })).toThrow(/No command \/nope is registered/);
    expect(() => emu.runCommand({ ...base, name: "done", options: { item: "x", colour: "red" } })).toThrow(/no option "colour"/);
    expect(() => emu.runCommand({ ...base, name: "done" })).toThrow(/needs option "item"/);
    expect(() => emu.runCommand({ ...base, userId: admin.id, name: "cohort create", options: { name: "x", channel: "123" } })).toThrow(
      EmulatorUsageError,
    );
    expect(() => emu.runCommand({ ...base, userId: admin.id, name: "cohort", options: { name: "x", channel: channelId } })).toThrow(
      /needs a sub-command; one of: create, import/,
    );
    // /cohort needs Manage Server by default, so Discord would not even offer it to this member.
    expect(() => emu.runCommand({ ...base, name: "cohort create", options: { name: "x", channel: channelId } })).toThrow(
      /would not offer \/cohort/,
    );
  });

  it("marks interactions the bot does not acknowledge in time as failed and refuses late callbacks", async () => {
    const fast = await startEmulatorWithClient({ emulator: { interactionDeadlineMs: 150 } });
    try {
      await fast.rest.put(Routes.applicationGuildCommands(fast.emu.applicationId, fast.guild.id), { body: COMMANDS });
      const member = fast.emu.createMember(fast.guild.id, { username: "slowpoke" });
      let lateError: unknown;
      const lateReplyDone = new Promise<void>((resolve) => {
        fast.client.on(Events.InteractionCreate, (interaction) => {
          if (!interaction.isChatInputCommand()) return;
          setTimeout(() => {
            interaction
              .reply("too late")
              .catch((error: unknown) => (lateError = error))
              .finally(resolve);
          }, 300);
        });
      });
      const failed = new Promise((resolve) => fast.emu.once("interactionFailed", resolve));
      const handle = fast.emu.runCommand({ guildId: fast.guild.id, channelId: fast.channelId, userId: member.id, name: "today" });
      await expect(handle.response()).rejects.toThrow(/not acknowledged within 150 ms/);
      await failed;
      expect(handle.failed).toBe(true);
      await lateReplyDone;
      expect(lateError).toMatchObject({ status: 404, code: 10062 });
    } finally {
      await fast.stop();
    }
  });
});

describe("autocomplete", () => {
  it("sends the focused option and returns the bot's choices", async () => {
    const { emu, guild, channelId } = world;
    const member = emu.createMember(guild.id, { username: "frank" });
    const items = ["Storage Engines", "B-Tree Indexes", "Stored Procedures"];
    onInteraction = async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const focused = interaction.options.getFocused(true);
      const typed = focused.value.toLowerCase();
      await interaction.respond(
        items.filter((item) => item.toLowerCase().includes(typed)).map((item) => ({ name: `${focused.name}: ${item}`, value: item })),
      );
    };
    const choices = await emu.autocomplete({
      guildId: guild.id,
      channelId,
      userId: member.id,
      name: "done",
      options: { item: "sto" },
      focused: "item",
    });
    expect(choices).toEqual([
      { name: "item: Storage Engines", value: "Storage Engines" },
      { name: "item: Stored Procedures", value: "Stored Procedures" },
    ]);
  });
});

describe("buttons", () => {
  function doneButtonRow(customId: string) {
    return new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId(customId).setLabel("Mark done").setStyle(ButtonStyle.Success),
    );
  }

  it("sends channel messages with embeds and components, and answers a click with update", async () => {
    const { emu, guild, channelId } = world;
    const member = emu.createMember(guild.id, { username: "gina" });
    const sent = await textChannel(channelId).send({
      content: "Week 1 assignment",
      embeds: [new EmbedBuilder().setTitle("Week 1").setDescription("Storage Engines (30 min)")],
      components: [doneButtonRow("done:storage")],
    });
    const stored = emu.message(sent.id);
    expect(stored?.embeds[0]?.title).toBe("Week 1");
    expect(stored?.components).toHaveLength(1);
    expect(sent.embeds[0]?.description).toBe("Storage Engines (30 min)");

    onInteraction = async (interaction) => {
      if (!interaction.isButton()) return;
      await interaction.update({ content: `Done: ${interaction.customId} by ${interaction.user.username}`, components: [] });
    };
    const handle = emu.clickButton({ userId: member.id, messageId: sent.id, customId: "done:storage" });
    const response = await handle.response();
    expect(response.type).toBe(7);
    const updated = await handle.final();
    expect(updated.id).toBe(sent.id);
    expect(updated.content).toBe("Done: done:storage by gina");
    expect(emu.message(sent.id)?.components).toEqual([]);
    expect(() => emu.clickButton({ userId: member.id, messageId: sent.id, customId: "done:storage" })).toThrow(/has no component/);
  });

  it("delivers select menu choices", async () => {
    const { emu, guild, channelId } = world;
    const member = emu.createMember(guild.id, { username: "mia" });
    const menu = new StringSelectMenuBuilder()
      .setCustomId("checkpoint")
      .addOptions({ label: "Confident", value: "confident" }, { label: "Not yet", value: "not_yet" });
    const sent = await textChannel(channelId).send({
      content: "How do you feel?",
      components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)],
    });
    onInteraction = async (interaction) => {
      if (interaction.isStringSelectMenu())
        await interaction.reply({ content: `Noted: ${interaction.values.join(",")}`, flags: MessageFlags.Ephemeral });
    };
    const final = await emu.selectMenu({ userId: member.id, messageId: sent.id, customId: "checkpoint", values: ["not_yet"] }).final();
    expect([final.content, final.ephemeral]).toEqual(["Noted: not_yet", true]);
    expect(() => emu.clickButton({ userId: member.id, messageId: sent.id, customId: "checkpoint" })).toThrow(/not a button/);
  });

  it("lets the invoking user click buttons on an ephemeral reply, and nobody else", async () => {
    const { emu, guild, channelId } = world;
    const member = emu.createMember(guild.id, { username: "hank" });
    const other = emu.createMember(guild.id, { username: "ivy" });
    onInteraction = async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({ content: "Today", components: [doneButtonRow("done:today")], flags: MessageFlags.Ephemeral });
      } else if (interaction.isButton()) {
        await interaction.deferUpdate();
        await interaction.editReply({ content: "Today (1 done)" });
      }
    };
    const command = emu.runCommand({ guildId: guild.id, channelId, userId: member.id, name: "today" });
    const reply = await command.final();
    expect(() => emu.clickButton({ userId: other.id, messageId: reply.id, customId: "done:today" })).toThrow(/ephemeral/);
    const click = emu.clickButton({ userId: member.id, messageId: reply.id, customId: "done:today" });
    expect((await click.response()).type).toBe(6);
    const final = await click.final();
    expect(final.id).toBe(reply.id);
    expect(final.content).toBe("Today (1 done)");
    expect(final.ephemeral).toBe(true);
  });

  it("after a deferred update, a follow-up is a new message and the clicked one changes only when @original is edited", async () => {
    const { emu, guild, channelId } = world;
    const member = emu.createMember(guild.id, { username: "kit" });
    const sent = await textChannel(channelId).send({ content: "Roster page 1", components: [doneButtonRow("roster:next")] });
    onInteraction = async (interaction) => {
      if (!interaction.isButton()) return;
      await interaction.deferUpdate();
      // Unlike after a deferred reply (type 5), the first follow-up does not become the response.
      await interaction.followUp({ content: "Not now", flags: MessageFlags.Ephemeral });
      await interaction.editReply({ content: "Roster page 2" });
    };
    const click = emu.clickButton({ userId: member.id, messageId: sent.id, customId: "roster:next" });
    const response = await click.response();
    expect([response.type, response.message?.id, response.message?.loading]).toEqual([6, sent.id, false]);
    const [followUp] = await click.waitForFollowUps(1);
    expect([followUp?.content, followUp?.ephemeral, followUp?.visibleToUserId, followUp?.id === sent.id]).toEqual([
      "Not now",
      true,
      member.id,
      false,
    ]);
    const final = await click.final();
    expect([final.id, final.content, final.ephemeral]).toEqual([sent.id, "Roster page 2", false]);
  });

  it("handles button clicks in DMs, and refuses DMs to users who closed them with 50007", async () => {
    const { emu, guild, client } = world;
    const member = emu.createMember(guild.id, { username: "jane" });
    const closed = emu.createMember(guild.id, { username: "kim", dmsClosed: true });
    const user = await client.users.fetch(member.id);
    const dm = await user.send({ content: "Reminder: 2 items left", components: [doneButtonRow("remind:snooze")] });
    expect(emu.dmMessages(member.id).map((m) => m.content)).toEqual(["Reminder: 2 items left"]);

    onInteraction = async (interaction) => {
      if (interaction.isButton()) await interaction.update({ content: `Snoozed (in guild: ${String(interaction.inGuild())})` });
    };
    const final = await emu.clickButton({ userId: member.id, messageId: dm.id, customId: "remind:snooze" }).final();
    expect(final.content).toBe("Snoozed (in guild: false)");

    const closedUser = await client.users.fetch(closed.id);
    const error = await closedUser.send("hello").catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "DiscordAPIError[50007]", status: 403, code: 50007 });
    expect(emu.dmMessages(closed.id)).toEqual([]);
  });
});

describe("channel messages", () => {
  it("streams created and edited messages to listeners, as the playground UI needs", async () => {
    const { emu, channelId } = world;
    const seen: string[] = [];
    const onCreate = (message: { content: string }) => seen.push(`new:${message.content}`);
    const onUpdate = (message: { content: string }) => seen.push(`edit:${message.content}`);
    emu.on("message", onCreate);
    emu.on("messageUpdate", onUpdate);
    try {
      const sent = await textChannel(channelId).send("draft");
      await sent.edit("final");
      expect(seen).toEqual(["new:draft", "edit:final"]);
      expect(emu.message(sent.id)?.editedAt).not.toBeNull();
    } finally {
      emu.off("message", onCreate);
      emu.off("messageUpdate", onUpdate);
    }
  });

  it("accepts multipart uploads on messages and interaction replies and serves the files back", async () => {
    const { emu, guild, channelId } = world;
    const csv = "member,points\nalice,36\n";
    const sent = await textChannel(channelId).send({
      content: "Leaderboard export",
      files: [{ attachment: Buffer.from(csv), name: "leaderboard.csv" }],
    });
    const stored = emu.message(sent.id);
    expect(stored?.attachments.map((a) => [a.filename, a.size])).toEqual([["leaderboard.csv", csv.length]]);
    expect(await (await fetch(stored?.attachments[0]?.url ?? "")).text()).toBe(csv);

    const member = emu.createMember(guild.id, { username: "lena" });
    onInteraction = async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({ content: "Your plan", files: [{ attachment: Buffer.from("week 1"), name: "plan.txt" }] });
      }
    };
    const reply = await emu.runCommand({ guildId: guild.id, channelId, userId: member.id, name: "today" }).final();
    expect(reply.attachments.map((a) => a.filename)).toEqual(["plan.txt"]);
    expect(await (await fetch(reply.attachments[0]?.url ?? "")).text()).toBe("week 1");
  });

  it("records attachments on channel edits: new files replace, kept ids stay, an empty list clears", async () => {
    const { emu, channelId } = world;
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const sent = await textChannel(channelId).send({
      content: "Weekly chart",
      files: [{ attachment: png, name: "week.png", description: "Minutes read per day" }],
    });
    const posted = emu.message(sent.id);
    expect(posted?.attachments.map((a) => [a.filename, a.contentType, a.description])).toEqual([
      ["week.png", "image/png", "Minutes read per day"],
    ]);
    const firstId = posted?.attachments[0]?.id ?? "";

    await sent.edit({ content: "Weekly chart (updated)" });
    expect(emu.message(sent.id)?.attachments.map((a) => a.id)).toEqual([firstId]);

    const edited = await sent.edit({ files: [{ attachment: Buffer.from("v2"), name: "week-2.png" }] });
    const replaced = emu.message(sent.id)?.attachments ?? [];
    expect(replaced.map((a) => a.filename)).toEqual(["week-2.png"]);
    expect(edited.attachments.map((a) => a.name)).toEqual(["week-2.png"]);
    expect(await (await fetch(replaced[0]?.url ?? "")).text()).toBe("v2");

    await sent.edit({ attachments: [] });
    expect(emu.message(sent.id)?.attachments).toEqual([]);
  });

  it("records attachments on deferred edits (@original), follow-ups and button updates", async () => {
    const { emu, guild, channelId } = world;
    const member = emu.createMember(guild.id, { username: "pia" });
    onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply({
        content: "Your card",
        files: [{ attachment: Buffer.from("card"), name: "progress.png", description: "Progress card" }],
      });
      await interaction.followUp({ content: "And the chart", files: [{ attachment: Buffer.from("chart"), name: "chart.png" }] });
    };
    const handle = emu.runCommand({ guildId: guild.id, channelId, userId: member.id, name: "today" });
    expect((await handle.response()).message?.attachments).toEqual([]);
    const final = await handle.final();
    expect(final.attachments.map((a) => [a.filename, a.description])).toEqual([["progress.png", "Progress card"]]);
    expect(await (await fetch(final.attachments[0]?.url ?? "")).text()).toBe("card");
    const [followUp] = await handle.waitForFollowUps(1);
    expect(followUp?.attachments.map((a) => a.filename)).toEqual(["chart.png"]);
    expect(await (await fetch(followUp?.attachments[0]?.url ?? "")).text()).toBe("chart");

    const source = await textChannel(channelId).send({
      content: "Board",
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId("board:refresh").setLabel("Refresh").setStyle(ButtonStyle.Secondary),
        ),
      ],
    });
    onInteraction = async (interaction) => {
      if (!interaction.isButton()) return;
      await interaction.update({ files: [{ attachment: Buffer.from("board"), name: "board.png" }] });
    };
    await emu.clickButton({ userId: member.id, messageId: source.id, customId: "board:refresh" }).final();
    expect(emu.message(source.id)?.attachments.map((a) => a.filename)).toEqual(["board.png"]);
  });

  it("records allowed_mentions and does not ping @everyone when the bot disallows it", async () => {
    const { emu, channelId } = world;
    const sent = await textChannel(channelId).send({ content: "@everyone read this", allowedMentions: { parse: [] } });
    const stored = emu.message(sent.id);
    expect(stored?.allowedMentions).toEqual({ parse: [] });
    expect(stored?.mentions.everyone).toBe(false);
  });

  it("answers 403 Missing Permissions (50013) in a channel where the bot may not send", async () => {
    const { emu, guild, client } = world;
    const locked = emu.createChannel(guild.id, { name: "read-only", botCanSend: false });
    await until(() => client.channels.cache.has(locked.id), "the locked channel in the client's cache");
    const channel = textChannel(locked.id);
    expect(channel.permissionsFor(emu.botUserId)?.has(PermissionFlagsBits.SendMessages)).toBe(false);
    expect(emu.guildSnapshot(guild.id).channels.find((c) => c.id === locked.id)).toMatchObject({
      botCanView: true,
      botCanSend: false,
    });
    const error = await channel.send("hi").catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "DiscordAPIError[50013]", status: 403, code: 50013 });
    expect(emu.channelMessages(locked.id)).toEqual([]);
  });

  it("refuses a message with files (403 Missing Permissions, 50013) where the bot may not attach files, and takes it without them", async () => {
    const { emu, guild, client } = world;
    const noFiles = emu.createChannel(guild.id, { name: "no-files", botCanAttachFiles: false });
    await until(() => client.channels.cache.has(noFiles.id), "the no-files channel in the client's cache");
    const channel = textChannel(noFiles.id);
    expect(channel.permissionsFor(emu.botUserId)?.has(PermissionFlagsBits.AttachFiles)).toBe(false);
    expect(channel.permissionsFor(emu.botUserId)?.has(PermissionFlagsBits.SendMessages)).toBe(true);
    const chart = { attachment: Buffer.from("chart"), name: "week-2.png" };
    const error = await channel.send({ content: "Week 2", files: [chart] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "DiscordAPIError[50013]", status: 403, code: 50013, message: "Missing Permissions" });
    expect(emu.channelMessages(noFiles.id)).toEqual([]);
    await channel.send({ content: "Week 2" });
    expect(emu.channelMessages(noFiles.id).map((m) => [m.content, m.attachments.length])).toEqual([["Week 2", 0]]);

    // An admin gives it back (as other denials, through setBotChannelPermissions): files go through again.
    emu.setBotChannelPermissions(noFiles.id, { botCanAttachFiles: true });
    await until(
      () => textChannel(noFiles.id).permissionsFor(emu.botUserId)?.has(PermissionFlagsBits.AttachFiles) === true,
      "Attach Files given back in the client's cache",
    );
    await textChannel(noFiles.id).send({ content: "Week 3", files: [chart] });
    expect(emu.channelMessages(noFiles.id).map((m) => m.attachments.length)).toEqual([0, 1]);
    // Changing another permission keeps the Attach Files denial as it was.
    emu.setBotChannelPermissions(noFiles.id, { botCanAttachFiles: false });
    emu.setBotChannelPermissions(noFiles.id, { botCanCreateThreads: false });
    const refused = await world.rest
      .post(Routes.channelMessages(noFiles.id), { body: { content: "Week 4" }, files: [{ name: "c.png", data: Buffer.from("c") }] })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 403, code: 50013 });
  });

  it("drops a message's embeds where the bot may not embed links, and refuses one left empty (400 Cannot send an empty message)", async () => {
    const { emu, guild, client, rest } = world;
    const noEmbeds = emu.createChannel(guild.id, { name: "no-embeds", botCanEmbedLinks: false });
    await until(() => client.channels.cache.has(noEmbeds.id), "the no-embeds channel in the client's cache");
    const channel = textChannel(noEmbeds.id);
    const card = new EmbedBuilder().setTitle("Week 2").setDescription("Read chapter 2");
    const error = await channel.send({ embeds: [card] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 50006, message: "Cannot send an empty message" });
    expect(emu.channelMessages(noEmbeds.id)).toEqual([]);
    // With anything else to show, the message goes out without its embeds, and no error says so.
    const sent = await channel.send({ content: "Week 2", embeds: [card] });
    expect(sent.embeds).toEqual([]);
    const chart = { name: "week-2.png", data: Buffer.from("chart") };
    await rest.post(Routes.channelMessages(noEmbeds.id), { body: { embeds: [card.toJSON()] }, files: [chart] });
    expect(emu.channelMessages(noEmbeds.id).map((m) => [m.content, m.embeds.length, m.attachments.length])).toEqual([
      ["Week 2", 0, 0],
      ["", 0, 1],
    ]);
    // An edit loses its embeds the same way, and one that would leave the message empty is refused.
    const edited = await sent.edit({ content: "Week 2, edited", embeds: [card] });
    expect([edited.content, edited.embeds]).toEqual(["Week 2, edited", []]);
    const emptied = await sent.edit({ content: "", embeds: [card] }).catch((e: unknown) => e);
    expect(emptied).toMatchObject({ status: 400, code: 50006 });

    // Given Embed Links back, the bot's embeds show again.
    emu.setBotChannelPermissions(noEmbeds.id, { botCanEmbedLinks: true });
    await until(
      () => textChannel(noEmbeds.id).permissionsFor(emu.botUserId)?.has(PermissionFlagsBits.EmbedLinks) === true,
      "Embed Links given back in the client's cache",
    );
    expect((await textChannel(noEmbeds.id).send({ embeds: [card] })).embeds.map((embed) => embed.title)).toEqual(["Week 2"]);
  });

  it("answers 403 Missing Access (50001) where the bot cannot even see the channel", async () => {
    const { emu, guild, rest } = world;
    const hidden = emu.createChannel(guild.id, { name: "mods", botCanView: false });
    const error = await rest.post(Routes.channelMessages(hidden.id), { body: { content: "hi" } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, code: 50001 });
  });

  it("answers Unknown Channel (10003) for a deleted channel and removes it from the client's cache", async () => {
    const { emu, guild, client, rest } = world;
    const doomed = emu.createChannel(guild.id, { name: "doomed" });
    await until(() => client.channels.cache.has(doomed.id), "the channel to delete in the client's cache");
    emu.deleteChannel(doomed.id);
    await until(() => !client.channels.cache.has(doomed.id), "the deleted channel gone from the client's cache");
    const error = await rest.post(Routes.channelMessages(doomed.id), { body: { content: "hi" } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 10003 });
  });

  it("returns the earlier message for a repeated nonce with enforce_nonce", async () => {
    const { emu, channelId } = world;
    const channel = textChannel(channelId);
    const before = emu.channelMessages(channelId).length;
    const first = await channel.send({ content: "weekly post", nonce: "week-1-post", enforceNonce: true });
    const second = await channel.send({ content: "weekly post", nonce: "week-1-post", enforceNonce: true });
    expect(second.id).toBe(first.id);
    expect(emu.channelMessages(channelId)).toHaveLength(before + 1);
    const third = await channel.send({ content: "weekly post", nonce: "week-2-post", enforceNonce: true });
    expect(third.id).not.toBe(first.id);
    // As on Discord, the nonce is echoed when the message is created, not stored with it.
    expect(first.nonce).toBe("week-1-post");
    const listed = (await world.rest.get(Routes.channelMessages(channelId), { query: new URLSearchParams({ limit: "5" }) })) as Record<
      string,
      unknown
    >[];
    const fetched = (await world.rest.get(Routes.channelMessage(channelId, first.id))) as Record<string, unknown>;
    expect(listed.find((message) => message.id === first.id)).not.toHaveProperty("nonce");
    expect(fetched).not.toHaveProperty("nonce");
  });

  it("refuses a repeated nonce whose message was deleted since with Unknown Message (10008), as Discord does", async () => {
    const { emu, channelId } = world;
    const channel = textChannel(channelId);
    const first = await channel.send({ content: "weekly post", nonce: "deleted-post", enforceNonce: true });
    emu.deleteMessage(first.id);
    const again = await channel.send({ content: "weekly post", nonce: "deleted-post", enforceNonce: true }).catch((e: unknown) => e);
    expect(again).toMatchObject({ status: 404, code: 10008 });
    expect(
      emu.channelMessages(channelId).filter((message) => message.content === "weekly post" && message.nonce === "deleted-post"),
    ).toEqual([]);
  });

  it("answers a repeated nonce with its message as a moderator left it, SUPPRESS_EMBEDS set and its embeds hidden", async () => {
    const { emu, channelId } = world;
    const channel = textChannel(channelId);
    const first = await channel.send({ embeds: [{ title: "Week 1" }], nonce: "suppressed-post", enforceNonce: true });
    emu.suppressEmbeds(first.id);
    const again = (await world.rest.post(Routes.channelMessages(channelId), {
      body: { embeds: [{ title: "Week 1" }], nonce: "suppressed-post", enforce_nonce: true },
    })) as { id: string; flags: number; embeds: unknown[] };
    expect(again).toMatchObject({ id: first.id, embeds: [] });
    expect(again.flags & MessageFlags.SuppressEmbeds).not.toBe(0);
    expect(emu.message(first.id)?.embeds).toEqual([]);
    // Discord keeps the embeds, the flag only hides them: clearing it shows them again.
    const shown = (await world.rest.patch(Routes.channelMessage(channelId, first.id), { body: { flags: 0 } })) as {
      embeds: { title?: string }[];
    };
    expect(shown.embeds.map((embed) => embed.title)).toEqual(["Week 1"]);
    expect(emu.message(first.id)?.embeds.map((embed) => embed.title)).toEqual(["Week 1"]);
  });

  it("carries out a request whose answer it loses (afterHandling) and keeps a change the bot did not hear (unheard)", async () => {
    const { emu, guild, client, rest } = world;
    const quiet = emu.createChannel(guild.id, { name: "quiet" });
    await until(() => client.channels.cache.has(quiet.id), "the quiet channel in the client's cache");
    emu.failNext(`POST /channels/${quiet.id}/messages`, 400, 1, { afterHandling: true });
    const lost = await rest.post(Routes.channelMessages(quiet.id), { body: { content: "stored" } }).catch((e: unknown) => e);
    expect(lost).toMatchObject({ status: 400 });
    expect(emu.channelMessages(quiet.id).map((message) => message.content)).toEqual(["stored"]);
    // A request the route refuses does not use up such a fault: the next one carried out loses its answer.
    emu.failNext(`POST /channels/${quiet.id}/messages`, 400, 1, { afterHandling: true, body: { message: "lost", code: 0 } });
    const empty = await rest.post(Routes.channelMessages(quiet.id), { body: { content: "" } }).catch((e: unknown) => e);
    expect(empty).toMatchObject({ status: 400, code: 50006 });
    const lostToo = await rest.post(Routes.channelMessages(quiet.id), { body: { content: "stored too" } }).catch((e: unknown) => e);
    expect(lostToo).toMatchObject({ status: 400, code: 0 });
    expect(emu.channelMessages(quiet.id).map((message) => message.content)).toEqual(["stored", "stored too"]);

    emu.setBotChannelPermissions(quiet.id, { botCanEmbedLinks: false }, { unheard: true });
    const posted = (await rest.post(Routes.channelMessages(quiet.id), { body: { content: "words", embeds: [{ title: "Card" }] } })) as {
      embeds: unknown[];
    };
    expect(posted.embeds).toEqual([]);
    const cached = client.channels.cache.get(quiet.id);
    const me = cached !== undefined && !cached.isDMBased() ? cached.guild.members.me : null;
    if (cached === undefined || cached.isDMBased() || me === null) throw new Error("the quiet channel or the bot's member is not cached");
    expect(cached.permissionsFor(me).has(PermissionFlagsBits.EmbedLinks)).toBe(true);
  });

  it("rejects a 4000-character message and oversized embeds with 50035", async () => {
    const { emu, channelId } = world;
    const channel = textChannel(channelId);
    const before = emu.channelMessages(channelId).length;
    const long = await channel.send("x".repeat(4000)).catch((e: unknown) => e);
    expect(long).toMatchObject({ status: 400, code: 50035 });
    expect((long as Error).message).toContain("content[BASE_TYPE_MAX_LENGTH]: Must be 2000 or fewer in length.");

    const embeds = [1, 2].map((n) => new EmbedBuilder().setTitle(`Part ${n}`).setDescription("y".repeat(3500)));
    const big = await channel.send({ embeds }).catch((e: unknown) => e);
    expect(big).toMatchObject({ status: 400, code: 50035 });
    expect((big as Error).message).toContain("Embed size exceeds maximum size of 6000");
    expect(emu.channelMessages(channelId)).toHaveLength(before);
  });

  it("starts threads from messages and posts in forum channels", async () => {
    const { emu, guild, client, channelId } = world;
    const post = await textChannel(channelId).send("Week 2 assignment");
    const thread = await post.startThread({ name: "Week 2 discussion" });
    expect(thread.id).toBe(post.id);
    await thread.send("Discuss here");
    expect(emu.channelMessages(thread.id).map((m) => m.content)).toEqual(["Discuss here"]);

    const forumRef = emu.createChannel(guild.id, { name: "questions", type: "forum" });
    await until(() => client.channels.cache.has(forumRef.id), "the forum channel in the client's cache");
    const forum = client.channels.cache.get(forumRef.id) as ForumChannel;
    const forumPost = await forum.threads.create({ name: "Week 1 questions", message: { content: "Ask away" } });
    expect(emu.channelMessages(forumPost.id).map((m) => m.content)).toEqual(["Ask away"]);

    const noThreads = emu.createChannel(guild.id, { name: "no-threads", botCanCreateThreads: false });
    await until(() => client.channels.cache.has(noThreads.id), "the channel without threads in the client's cache");
    const blockedPost = await textChannel(noThreads.id).send("Week 3 assignment");
    const error = await blockedPost.startThread({ name: "Week 3" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, code: 50013 });
  });
});

describe("routing and faults", () => {
  it("answers unknown routes with Discord's 404 and reports them to the logger", async () => {
    const { rest, logs, emu } = world;
    const error = await rest.get("/not/a/route").catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, rawError: { message: "404: Not Found", code: 0 } });
    expect(logs.some((log) => log.message === "unknown REST route" && log.details?.path === "/not/a/route")).toBe(true);
    expect(emu.requestLog().at(-1)).toMatchObject({ method: "GET", path: "/not/a/route", route: null, status: 404 });
  });

  it("fails the next matching requests on demand; discord.js retries 5xx and then succeeds", async () => {
    const { emu, channelId } = world;
    emu.clearRequestLog();
    emu.failNext("POST /channels/:channelId/messages", 500, 2);
    const sent = await textChannel(channelId).send("after two failures");
    expect(emu.message(sent.id)?.content).toBe("after two failures");
    const statuses = emu
      .requestLog()
      .filter((entry) => entry.route === "/channels/:channelId/messages" && entry.method === "POST")
      .map((entry) => [entry.status, entry.injected]);
    expect(statuses).toEqual([
      [500, true],
      [500, true],
      [200, false],
    ]);

    emu.failNext(`POST /channels/${channelId}/messages`, 503, 4);
    const error = await textChannel(channelId)
      .send("gives up")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "HTTPError", status: 503 });
  });
});

describe("shutdown", () => {
  it("closes the HTTP server and gateway so nothing answers afterwards", async () => {
    const emu = await DiscordEmulator.start();
    const url = `${emu.apiUrl}/v10/gateway`;
    expect((await fetch(url)).status).toBe(200);
    await emu.stop();
    await expect(fetch(url)).rejects.toThrow();
  });
});
