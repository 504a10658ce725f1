/**
 * DiscordEmulator — a small in-memory Discord (API v10) on 127.0.0.1 that the real discord.js v14
 * client logs in to (REST JSON/multipart + JSON gateway without compression). Tests and the local
 * playground drive it; nothing leaves the machine.
 *
 *   const emu = await DiscordEmulator.start({ port?: 0, token?, logger?, interactionDeadlineMs? });
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emu.apiUrl } });
 *   await client.login(emu.token);            // ... later: await client.destroy(); await emu.stop();
 *
 * Properties: apiUrl (`http://127.0.0.1:PORT/api`; discord.js appends /v10), baseUrl, gatewayUrl,
 *   token, applicationId, botUserId (equal to the application id, as for modern apps).
 * World: createGuild({ name, botPermissions? }) → EmulatorGuild; createChannel(guildId, { name,
 *   type?: "text" | "forum" | "announcement", botCanSend?, botCanEmbedLinks?, botCanView?, botCanCreateThreads?, botCanAttachFiles?, botCanReadHistory? });
 *   setBotChannelPermissions(channelId, {...}); deleteChannel(id); createRole(guildId, {...}); deleteRole(guildId, roleId);
 *   createUser({...}); addMember(guildId, userId, {...}); removeMember(guildId, userId); createMember(guildId, { username,
 *   displayName?, manageGuild?, dmsClosed? }) → { id }; setMemberManageGuild(); setMemberRoles(guildId,
 *   userId, roleIds) (an admin giving or taking roles); setMemberNick(guildId, userId, nick); setDmsClosed(); setUserLocale(); removeBotFromGuild(guildId,
 *   { outage? }) and restoreBotToGuild(guildId) (also while the bot is offline: its next READY shows it);
 *   afterNextReady(action) runs `action` right after the next session's READY (a change while it starts).
 *   Changes made after the bot connected reach it as gateway events (GUILD_CREATE, CHANNEL_CREATE/
 *   UPDATE/DELETE, THREAD_DELETE, GUILD_ROLE_CREATE/DELETE; GUILD_MEMBER_ADD/UPDATE with Guild Members).
 * Users acting: runCommand({ guildId, channelId, userId, name, options? }) → InteractionHandle.
 *   Options are typed by the registered schema; `name: "cohort create"` or `options.subcommand`
 *   (and `options.subcommandGroup`) pick sub-commands; users/channels/roles by id; files as
 *   { name, content, contentType? } served under /attachments/. Usage mistakes (unregistered
 *   command, unknown/missing option, a command Discord would hide) throw EmulatorUsageError.
 *   deleteMessage(messageId): a moderator deletes a message (MESSAGE_DELETE reaches the bot); suppressEmbeds(messageId):
 *   a moderator removes its embeds (SUPPRESS_EMBEDS set: Discord keeps them, hidden). setBotChannelPermissions(channelId, access,
 *   { unheard: true }): a permission change whose CHANNEL_UPDATE has not reached the bot.
 *   autocomplete({ ..., focused }) → Promise<choices>; clickButton({ userId, messageId, customId })
 *   and selectMenu({ ..., values }) → InteractionHandle (channel messages, ephemeral replies, DMs).
 *   InteractionHandle: response({ timeoutMs? }) (first callback), final({ timeoutMs? }) (the
 *   message once it has real content), followUps(), waitForFollowUps(n), originalMessage(),
 *   respondedWithinMs, failed.
 * Inspection: channelMessages(channelId, { includeEphemeral? }), dmMessages(userId), message(id),
 *   guilds(), guildSnapshot(guildId), registeredCommands({ guildId? }), requestLog(),
 *   clearRequestLog(), gatewaySessions().
 * Rate limits (off by default): start option rateLimits { globalPerSecond?, perRoute?: { limit,
 *   windowMs } } answers like Discord (429 with retry_after and global, X-RateLimit-Limit/Remaining/
 *   Reset/Reset-After/Bucket/Global/Scope headers); holdRateLimit(channelId, retryAfterMs) limits one channel
 *   until releaseRateLimit(channelId).
 * Faults: failNext(matcher, status, times = 1, { body?, retryAfterSeconds?, afterHandling? }) (afterHandling: the
 *   request is carried out, then answered with the fault, as an answer lost on the way; one refused or rate-limited does not use it up) where matcher is
 *   "POST /channels/:channelId/messages" (template or concrete path, method optional), a RegExp on
 *   "METHOD /path", or a predicate; reconnectGateway() (opcode 7 → RESUME); requestGatewayHeartbeat() (opcode 1 → heartbeat, ACK 11);
 *   dropGatewayConnections() (network cut → RESUME with replay); holdNext(matcher) → { arrived,
 *   release() }: the next matching request's answer (read on arrival) is delivered only once released.
 * Sharding: GET /gateway/bot recommends `recommendedShards` (start option, default 1) with
 *   `maxConcurrency`; IDENTIFY with shard [id, count] gets only the guilds where
 *   (guild_id >> 22) % count === id, and each guild's events (interactions included) go to the
 *   sessions of that shard only; DMs go to shard 0. Several sessions on the same shard all get
 *   its events, as on Discord (two copies of a bot both answer).
 * Events (emu.on): message, messageUpdate, messageDelete, interaction, interactionResponse,
 *   interactionFailed, request.
 * Discord rules enforced: bot token on REST (401); per-channel permissions (50001 Missing Access
 *   without View Channel, 50013 Missing Permissions without Send Messages / Attach Files / Create
 *   Public Threads); Unknown Channel 10003; DMs to users who closed them 50007; message and embed
 *   limits 50035; empty messages 50006; the 3 s acknowledgement deadline (late callbacks get 10062)
 *   and double acknowledgement (40060); nonce dedupe with enforce_nonce for `nonceWindowMs` (on the `now`
 *   clock; a nonce whose message was deleted since is refused with Unknown Message 10008), the nonce echoed only when a message is created (not when listed or fetched); the first follow-up after
 *   a deferred reply becomes that reply. Destroy discord.js clients before `stop()`: a client
 *   whose server vanished keeps retrying.
 */
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ChannelType, GatewayDispatchEvents, GatewayIntentBits, OverwriteType, PermissionFlagsBits } from "discord-api-types/v10";
import type { APIApplicationCommand } from "discord-api-types/v10";
import { applicationRoutes } from "./applicationRoutes.js";
import { channelRoutes } from "./channelRoutes.js";
import type { EmulatorContext } from "./EmulatorContext.js";
import { sendPermissionFor } from "./EmulatorContext.js";
import { EmulatorGateway } from "./EmulatorGateway.js";
import type { GatewaySessionInfo } from "./EmulatorGateway.js";
import type { EmulatorLogger } from "./emulatorLogger.js";
import { silentLogger } from "./emulatorLogger.js";
import { DEFAULT_BOT_PERMISSIONS, EmulatorState, isThreadType } from "./EmulatorState.js";
import type { StoredGuild, StoredMessage, StoredOverwrite } from "./EmulatorState.js";
import { EmulatorUsageError } from "./EmulatorUsageError.js";
import { guildRoutes } from "./guildRoutes.js";
import { InteractionDispatcher, requireChannelForUsage, requireGuildForUsage } from "./InteractionDispatcher.js";
import type { AutocompleteInput, ClickButtonInput, RunCommandInput, SelectMenuInput } from "./InteractionDispatcher.js";
import type { AutocompleteChoice, InteractionHandle } from "./InteractionHandle.js";
import type { InteractionCallbackRecord, InteractionEvent, InteractionKind, InteractionRecord } from "./InteractionRegistry.js";
import { interactionEvent, InteractionRegistry } from "./InteractionRegistry.js";
import { interactionRoutes } from "./interactionRoutes.js";
import type { EmulatorMessage } from "./MessageService.js";
import { MessageService } from "./MessageService.js";
import type { FaultOptions, HeldRequest, RequestLogEntry, RouteMatcher } from "./RestRouter.js";
import { RestRouter } from "./RestRouter.js";
import { RateLimiter, type RateLimitOptions } from "./RateLimiter.js";
import { toApiChannel, toApiMember, toApiRole, toApiUser, toGuildCreatePayload } from "./toApiPayloads.js";

