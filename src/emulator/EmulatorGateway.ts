import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { ApplicationFlags, GatewayCloseCodes, GatewayDispatchEvents, GatewayIntentBits, GatewayOpcodes } from "discord-api-types/v10";
import type { GatewayReadyDispatchData } from "discord-api-types/v10";
import { WebSocket, WebSocketServer } from "ws";
import type { RawData } from "ws";
import type { EmulatorLogger } from "./emulatorLogger.js";
import type { EmulatorState } from "./EmulatorState.js";
import { noFlags } from "./noFlags.js";
import { isRecord } from "./readMessagePayload.js";
import { toApiMember, toApiUser, toGuildCreatePayload } from "./toApiPayloads.js";

export interface GatewaySessionInfo {
  sessionId: string;
  connected: boolean;
  intents: number;
  shard: [number, number];
  sequence: number;
}

interface GatewaySession {
  id: string;
  socket: WebSocket | null;
  intents: number;
  shard: [number, number];
  sequence: number;
  /** Sent dispatches kept for RESUME. */
  replayBuffer: { sequence: number; frame: string }[];
  disconnectedAt: number | null;
}

interface Connection {
  socket: WebSocket;
  session: GatewaySession | null;
}

/** Which deliveries an event needs: a guild (for shard routing) and the intent that enables it. */
export interface DispatchTarget {
  guildId: string | null;
  /** The intent a session must have asked for; null = always delivered (READY, INTERACTION_CREATE...). */
  intent: number | null;
}

/** A dispatch's `d`, or a function building it from a session's intents. */
export type DispatchData = object | null | ((intents: number) => unknown);

const REPLAY_BUFFER_SIZE = 1000;
const RESUMABLE_FOR_MS = 60_000;
const API_VERSION = "10";

/**
 * The gateway half of the emulator: one WebSocket endpoint speaking Discord's JSON gateway protocol
 * without compression (HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME, dispatches).
 */
/** The numbers of Discord's gateway opcodes (a numeric enum also maps each name back, hence the filter). */
const gatewayOpcodes: ReadonlySet<unknown> = new Set(Object.values(GatewayOpcodes).filter((value) => typeof value === "number"));

function isGatewayOpcode(op: unknown): op is GatewayOpcodes {
  return gatewayOpcodes.has(op);
}

export class EmulatorGateway {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly connections = new Set<Connection>();
  private readonly sessions = new Map<string, GatewaySession>();
  /** Actions waiting for the next READY (a test making something happen between READY and the servers it lists). */
  private readonly afterReady: (() => void)[] = [];

