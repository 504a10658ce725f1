import { InteractionResponseType } from "discord-api-types/v10";
import type { InteractionRecord, InteractionRegistry } from "./InteractionRegistry.js";
import type { EmulatorMessage } from "./MessageService.js";
import { isRecord } from "./readMessagePayload.js";

export interface AutocompleteChoice {
  name: string;
  value: string | number;
}

/** The bot's first callback to an interaction, as the user would experience it. */
export interface InteractionResponse {
  type: InteractionResponseType;
  ephemeral: boolean;
  /** The callback's `data` exactly as the bot sent it. */
  data: unknown;
  /** The message the callback created or updated (none for autocomplete). */
  message: EmulatorMessage | null;
  /** Autocomplete results (type 8), else null. */
  choices: AutocompleteChoice[] | null;
  respondedWithinMs: number;
}

export interface WaitOptions {
  timeoutMs?: number | undefined;
}

/**
 * What a test or the playground holds after triggering an interaction: it waits for the bot's
 * acknowledgement and final message and lists follow-ups. Deliberately not thenable.
 */
export class InteractionHandle {
  constructor(
    private readonly record: InteractionRecord,
    private readonly registry: InteractionRegistry,
    private readonly messageSnapshot: (messageId: string) => EmulatorMessage | null,
  ) {}

  get id(): string {
    return this.record.id;
  }

  get token(): string {
    return this.record.token;
  }

  /** Milliseconds between dispatching the interaction and the bot's callback; null before it. */
  get respondedWithinMs(): number | null {
    return this.record.callback ? this.record.callback.at - this.record.dispatchedAt : null;
  }

  /** True when the bot missed Discord's acknowledgement deadline ("This interaction failed"). */
  get failed(): boolean {
    return this.record.expired;
  }

  /** Resolves with the first callback; rejects when the bot misses the deadline or the timeout. */
  response(options: WaitOptions = {}): Promise<InteractionResponse> {
    const timeoutMs = options.timeoutMs ?? this.registry.deadlines.acknowledgeWithinMs + 500;
    return this.waitUntil(
      () => (this.record.callback ? this.describeCallback() : undefined),
      () =>
        this.record.expired
          ? new Error(
              `${this.describe()} was not acknowledged within ${this.registry.deadlines.acknowledgeWithinMs} ms; ` +
                `Discord would show "This interaction failed"`,
            )
          : undefined,
      timeoutMs,
      () => `${this.describe()} got no response within ${timeoutMs} ms`,
    );
  }

  /**
   * Resolves with the response message once it holds real content: right after a reply or an
   * update, or after the edit that follows a deferral.
   */
  final(options: WaitOptions = {}): Promise<EmulatorMessage> {
    const timeoutMs = options.timeoutMs ?? this.registry.deadlines.answerWaitMs;
    return this.waitUntil(
      () => {
        if (!this.record.originalSettled || this.record.originalMessageId === null) return undefined;
        return this.messageSnapshot(this.record.originalMessageId) ?? undefined;
      },
      () => {
        if (this.record.expired) return new Error(`${this.describe()} was never acknowledged`);
        if (this.record.callback?.type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
          return new Error(`${this.describe()} is an autocomplete interaction and has no message`);
        }
        if (this.record.originalDeleted) return new Error(`${this.describe()}'s response was deleted`);
        return undefined;
      },
      timeoutMs,
      () =>
        this.record.callback
          ? `${this.describe()} was deferred (type ${this.record.callback.type}) but its response was not edited within ${timeoutMs} ms`
          : `${this.describe()} got no response within ${timeoutMs} ms`,
    );
  }

  /** The original response as it is now (null before there is one). */
  originalMessage(): EmulatorMessage | null {
    return this.record.originalMessageId ? this.messageSnapshot(this.record.originalMessageId) : null;
  }

  /** Follow-up messages sent so far, oldest first. */
  followUps(): EmulatorMessage[] {
    return this.record.followUpIds.flatMap((id) => {
      const message = this.messageSnapshot(id);
      return message ? [message] : [];
    });
  }

  /** Resolves when the number of follow-ups reaches `count`. */
  waitForFollowUps(count: number, options: WaitOptions = {}): Promise<EmulatorMessage[]> {
    const timeoutMs = options.timeoutMs ?? this.registry.deadlines.answerWaitMs;
    return this.waitUntil(
      () => (this.record.followUpIds.length >= count ? this.followUps() : undefined),
      () => (this.record.expired ? new Error(`${this.describe()} was never acknowledged`) : undefined),
      timeoutMs,
      () => `${this.describe()} has ${this.record.followUpIds.length} follow-ups, not ${count}, after ${timeoutMs} ms`,
    );
  }

  private describeCallback(): InteractionResponse {
    const callback = this.record.callback;
    if (!callback) throw new Error("describeCallback needs a callback");
    const isAutocomplete = callback.type === InteractionResponseType.ApplicationCommandAutocompleteResult;
    return {
      type: callback.type,
      ephemeral: callback.ephemeral,
      data: structuredClone(callback.data),
      message: !isAutocomplete && this.record.originalMessageId ? this.messageSnapshot(this.record.originalMessageId) : null,
      choices: isAutocomplete ? readChoices(callback.data) : null,
      respondedWithinMs: callback.at - this.record.dispatchedAt,
    };
  }

  private describe(): string {
    if (this.record.commandName) return `Interaction /${this.record.commandName} (${this.record.kind})`;
    return `Interaction ${this.record.kind} "${this.record.customId ?? this.record.id}"`;
  }

  private waitUntil<T>(
    ready: () => T | undefined,
    failure: () => Error | undefined,
    timeoutMs: number,
    timeoutMessage: () => string,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      let unsubscribe: () => void = () => {};
      const timer = setTimeout(() => finish(() => reject(new Error(timeoutMessage()))), timeoutMs);
      const finish = (action: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        unsubscribe();
        action();
      };
      const check = () => {
        const value = ready();
        if (value !== undefined) {
          finish(() => resolve(value));
          return;
        }
        const error = failure();
        if (error) finish(() => reject(error));
      };
      unsubscribe = this.registry.subscribe(this.record, check);
      check();
    });
  }
}

function readChoices(data: unknown): AutocompleteChoice[] {
  if (!isRecord(data) || !Array.isArray(data.choices)) return [];
  return data.choices.flatMap((choice: unknown) =>
    isRecord(choice) && typeof choice.name === "string" && (typeof choice.value === "string" || typeof choice.value === "number")
      ? [{ name: choice.name, value: choice.value }]
      : [],
  );
}