export type { AutocompleteInput, ClickButtonInput, RunCommandInput, SelectMenuInput } from "./InteractionDispatcher.js";
export type { AttachmentOptionInput, CommandOptionsInput } from "./buildCommandOptions.js";
export type { AutocompleteChoice, InteractionHandle, InteractionResponse } from "./InteractionHandle.js";
export type { InteractionEvent } from "./InteractionRegistry.js";
export type { EmulatorAttachment, EmulatorMessage } from "./MessageService.js";
export type { RequestLogEntry, RouteMatcher } from "./RestRouter.js";
export type { EmulatorLogger } from "./emulatorLogger.js";
export { EmulatorUsageError } from "./EmulatorUsageError.js";
export { shardFor } from "./EmulatorGateway.js";

export interface DiscordEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number | undefined;
  host?: string | undefined;
  /** The bot token the emulator accepts; random when left out. */
  token?: string | undefined;
  botUsername?: string | undefined;
  logger?: EmulatorLogger | undefined;
  /** Sent in HELLO; Discord uses about 41 s. */
  heartbeatIntervalMs?: number | undefined;
  /** How long the bot has to acknowledge an interaction (Discord: 3000 ms). */
  interactionDeadlineMs?: number | undefined;
  /** How long interaction tokens work for follow-ups and edits (Discord: 15 minutes). */
  interactionTokenLifetimeMs?: number | undefined;
  /** How long `handle.final()` and `waitForFollowUps()` wait by default (10 s); tests on a busy machine wait longer. */
  answerWaitMs?: number | undefined;
  /** How long `enforce_nonce` remembers a nonce (Discord: "a few minutes"). */
  nonceWindowMs?: number | undefined;
  /**
   * The clock the nonce memory and new ids (snowflakes hold their creation time) run on (default: real time);
   * tests pass their test clock to pass the window without waiting.
   */
  now?: (() => number) | undefined;
  /** Discord-like rate limits (a global budget per second, per-route buckets per channel/guild); none by default. */
  rateLimits?: RateLimitOptions | undefined;
  /** The shard count GET /gateway/bot recommends (default 1); what `totalShards: "auto"` spawns. */
  recommendedShards?: number | undefined;
  /** GET /gateway/bot's `session_start_limit.max_concurrency`: shards that may identify per 5 s (default 1). */
  maxConcurrency?: number | undefined;
}