  constructor(
    private readonly options: {
      state: EmulatorState;
      token: string;
      applicationId: string;
      heartbeatIntervalMs: number;
      resumeUrl: () => string;
      logger: EmulatorLogger;
    },
  ) {}

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? "/", "ws://emulator.local");
    const version = url.searchParams.get("v");
    const encoding = url.searchParams.get("encoding") ?? "json";
    socket.on("error", (error) => this.options.logger("debug", "gateway socket error", { error: String(error) }));
    this.server.handleUpgrade(request, socket, head, (ws) => {
      if (version !== null && version !== API_VERSION) {
        ws.close(GatewayCloseCodes.InvalidAPIVersion, "Invalid API version");
        return;
      }
      if (encoding !== "json") {
        // Only JSON is emulated; ETF clients would not understand the frames.
        ws.close(GatewayCloseCodes.DecodeError, "Only encoding=json is supported by the emulator");
        return;
      }
      this.accept(ws);
    });
  }

  /** Runs `action` once, right after the next session's READY is sent, before that session's GUILD_CREATEs. */
  afterNextReady(action: () => void): void {
    this.afterReady.push(action);
  }

  /**
   * Sends a dispatch to every session that should get it (disconnected ones keep it for RESUME);
   * returns how many connected sessions got it. `data` may be built per session from its intents.
   */
  dispatch(event: string, data: DispatchData, target: DispatchTarget): number {
    this.forgetStaleSessions();
    let delivered = 0;
    for (const session of this.sessions.values()) {
      if (target.intent !== null && (session.intents & target.intent) === 0) continue;
      // Discord routes DM events to shard 0.
      const shardId = target.guildId === null ? 0 : shardFor(target.guildId, session.shard[1]);
      if (shardId !== session.shard[0]) continue;
      this.send(session, event, typeof data === "function" ? data(session.intents) : data);
      if (session.socket) delivered += 1;
    }
    return delivered;
  }

  /** A session nobody resumed for a while is gone, as on Discord. */
  private forgetStaleSessions(): void {
    const now = Date.now();
    for (const [id, session] of this.sessions) {
      if (session.disconnectedAt !== null && now - session.disconnectedAt > RESUMABLE_FOR_MS) this.sessions.delete(id);
    }
  }

  /** Sessions that completed IDENTIFY and are connected now. */
  connectedSessions(): GatewaySessionInfo[] {
    return [...this.sessions.values()]
      .filter((session) => session.socket?.readyState === WebSocket.OPEN)
      .map((session) => ({
        sessionId: session.id,
        connected: true,
        intents: session.intents,
        shard: session.shard,
        sequence: session.sequence,
      }));
  }

  /**
   * Asks every connected client for a heartbeat now (gateway opcode 1 from the server), as Discord may: the client
   * sends one at once, without waiting out its interval, and it is acknowledged (opcode 11) as any other.
   */
  requestHeartbeat(): void {
    for (const connection of this.connections) {
      sendFrame(connection.socket, JSON.stringify({ op: GatewayOpcodes.Heartbeat, d: null, s: null, t: null }));
    }
  }

  /** Asks every connected client to reconnect and resume (gateway opcode 7), as Discord does at times. */
  requestReconnect(): void {
    for (const connection of this.connections) {
      sendFrame(connection.socket, JSON.stringify({ op: GatewayOpcodes.Reconnect, d: null, s: null, t: null }));
    }
  }

  /** Drops every connection at once, the way a network failure would. */
  dropConnections(): void {
    for (const connection of this.connections) connection.socket.terminate();
  }

  async close(): Promise<void> {
    for (const connection of this.connections) connection.socket.terminate();
    this.connections.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    const connection: Connection = { socket, session: null };
    this.connections.add(connection);
    socket.on("error", (error) => this.options.logger("debug", "gateway connection error", { error: String(error) }));
    socket.on("close", () => {
      this.connections.delete(connection);
      if (connection.session?.socket === socket) {
        connection.session.socket = null;
        connection.session.disconnectedAt = Date.now();
      }
    });
    socket.on("message", (raw, isBinary) => this.onFrame(connection, raw, isBinary));
    sendFrame(
      socket,
      JSON.stringify({
        op: GatewayOpcodes.Hello,
        d: { heartbeat_interval: this.options.heartbeatIntervalMs },
        s: null,
        t: null,
      }),
    );
  }

  private onFrame(connection: Connection, raw: RawData, isBinary: boolean): void {
    let payload: unknown;
    try {
      payload = isBinary ? undefined : JSON.parse(rawToString(raw));
    } catch {
      payload = undefined;
    }
    if (!isRecord(payload) || typeof payload.op !== "number") {
      connection.socket.close(GatewayCloseCodes.DecodeError, "Error while decoding payload.");
      return;
    }
    const { op, d: data } = payload;
    if (!isGatewayOpcode(op)) {
      connection.socket.close(GatewayCloseCodes.UnknownOpcode, "Unknown opcode.");
      return;
    }
    switch (op) {
      // Acknowledged at once, however late or early it comes: the emulator never closes a connection for its
      // heartbeats' timing. Discord closes one whose heartbeats stop; a test's busy event loop may hold a client's
      // heartbeat (or its reading of the ACK) past its interval, and a connection closed for that would reconnect
      // mid-test. A client that takes its own connection for a zombie (no ACK read before its next heartbeat is due)
      // closes it itself and resumes, which the emulator serves as Discord does.
      case GatewayOpcodes.Heartbeat:
        sendFrame(connection.socket, JSON.stringify({ op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null }));
        return;
      case GatewayOpcodes.Identify:
        this.identify(connection, data);
        return;
      case GatewayOpcodes.Resume:
        this.resume(connection, data);
        return;
      case GatewayOpcodes.RequestGuildMembers:
        if (!connection.session) {
          this.notAuthenticated(connection);
          return;
        }
        this.sendGuildMembers(connection.session, data);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
        if (!connection.session) this.notAuthenticated(connection);
        return;
      default:
        connection.socket.close(GatewayCloseCodes.UnknownOpcode, "Unknown opcode.");
    }
  }

  private notAuthenticated(connection: Connection): void {
    connection.socket.close(GatewayCloseCodes.NotAuthenticated, "Not authenticated.");
  }

  private identify(connection: Connection, data: unknown): void {
    if (connection.session) {
      connection.socket.close(GatewayCloseCodes.AlreadyAuthenticated, "Already authenticated.");
      return;
    }
    if (!isRecord(data) || data.token !== this.options.token) {
      connection.socket.close(GatewayCloseCodes.AuthenticationFailed, "Authentication failed.");
      return;
    }
    const shard = readShard(data.shard);
    if (!shard) {
      connection.socket.close(GatewayCloseCodes.InvalidShard, "Invalid shard.");
      return;
    }
    const session: GatewaySession = {
      id: randomBytes(16).toString("hex"),
      socket: connection.socket,
      intents: typeof data.intents === "number" ? data.intents : 0,
      shard,
      sequence: 0,
      replayBuffer: [],
      disconnectedAt: null,
    };
    connection.session = session;
    this.sessions.set(session.id, session);
    this.options.logger("debug", "gateway session identified", { sessionId: session.id, intents: session.intents });

    const { state } = this.options;
    // The servers the bot is in (available or not), on this shard: a server it was removed from is not in READY at all.
    const guilds = [...state.guilds.values()].filter(
      (guild) => guild.botPresence !== "removed" && shardFor(guild.id, shard[1]) === shard[0],
    );
    const ready: GatewayReadyDispatchData = {
      v: Number(API_VERSION),
      user: { ...toApiUser(state.botUser), verified: true, mfa_enabled: false },
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.options.resumeUrl(),
      shard,
      application: { id: this.options.applicationId, flags: noFlags(ApplicationFlags), flags_new: "0" },
    };
    this.send(session, GatewayDispatchEvents.Ready, ready);
    for (const action of this.afterReady.splice(0)) action();
    const includeAllMembers = (session.intents & GatewayIntentBits.GuildMembers) !== 0;
    for (const guild of guilds) {
      // Discord: "Guilds that are unavailable due to an outage will send a Guild Delete event" instead.
      if (guild.botPresence === "unavailable") this.send(session, GatewayDispatchEvents.GuildDelete, { id: guild.id, unavailable: true });
      else this.send(session, GatewayDispatchEvents.GuildCreate, toGuildCreatePayload(state, guild, { includeAllMembers }));
    }
  }

  private resume(connection: Connection, data: unknown): void {
    const session = isRecord(data) && typeof data.session_id === "string" ? this.sessions.get(data.session_id) : undefined;
    const lastSequence = isRecord(data) && typeof data.seq === "number" ? data.seq : -1;
    const canReplay =
      session !== undefined &&
      isRecord(data) &&
      data.token === this.options.token &&
      (session.replayBuffer[0]?.sequence ?? session.sequence + 1) <= lastSequence + 1;
    if (!session || !canReplay) {
      sendFrame(connection.socket, JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null }));
      return;
    }
    session.socket?.terminate();
    session.socket = connection.socket;
    session.disconnectedAt = null;
    connection.session = session;
    for (const entry of session.replayBuffer) {
      if (entry.sequence > lastSequence) sendFrame(connection.socket, entry.frame);
    }
    this.send(session, GatewayDispatchEvents.Resumed, null);
    this.options.logger("debug", "gateway session resumed", { sessionId: session.id, from: lastSequence });
  }

  private sendGuildMembers(session: GatewaySession, data: unknown): void {
    if (!isRecord(data) || typeof data.guild_id !== "string") return;
    const { state } = this.options;
    const guild = state.guilds.get(data.guild_id);
    if (!guild) return;
    const wantedIds = Array.isArray(data.user_ids) ? data.user_ids.map(String) : typeof data.user_ids === "string" ? [data.user_ids] : null;
    const query = typeof data.query === "string" ? data.query.toLowerCase() : "";
    const limit = typeof data.limit === "number" && data.limit > 0 ? data.limit : Number.POSITIVE_INFINITY;
    const members = state
      .guildMembers(guild)
      .filter((member) => {
        if (wantedIds) return wantedIds.includes(member.userId);
        const user = state.users.get(member.userId);
        return (user?.username.toLowerCase() ?? "").startsWith(query);
      })
      .slice(0, limit);
    this.send(session, GatewayDispatchEvents.GuildMembersChunk, {
      guild_id: guild.id,
      members: members.map((member) => toApiMember(state, member)),
      chunk_index: 0,
      chunk_count: 1,
      not_found: wantedIds ? wantedIds.filter((id) => !members.some((member) => member.userId === id)) : [],
      ...(typeof data.nonce === "string" ? { nonce: data.nonce } : {}),
    });
  }

  private send(session: GatewaySession, event: string, data: unknown): void {
    session.sequence += 1;
    const frame = JSON.stringify({ op: GatewayOpcodes.Dispatch, t: event, s: session.sequence, d: data });
    session.replayBuffer.push({ sequence: session.sequence, frame });
    if (session.replayBuffer.length > REPLAY_BUFFER_SIZE) session.replayBuffer.shift();
    if (session.socket) sendFrame(session.socket, frame);
  }
}

function sendFrame(socket: WebSocket, frame: string): void {
  if (socket.readyState === WebSocket.OPEN) socket.send(frame);
}

function rawToString(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString("utf8");
  if (raw instanceof ArrayBuffer) return Buffer.from(raw).toString("utf8");
  return raw.toString("utf8");
}

function readShard(value: unknown): [number, number] | null {
  if (value === undefined || value === null) return [0, 1];
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [id, count] = value as unknown[];
  if (typeof id !== "number" || typeof count !== "number" || count < 1 || id < 0 || id >= count) return null;
  return [id, count];
}

/** Discord's shard formula: (guild_id >> 22) % shard_count. */
export function shardFor(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
