import { randomBytes } from "node:crypto";
import type { InteractionResponseType, InteractionType } from "discord-api-types/v10";

export const InteractionKind = {
  Command: "command",
  Autocomplete: "autocomplete",
  Component: "component",
} as const;
export type InteractionKind = (typeof InteractionKind)[keyof typeof InteractionKind];

/** What listeners learn about a dispatched interaction. */
export interface InteractionEvent {
  id: string;
  kind: InteractionKind;
  guildId: string | null;
  channelId: string;
  userId: string;
  commandName: string | null;
  customId: string | null;
}

/** The bot's first (and only) callback to an interaction. */
export interface InteractionCallbackRecord {
  type: InteractionResponseType;
  /** The callback's `data` as the bot sent it (JSON part of the body). */
  data: unknown;
  ephemeral: boolean;
  at: number;
}

export interface InteractionRecord {
  id: string;
  token: string;
  kind: InteractionKind;
  type: InteractionType;
  guildId: string | null;
  channelId: string;
  userId: string;
  commandName: string | null;
  customId: string | null;
  /** Component interactions: the message the component sits on. */
  sourceMessageId: string | null;
  dispatchedAt: number;
  callback: InteractionCallbackRecord | null;
  /** The message `@original` refers to once there is one. */
  originalMessageId: string | null;
  /** The original response carries real content (not a "thinking" defer). */
  originalSettled: boolean;
  originalDeleted: boolean;
  followUpIds: string[];
  /** Not acknowledged before the deadline: Discord shows "This interaction failed". */
  expired: boolean;
}

const PRUNE_THRESHOLD = 1000;

/** How long Discord accepts the initial callback, and how long the token then works for webhooks. */
export interface InteractionDeadlines {
  acknowledgeWithinMs: number;
  tokenValidForMs: number;
  /** How long an InteractionHandle waits for a final message or follow-ups unless told otherwise (a hang guard for tests). */
  answerWaitMs: number;
}

/**
 * Tracks the interactions the emulator dispatched: lookup by id and token, the 3-second
 * acknowledgement deadline, and change notification for waiting InteractionHandles.
 */
export class InteractionRegistry {
  private readonly byId = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly deadlineTimers = new Set<NodeJS.Timeout>();

  constructor(
    readonly deadlines: InteractionDeadlines,
    private readonly onExpired: (record: InteractionRecord) => void,
  ) {}

  create(
    input: Omit<
      InteractionRecord,
      "token" | "dispatchedAt" | "callback" | "originalMessageId" | "originalSettled" | "originalDeleted" | "followUpIds" | "expired"
    >,
  ): InteractionRecord {
    const record: InteractionRecord = {
      ...input,
      token: `aW50ZXJhY3Rpb24.${randomBytes(48).toString("base64url")}`,
      dispatchedAt: Date.now(),
      callback: null,
      originalMessageId: null,
      originalSettled: false,
      originalDeleted: false,
      followUpIds: [],
      expired: false,
    };
    this.forgetExpiredTokens();
    this.byId.set(record.id, record);
    this.byToken.set(record.token, record);
    const timer = setTimeout(() => {
      this.deadlineTimers.delete(timer);
      if (record.callback) return;
      record.expired = true;
      this.onExpired(record);
      this.notify(record);
    }, this.deadlines.acknowledgeWithinMs);
    timer.unref();
    this.deadlineTimers.add(timer);
    return record;
  }

  /** Interactions whose token expired can no longer be used; drop them so long sessions stay small. */
  private forgetExpiredTokens(): void {
    if (this.byId.size < PRUNE_THRESHOLD) return;
    for (const record of this.byId.values()) {
      if (!this.tokenExpired(record)) continue;
      this.byId.delete(record.id);
      this.byToken.delete(record.token);
      this.listeners.delete(record.id);
    }
  }

  get(id: string): InteractionRecord | undefined {
    return this.byId.get(id);
  }

  byWebhookToken(token: string): InteractionRecord | undefined {
    return this.byToken.get(token);
  }

  tokenExpired(record: InteractionRecord): boolean {
    return Date.now() - record.dispatchedAt > this.deadlines.tokenValidForMs;
  }

  subscribe(record: InteractionRecord, listener: () => void): () => void {
    let set = this.listeners.get(record.id);
    if (!set) {
      set = new Set();
      this.listeners.set(record.id, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(record.id);
    };
  }

  notify(record: InteractionRecord): void {
    for (const listener of [...(this.listeners.get(record.id) ?? [])]) listener();
  }

  close(): void {
    for (const timer of this.deadlineTimers) clearTimeout(timer);
    this.deadlineTimers.clear();
    this.listeners.clear();
  }
}

export function interactionEvent(record: InteractionRecord): InteractionEvent {
  return {
    id: record.id,
    kind: record.kind,
    guildId: record.guildId,
    channelId: record.channelId,
    userId: record.userId,
    commandName: record.commandName,
    customId: record.customId,
  };
}