export interface EmulatorGuild {
  id: string;
  name: string;
  ownerId: string;
  everyoneRoleId: string;
  botRoleId: string;
}

export type EmulatorChannelKind = "text" | "forum" | "announcement";

export interface BotChannelAccess {
  /** false: a member overwrite denies the bot View Channel. */
  botCanView?: boolean | undefined;
  /** false: a member overwrite denies the bot Send Messages. */
  botCanSend?: boolean | undefined;
  /**
   * false: a member overwrite denies the bot Embed Links. As on Discord, a message (or edit) the bot sends there
   * loses its embeds without an error, and one left with nothing else is refused with 50006 "Cannot send an empty
   * message". Interaction replies keep theirs: Discord lets apps embed links when responding to interactions.
   * Assumed, not documented by Discord: an edit sent with embeds there leaves the message with none (its earlier
   * embeds are cleared, not kept).
   */
  botCanEmbedLinks?: boolean | undefined;
  /** false: a member overwrite denies the bot Create Public Threads. */
  botCanCreateThreads?: boolean | undefined;
  /** false: a member overwrite denies the bot Attach Files (a message with files is refused with 50013). */
  botCanAttachFiles?: boolean | undefined;
  /** false: a member overwrite denies the bot Read Message History (reading a message by id is refused with 50013). */
  botCanReadHistory?: boolean | undefined;
}

export interface CreateChannelInput extends BotChannelAccess {
  name: string;
  type?: EmulatorChannelKind | undefined;
  topic?: string | undefined;
}

export interface CreateUserInput {
  username: string;
  displayName?: string | undefined;
  dmsClosed?: boolean | undefined;
  locale?: string | undefined;
}

export interface MemberInput {
  /** Gives the member a role with Manage Server. */
  manageGuild?: boolean | undefined;
  roleIds?: string[] | undefined;
  nick?: string | undefined;
}

/** A read-only view of a guild for UIs such as the playground. */
export interface EmulatorGuildSnapshot {
  id: string;
  name: string;
  ownerId: string;
  channels: {
    id: string;
    name: string;
    type: ChannelType;
    parentId: string | null;
    botCanView: boolean;
    botCanSend: boolean;
  }[];
  members: {
    id: string;
    username: string;
    displayName: string | null;
    bot: boolean;
    manageGuild: boolean;
    dmsClosed: boolean;
  }[];
  roles: { id: string; name: string; permissions: string }[];
}

export interface InteractionResponseEvent {
  interactionId: string;
  kind: InteractionKind;
  type: number;
  ephemeral: boolean;
  data: unknown;
  message: EmulatorMessage | null;
  respondedWithinMs: number;
}

export interface DiscordEmulatorEvents {
  message: [message: EmulatorMessage];
  messageUpdate: [message: EmulatorMessage];
  messageDelete: [message: { id: string; channelId: string }];
  interaction: [interaction: InteractionEvent];
  interactionResponse: [response: InteractionResponseEvent];
  interactionFailed: [interaction: InteractionEvent];
  request: [entry: RequestLogEntry];
}

const DEFAULT_HEARTBEAT_MS = 41_250;
const DEFAULT_DEADLINE_MS = 3_000;
const DEFAULT_TOKEN_LIFETIME_MS = 15 * 60_000;
const DEFAULT_NONCE_WINDOW_MS = 5 * 60_000;
const DEFAULT_ANSWER_WAIT_MS = 10_000;

export class DiscordEmulator extends EventEmitter<DiscordEmulatorEvents> {
  readonly token: string;
  readonly applicationId: string;
  readonly botUserId: string;

  private readonly state: EmulatorState;
  private readonly logger: EmulatorLogger;
  private readonly gateway: EmulatorGateway;
  private readonly messages: MessageService;
  private readonly interactions: InteractionRegistry;
  private readonly router: RestRouter;
  private readonly rateLimiter: RateLimiter;
  private readonly dispatcher: InteractionDispatcher;
  private readonly server: Server;
  private address = "";
  private stopped = false;

  private constructor(options: DiscordEmulatorOptions) {
    super();
    this.logger = options.logger ?? silentLogger;
    this.state = new EmulatorState(options.botUsername ?? "Emulated Bot", options.now ?? Date.now);
    this.botUserId = this.state.botUser.id;
    this.applicationId = this.botUserId;
    this.token =
      options.token ??
      `${Buffer.from(this.botUserId).toString("base64url")}.${randomBytes(4).toString("base64url")}.${randomBytes(24).toString(
        "base64url",
      )}`;

    this.gateway = new EmulatorGateway({
      state: this.state,
      token: this.token,
      applicationId: this.applicationId,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_MS,
      resumeUrl: () => this.gatewayUrl,
      logger: this.logger,
    });
    this.messages = this.createMessageService(options);
    this.interactions = this.createInteractionRegistry(options);
    this.dispatcher = new InteractionDispatcher({
      state: this.state,
      gateway: this.gateway,
      interactions: this.interactions,
      messages: this.messages,
      applicationId: this.applicationId,
      messageSnapshot: (messageId) => this.message(messageId),
      onDispatched: (record) => this.emit("interaction", interactionEvent(record)),
    });
    this.rateLimiter = new RateLimiter(options.rateLimits ?? {});
    this.router = this.createRouter(options);
    this.server = createServer((request, response) => void this.handleHttp(request, response));
    this.server.on("upgrade", (request: IncomingMessage, socket, head: Buffer) => this.gateway.handleUpgrade(request, socket, head));
    this.server.on("clientError", (_error, socket) => socket.destroy());
  }

  private createMessageService(options: DiscordEmulatorOptions): MessageService {
    return new MessageService(
      this.state,
      this.gateway,
      () => this.baseUrl,
      {
        created: (message) => this.emitMessageEvent("message", message),
        updated: (message) => this.emitMessageEvent("messageUpdate", message),
        deleted: (message) => this.emit("messageDelete", { id: message.id, channelId: message.channelId }),
      },
      options.nonceWindowMs ?? DEFAULT_NONCE_WINDOW_MS,
      options.now ?? Date.now,
    );
  }

  private createInteractionRegistry(options: DiscordEmulatorOptions): InteractionRegistry {
    return new InteractionRegistry(
      {
        acknowledgeWithinMs: options.interactionDeadlineMs ?? DEFAULT_DEADLINE_MS,
        tokenValidForMs: options.interactionTokenLifetimeMs ?? DEFAULT_TOKEN_LIFETIME_MS,
        answerWaitMs: options.answerWaitMs ?? DEFAULT_ANSWER_WAIT_MS,
      },
      (record) => {
        this.logger("warn", "interaction was not acknowledged in time", { interactionId: record.id });
        this.emit("interactionFailed", interactionEvent(record));
      },
    );
  }

  /** The REST API: every route, over what the handlers share. */
  private createRouter(options: DiscordEmulatorOptions): RestRouter {
    const context: EmulatorContext = {
      state: this.state,
      gateway: this.gateway,
      messages: this.messages,
      interactions: this.interactions,
      applicationId: this.applicationId,
      gatewayUrl: () => this.gatewayUrl,
      sharding: { recommendedShards: options.recommendedShards ?? 1, maxConcurrency: options.maxConcurrency ?? 1 },
      onInteractionCallback: (record, callback) => this.emitInteractionResponse(record, callback),
    };
    const router = new RestRouter({
      token: this.token,
      rateLimiter: this.rateLimiter,
      onUnknownRoute: (summary) => this.logger("warn", "unknown REST route", { method: summary.method, path: summary.path }),
      onHandlerError: (error, summary) =>
        this.logger("error", "REST handler failed", { method: summary.method, path: summary.path, error: String(error) }),
      onRequest: (entry) => this.emit("request", entry),
    });
    router.add([...applicationRoutes(context), ...guildRoutes(context), ...channelRoutes(context), ...interactionRoutes(context)]);
    return router;
  }

  static async start(options: DiscordEmulatorOptions = {}): Promise<DiscordEmulator> {
    const emulator = new DiscordEmulator(options);
    await emulator.listen(options.port ?? 0, options.host ?? "127.0.0.1");
    return emulator;
  }

  /** `http://HOST:PORT` */
  get baseUrl(): string {
    return `http://${this.address}`;
  }

  /** The REST base URL for discord.js's `rest.api` option (it appends `/v10`). */
  get apiUrl(): string {
    return `${this.baseUrl}/api`;
  }

  get gatewayUrl(): string {
    return `ws://${this.address}`;
  }

  // ---------------------------------------------------------------- world

  createGuild(input: {
    name: string;
    botPermissions?: bigint | undefined;
    ownerUsername?: string | undefined;
    locale?: string | undefined;
  }): EmulatorGuild {
    const owner = this.state.addUser({ username: input.ownerUsername ?? `${slug(input.name)}-owner` });
    const guild = this.state.addGuild({
      name: input.name,
      ownerId: owner.id,
      botPermissions: input.botPermissions ?? DEFAULT_BOT_PERMISSIONS,
      ...(input.locale ? { preferredLocale: input.locale } : {}),
    });
    // The bot joined a new server: like Discord, send GUILD_CREATE (members depend on each session's intents).
    this.gateway.dispatch(
      GatewayDispatchEvents.GuildCreate,
      (intents) =>
        toGuildCreatePayload(this.state, guild, {
          includeAllMembers: (intents & GatewayIntentBits.GuildMembers) !== 0,
        }),
      { guildId: guild.id, intent: GatewayIntentBits.Guilds },
    );
    return describeGuild(guild);
  }

  /**
   * GUILD_DELETE for the bot: removed from the server (kicked), or, with `outage`, the server became
   * unavailable (Discord's outage signal, `unavailable: true`). The emulator's state keeps the guild; a
   * session identifying afterwards (the bot offline meanwhile) finds it gone from READY, or, in an
   * outage, listed in READY and then reported unavailable.
   */
  removeBotFromGuild(guildId: string, options: { outage?: boolean } = {}): void {
    const guild = requireGuildForUsage(this.state, guildId);
    guild.botPresence = options.outage === true ? "unavailable" : "removed";
    this.dispatchGuildEvent(
      GatewayDispatchEvents.GuildDelete,
      options.outage === true ? { id: guild.id, unavailable: true } : { id: guild.id },
      guild.id,
    );
  }

  /** Runs `action` once, right after the next session's READY, before the GUILD_CREATEs of the servers it lists. */
  afterNextReady(action: () => void): void {
    this.gateway.afterNextReady(action);
  }

  /** GUILD_CREATE again: the bot was added back to (or the outage of) a server it had. */
  restoreBotToGuild(guildId: string): void {
    const guild = requireGuildForUsage(this.state, guildId);
    guild.botPresence = "member";
    this.gateway.dispatch(
      GatewayDispatchEvents.GuildCreate,
      (intents) => toGuildCreatePayload(this.state, guild, { includeAllMembers: (intents & GatewayIntentBits.GuildMembers) !== 0 }),
      { guildId: guild.id, intent: GatewayIntentBits.Guilds },
    );
  }

  createChannel(guildId: string, input: CreateChannelInput): { id: string; name: string } {
    const guild = requireGuildForUsage(this.state, guildId);
    const type =
      input.type === "forum"
        ? ChannelType.GuildForum
        : input.type === "announcement"
          ? ChannelType.GuildAnnouncement
          : ChannelType.GuildText;
    const channel = this.state.addGuildChannel(guild, {
      type,
      name: input.name,
      topic: input.topic ?? null,
      overwrites: botOverwrites(this.botUserId, input),
    });
    this.dispatchGuildEvent(GatewayDispatchEvents.ChannelCreate, toApiChannel(this.state, channel), guild.id);
    return { id: channel.id, name: input.name };
  }

  /**
   * Changes what the bot may do in a channel (as an admin editing channel permissions would). `unheard`: the bot
   * is not told (no CHANNEL_UPDATE), as when Discord's event has not reached it yet: its cache keeps the old
   * permissions until it fetches the channel.
   */
  setBotChannelPermissions(channelId: string, access: BotChannelAccess, options: { unheard?: boolean } = {}): void {
    const channel = requireChannelForUsage(this.state, channelId);
    if (!channel.guildId) throw new EmulatorUsageError(`Channel ${channelId} is not a server channel`);
    const current = channel.overwrites.find((o) => o.type === OverwriteType.Member && o.id === this.botUserId);
    const merged: BotChannelAccess = {
      botCanView: access.botCanView ?? !hasBit(current?.deny, PermissionFlagsBits.ViewChannel),
      botCanSend: access.botCanSend ?? !hasBit(current?.deny, PermissionFlagsBits.SendMessages),
      botCanEmbedLinks: access.botCanEmbedLinks ?? !hasBit(current?.deny, PermissionFlagsBits.EmbedLinks),
      botCanCreateThreads: access.botCanCreateThreads ?? !hasBit(current?.deny, PermissionFlagsBits.CreatePublicThreads),
      botCanAttachFiles: access.botCanAttachFiles ?? !hasBit(current?.deny, PermissionFlagsBits.AttachFiles),
      botCanReadHistory: access.botCanReadHistory ?? !hasBit(current?.deny, PermissionFlagsBits.ReadMessageHistory),
    };
    channel.overwrites = [
      ...channel.overwrites.filter((o) => !(o.type === OverwriteType.Member && o.id === this.botUserId)),
      ...botOverwrites(this.botUserId, merged),
    ];
    if (options.unheard === true) return;
    this.dispatchGuildEvent(GatewayDispatchEvents.ChannelUpdate, toApiChannel(this.state, channel), channel.guildId);
  }

  /** Deletes a channel (and, as on Discord, its threads). */
  deleteChannel(channelId: string): void {
    const channel = requireChannelForUsage(this.state, channelId);
    const threads = [...this.state.channels.values()].filter(
      (candidate) => candidate.parentId === channel.id && isThreadType(candidate.type) && !candidate.deleted,
    );
    for (const doomed of [...threads, channel]) {
      doomed.deleted = true;
      if (!doomed.guildId) continue;
      this.dispatchGuildEvent(
        isThreadType(doomed.type) ? GatewayDispatchEvents.ThreadDelete : GatewayDispatchEvents.ChannelDelete,
        toApiChannel(this.state, doomed),
        doomed.guildId,
      );
    }
  }

  createRole(
    guildId: string,
    input: { name: string; permissions?: bigint | undefined; mentionable?: boolean | undefined },
  ): { id: string } {
    const guild = requireGuildForUsage(this.state, guildId);
    const role = this.state.addRole(guild, {
      name: input.name,
      permissions: input.permissions ?? 0n,
      mentionable: input.mentionable ?? false,
    });
    this.dispatchGuildEvent(GatewayDispatchEvents.GuildRoleCreate, { guild_id: guild.id, role: toApiRole(role) }, guild.id);
    return { id: role.id };
  }

  /** An admin deletes the role (Server Settings → Roles): GUILD_ROLE_DELETE reaches the bot, and its holders lose it. */
  deleteRole(guildId: string, roleId: string): void {
    const guild = requireGuildForUsage(this.state, guildId);
    // Discord keeps @everyone: it cannot be deleted.
    if (roleId === guild.everyoneRoleId || !this.state.removeRole(guild, roleId))
      throw new EmulatorUsageError(`No role ${roleId} to delete in ${guild.name}`);
    this.dispatchGuildEvent(GatewayDispatchEvents.GuildRoleDelete, { guild_id: guild.id, role_id: roleId }, guild.id);
  }

  createUser(input: CreateUserInput): { id: string; username: string } {
    const user = this.state.addUser({
      username: input.username,
      globalName: input.displayName ?? null,
      dmsClosed: input.dmsClosed ?? false,
      ...(input.locale ? { locale: input.locale } : {}),
    });
    return { id: user.id, username: user.username };
  }

  addMember(guildId: string, userId: string, input: MemberInput = {}): void {
    const guild = requireGuildForUsage(this.state, guildId);
    if (!this.state.users.has(userId)) throw new EmulatorUsageError(`No user ${userId}`);
    const roleIds = [...(input.roleIds ?? [])];
    if (input.manageGuild) roleIds.push(this.state.managerRole(guild).id);
    const member = this.state.addMember(guild.id, userId, { nick: input.nick ?? null, roleIds });
    this.gateway.dispatch(
      GatewayDispatchEvents.GuildMemberAdd,
      { ...toApiMember(this.state, member), guild_id: guild.id },
      { guildId: guild.id, intent: GatewayIntentBits.GuildMembers },
    );
  }

  /** The member leaves the server (their user stays, and can be added again with addMember). */
  removeMember(guildId: string, userId: string): void {
    const guild = requireGuildForUsage(this.state, guildId);
    const user = this.state.users.get(userId);
    if (!user || !this.state.removeMember(guild.id, userId))
      throw new EmulatorUsageError(`User ${userId} is not a member of ${guild.name}`);
    this.gateway.dispatch(
      GatewayDispatchEvents.GuildMemberRemove,
      { guild_id: guild.id, user: toApiUser(user) },
      { guildId: guild.id, intent: GatewayIntentBits.GuildMembers },
    );
  }

  /** Creates a user and adds them to the guild; returns the user's id. */
  createMember(guildId: string, input: CreateUserInput & MemberInput): { id: string; username: string } {
    requireGuildForUsage(this.state, guildId);
    const user = this.createUser(input);
    this.addMember(guildId, user.id, input);
    return user;
  }

  setMemberManageGuild(guildId: string, userId: string, manageGuild: boolean): void {
    const guild = requireGuildForUsage(this.state, guildId);
    const member = this.state.member(guild.id, userId);
    if (!member) throw new EmulatorUsageError(`User ${userId} is not a member of ${guild.name}`);
    const roleId = this.state.managerRole(guild).id;
    member.roleIds = member.roleIds.filter((id) => id !== roleId);
    if (manageGuild) member.roleIds.push(roleId);
    this.gateway.dispatch(
      GatewayDispatchEvents.GuildMemberUpdate,
      { ...toApiMember(this.state, member), guild_id: guild.id },
      { guildId: guild.id, intent: GatewayIntentBits.GuildMembers },
    );
  }

  /** An admin gives or takes roles: the member holds exactly `roleIds` afterwards (Server Manager kept as it was). */
  setMemberRoles(guildId: string, userId: string, roleIds: readonly string[]): void {
    const guild = requireGuildForUsage(this.state, guildId);
    const member = this.state.member(guild.id, userId);
    if (!member) throw new EmulatorUsageError(`User ${userId} is not a member of ${guild.name}`);
    for (const roleId of roleIds) if (!guild.roleIds.includes(roleId)) throw new EmulatorUsageError(`No role ${roleId} in ${guild.name}`);
    const managerRoleId = guild.managerRoleId;
    const manager = managerRoleId !== null && member.roleIds.includes(managerRoleId);
    member.roleIds = [...new Set(roleIds.filter((id) => id !== managerRoleId))];
    if (manager) member.roleIds.push(managerRoleId);
    this.gateway.dispatch(
      GatewayDispatchEvents.GuildMemberUpdate,
      { ...toApiMember(this.state, member), guild_id: guild.id },
      { guildId: guild.id, intent: GatewayIntentBits.GuildMembers },
    );
  }

  /** The member changes their server nickname (null: back to their account's name), as in Discord's profile settings. */
  setMemberNick(guildId: string, userId: string, nick: string | null): void {
    const guild = requireGuildForUsage(this.state, guildId);
    const member = this.state.member(guild.id, userId);
    if (!member) throw new EmulatorUsageError(`User ${userId} is not a member of ${guild.name}`);
    member.nick = nick;
    this.gateway.dispatch(
      GatewayDispatchEvents.GuildMemberUpdate,
      { ...toApiMember(this.state, member), guild_id: guild.id },
      { guildId: guild.id, intent: GatewayIntentBits.GuildMembers },
    );
  }

  /** The user's Discord language (Settings → Language): the `locale` of their next interactions. */
  setUserLocale(userId: string, locale: string): void {
    const user = this.state.users.get(userId);
    if (!user) throw new EmulatorUsageError(`No user ${userId}`);
    user.locale = locale;
  }

  userLocale(userId: string): string {
    const user = this.state.users.get(userId);
    if (!user) throw new EmulatorUsageError(`No user ${userId}`);
    return user.locale;
  }

  setDmsClosed(userId: string, closed: boolean): void {
    const user = this.state.users.get(userId);
    if (!user) throw new EmulatorUsageError(`No user ${userId}`);
    user.dmsClosed = closed;
  }

  // ---------------------------------------------------------------- users acting

  /** A member runs a slash command; the bot receives INTERACTION_CREATE. */
  runCommand(input: RunCommandInput): InteractionHandle {
    return this.dispatcher.command(input, { kind: "execute" });
  }

  /** A member types into an autocomplete option; resolves with the bot's choices. */
  async autocomplete(input: AutocompleteInput): Promise<AutocompleteChoice[]> {
    const handle = this.dispatcher.command(input, { kind: "autocomplete", focused: input.focused });
    const response = await handle.response({ timeoutMs: input.timeoutMs });
    if (response.choices === null) {
      throw new EmulatorUsageError(`The bot answered autocomplete with callback type ${response.type}, not 8`);
    }
    return response.choices;
  }

  /** A user clicks a button on a channel message, an interaction reply (ephemeral too) or a DM. */
  clickButton(input: ClickButtonInput): InteractionHandle {
    return this.dispatcher.component(input, undefined);
  }

  /** A user picks values in a select menu. */
  selectMenu(input: SelectMenuInput): InteractionHandle {
    return this.dispatcher.component(input, input.values);
  }

  // ---------------------------------------------------------------- inspection

  /** Messages in a channel, oldest first; ephemeral ones only when asked for. */
  channelMessages(channelId: string, options: { includeEphemeral?: boolean | undefined } = {}): EmulatorMessage[] {
    return this.state
      .channelMessages(channelId)
      .filter((message) => options.includeEphemeral === true || message.visibleToUserId === null)
      .map((message) => this.messages.snapshot(message));
  }

  /** What the bot sent a user by DM, oldest first. */
  dmMessages(userId: string): EmulatorMessage[] {
    const channelId = this.state.existingDmChannelId(userId);
    return channelId ? this.channelMessages(channelId) : [];
  }

  guilds(): { id: string; name: string }[] {
    return [...this.state.guilds.values()].map((guild) => ({ id: guild.id, name: guild.name }));
  }

  guildSnapshot(guildId: string): EmulatorGuildSnapshot {
    const guild = requireGuildForUsage(this.state, guildId);
    const { state } = this;
    return {
      id: guild.id,
      name: guild.name,
      ownerId: guild.ownerId,
      channels: state.guildChannels(guild).map((channel) => {
        const botPermissions = state.channelPermissions(channel, this.botUserId);
        return {
          id: channel.id,
          name: channel.name ?? "",
          type: channel.type,
          parentId: channel.parentId,
          botCanView: (botPermissions & PermissionFlagsBits.ViewChannel) !== 0n,
          botCanSend: (botPermissions & sendPermissionFor(channel)) !== 0n,
        };
      }),
      members: state.guildMembers(guild).flatMap((member) => {
        const user = state.users.get(member.userId);
        if (!user) return [];
        const permissions = state.basePermissions(guild, user.id);
        return [
          {
            id: user.id,
            username: user.username,
            displayName: member.nick ?? user.globalName,
            bot: user.bot,
            manageGuild: (permissions & PermissionFlagsBits.ManageGuild) !== 0n,
            dmsClosed: user.dmsClosed,
          },
        ];
      }),
      roles: state.guildRoles(guild).map((role) => ({ id: role.id, name: role.name, permissions: role.permissions.toString() })),
    };
  }

  /** The bytes of an attachment the bot uploaded (or a user sent), as its URL serves them. */
  attachment(attachmentId: string): { filename: string; contentType: string | null; data: Buffer } | null {
    const stored = this.state.attachments.get(attachmentId);
    return stored === undefined ? null : { filename: stored.filename, contentType: stored.contentType, data: stored.data };
  }

  /** Deletes a message as a moderator does in Discord's client (the bot is told by a messageDelete event). */
  deleteMessage(messageId: string): void {
    const message = this.state.liveMessage(messageId);
    if (!message) throw new EmulatorUsageError(`No message ${messageId} (or it was deleted)`);
    this.messages.delete(message);
  }

  /**
   * A moderator's "remove embeds" on a message: Discord sets its SUPPRESS_EMBEDS flag and shows (and returns) it
   * without its embeds (MESSAGE_UPDATE reaches the bot).
   */
  suppressEmbeds(messageId: string): void {
    const message = this.state.liveMessage(messageId);
    if (!message) throw new EmulatorUsageError(`No message ${messageId} (or it was deleted)`);
    this.messages.suppressEmbeds(message);
  }

  message(messageId: string): EmulatorMessage | null {
    const message = this.state.liveMessage(messageId);
    return message ? this.messages.snapshot(message) : null;
  }

  /** Commands as registered by the bot: global ones, or one guild's. */
  registeredCommands(options: { guildId?: string | undefined } = {}): APIApplicationCommand[] {
    return this.state.commandsFor(options.guildId ?? null).map((command) => structuredClone(command.definition));
  }

  requestLog(): RequestLogEntry[] {
    return this.router.requestLog();
  }

  clearRequestLog(): void {
    this.router.clearRequestLog();
  }

  gatewaySessions(): GatewaySessionInfo[] {
    return this.gateway.connectedSessions();
  }

  // ---------------------------------------------------------------- faults

  /** The answer to the next request matching `matcher` (read on arrival) is delivered only once `release()` is called. */
  holdNext(matcher: RouteMatcher): HeldRequest {
    return this.router.holdNext(matcher);
  }

  /** Makes the next `times` matching REST requests fail with `status` (5xx are retried by discord.js). */
  failNext(matcher: RouteMatcher, status: number, times = 1, options: FaultOptions = {}): void {
    this.router.failNext(matcher, status, times, options);
  }

  /**
   * Every REST route of a channel (or guild) answers 429 with this
   * `retry_after` (real time, which discord.js waits before it asks again)
   * until releaseRateLimit, as when Discord rate-limits one busy channel.
   */
  holdRateLimit(channelOrGuildId: string, retryAfterMs: number): void {
    this.rateLimiter.hold(channelOrGuildId, retryAfterMs);
  }

  releaseRateLimit(channelOrGuildId: string): void {
    this.rateLimiter.release(channelOrGuildId);
  }

  /** Sends opcode 1: clients send a heartbeat at once, acknowledged with opcode 11 (their ping is measured). */
  requestGatewayHeartbeat(): void {
    this.gateway.requestHeartbeat();
  }

  /** Sends opcode 7: clients reconnect and RESUME. */
  reconnectGateway(): void {
    this.gateway.requestReconnect();
  }

  /** Cuts every gateway connection without a close frame. */
  dropGatewayConnections(): void {
    this.gateway.dropConnections();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.interactions.close();
    await this.gateway.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---------------------------------------------------------------- internals

  private async listen(port: number, host: string): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => {
        this.server.off("error", reject);
        resolve();
      });
    });
    const address = this.server.address() as AddressInfo;
    this.address = `${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  }

  private async handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const url = new URL(request.url ?? "/", "http://emulator.local");
      const api = /^\/api\/v(\d+)(\/.*)?$/.exec(url.pathname);
      if (api) {
        if (api[1] !== "10") {
          request.resume();
          this.logger("warn", "unsupported API version (the emulator speaks v10)", { path: url.pathname });
          sendJson(response, 404, { message: "404: Not Found", code: 0 });
          return;
        }
        const result = await this.router.handle(request, api[2] ?? "/", url.searchParams);
        sendJson(response, result.status, result.body, result.headers);
        return;
      }
      request.resume();
      const attachment = /^\/attachments\/(\d+)\/(\d+)\/[^/]+$/.exec(url.pathname);
      if (attachment && request.method === "GET") {
        const stored = this.state.attachments.get(attachment[2] ?? "");
        if (stored && stored.channelId === attachment[1]) {
          response.writeHead(200, {
            "content-type": stored.contentType ?? "application/octet-stream",
            "content-length": stored.data.length,
          });
          response.end(stored.data);
          return;
        }
      }
      if (url.pathname.startsWith("/api")) this.logger("warn", "unknown REST route", { path: url.pathname });
      sendJson(response, 404, { message: "404: Not Found", code: 0 });
    } catch (error) {
      this.logger("error", "HTTP handling failed", { error: String(error) });
      if (!response.headersSent) sendJson(response, 500, { message: "500: Internal Server Error", code: 0 });
      else response.destroy();
    }
  }

  private dispatchGuildEvent(event: GatewayDispatchEvents, data: object, guildId: string): void {
    this.gateway.dispatch(event, data, { guildId, intent: GatewayIntentBits.Guilds });
  }

  private emitMessageEvent(event: "message" | "messageUpdate", message: StoredMessage): void {
    if (this.listenerCount(event) > 0) this.emit(event, this.messages.snapshot(message));
  }

  private emitInteractionResponse(record: InteractionRecord, callback: InteractionCallbackRecord): void {
    if (this.listenerCount("interactionResponse") === 0) return;
    this.emit("interactionResponse", {
      interactionId: record.id,
      kind: record.kind,
      type: callback.type,
      ephemeral: callback.ephemeral,
      data: structuredClone(callback.data),
      message: record.originalMessageId ? this.message(record.originalMessageId) : null,
      respondedWithinMs: callback.at - record.dispatchedAt,
    });
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}

function botOverwrites(botUserId: string, access: BotChannelAccess): StoredOverwrite[] {
  let deny = 0n;
  if (access.botCanView === false) deny |= PermissionFlagsBits.ViewChannel;
  if (access.botCanSend === false) deny |= PermissionFlagsBits.SendMessages;
  if (access.botCanEmbedLinks === false) deny |= PermissionFlagsBits.EmbedLinks;
  if (access.botCanCreateThreads === false) deny |= PermissionFlagsBits.CreatePublicThreads;
  if (access.botCanAttachFiles === false) deny |= PermissionFlagsBits.AttachFiles;
  if (access.botCanReadHistory === false) deny |= PermissionFlagsBits.ReadMessageHistory;
  return deny === 0n ? [] : [{ id: botUserId, type: OverwriteType.Member, allow: 0n, deny }];
}

function hasBit(bits: bigint | undefined, bit: bigint): boolean {
  return bits !== undefined && (bits & bit) !== 0n;
}

function describeGuild(guild: StoredGuild): EmulatorGuild {
  return {
    id: guild.id,
    name: guild.name,
    ownerId: guild.ownerId,
    everyoneRoleId: guild.everyoneRoleId,
    botRoleId: guild.botRoleId,
  };
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "server"
  );
}
