import { InteractionResponseType, MessageType } from "discord-api-types/v10";
import type { RESTPostAPIInteractionCallbackWithResponseResult } from "discord-api-types/v10";
import type { EmulatorContext } from "./EmulatorContext.js";
import { requireChannel } from "./EmulatorContext.js";
import type { StoredMessage } from "./EmulatorState.js";
import { EPHEMERAL_FLAG, LOADING_FLAG } from "./EmulatorState.js";
import { DiscordRestError, FormErrors, restErrors } from "./DiscordRestError.js";
import type { InteractionCallbackRecord, InteractionRecord } from "./InteractionRegistry.js";
import { InteractionKind } from "./InteractionRegistry.js";
import type { MessagePayload } from "./readMessagePayload.js";
import { isEmptyMessage, isRecord, readMessagePayload } from "./readMessagePayload.js";
import type { UploadedFile } from "./readRequestBody.js";
import type { RequestBody } from "./readRequestBody.js";
import type { RestRequest, RestResponse, RestRoute } from "./RestRouter.js";
import { toApiMessage } from "./toApiPayloads.js";

const ALLOWED_CALLBACKS: Record<InteractionKind, ReadonlySet<InteractionResponseType>> = {
  [InteractionKind.Command]: new Set([
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
  ]),
  [InteractionKind.Component]: new Set([
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
  ]),
  [InteractionKind.Autocomplete]: new Set([InteractionResponseType.ApplicationCommandAutocompleteResult]),
};

/** Interaction callbacks and the interaction webhook (original response, follow-ups). */
export function interactionRoutes(context: EmulatorContext): RestRoute[] {
  const routes = new InteractionRouteHandlers(context);
  const route = (method: string, template: string, handle: (request: RestRequest) => Promise<RestResponse> | RestResponse): RestRoute => ({
    method,
    template,
    auth: "none",
    handle,
  });
  const webhookMessage = "/webhooks/:applicationId/:token/messages/:messageId";
  return [
    route("POST", "/interactions/:interactionId/:token/callback", (request) => routes.callback(request)),
    route("POST", "/webhooks/:applicationId/:token", (request) => routes.followUp(request)),
    route("GET", webhookMessage, (request) => routes.getWebhookMessage(request)),
    route("PATCH", webhookMessage, (request) => routes.editWebhookMessage(request)),
    route("DELETE", webhookMessage, (request) => routes.deleteWebhookMessage(request)),
  ];
}

/** What a callback answered with: the message it created or changed (none for autocomplete). */
interface CallbackOutcome {
  message: StoredMessage | null;
  ephemeral: boolean;
}

/** The handlers of interactionRoutes, one method per route, and what they share. */
class InteractionRouteHandlers {
  private readonly botId: string;

  constructor(private readonly context: EmulatorContext) {
    this.botId = context.state.botUser.id;
  }

  async callback(request: RestRequest): Promise<RestResponse> {
    const record = this.interactionFor(request);
    const body = await request.body();
    const json = isRecord(body.json) ? body.json : {};
    const type = json.type as InteractionResponseType;
    checkCallbackAllowed(record, type, json.type);
    const outcome = this.respond(record, type, json, body);
    const callbackRecord: InteractionCallbackRecord = {
      type,
      data: structuredClone(json.data ?? null),
      ephemeral: outcome.ephemeral,
      at: Date.now(),
    };
    record.callback = callbackRecord;
    this.context.onInteractionCallback(record, callbackRecord);
    this.context.interactions.notify(record);
    if (request.query.get("with_response") !== "true") return { status: 204 };
    return { status: 200, body: this.callbackResponse(record, type, outcome) };
  }

  async followUp(request: RestRequest): Promise<RestResponse> {
    const { state, messages, interactions } = this.context;
    const record = this.webhookInteraction(request);
    if (!record.callback) throw restErrors.unknownWebhook();
    const body = await request.body();
    const payload = readMessagePayload(body.json);
    if (isEmptyMessage(payload, body.files.length)) throw restErrors.emptyMessage();
    const original = record.originalMessageId ? state.liveMessage(record.originalMessageId) : undefined;
    if (original && (original.flags & LOADING_FLAG) !== 0) {
      // Discord turns the first follow-up after a deferred reply into that reply.
      messages.edit(original, payload, body.files);
      record.originalSettled = true;
      interactions.notify(record);
      return { status: 200, body: toApiMessage(state, original) };
    }
    const message = this.createResponseMessage(record, payload, body.files, { loading: false, followUp: true });
    record.followUpIds.push(message.id);
    interactions.notify(record);
    // For interaction tokens Discord always waits and returns the message.
    return { status: 200, body: toApiMessage(state, message) };
  }

  getWebhookMessage(request: RestRequest): RestResponse {
    const record = this.webhookInteraction(request);
    return { status: 200, body: toApiMessage(this.context.state, this.webhookMessage(record, request.params.messageId ?? "@original")) };
  }

  async editWebhookMessage(request: RestRequest): Promise<RestResponse> {
    const record = this.webhookInteraction(request);
    const message = this.webhookMessage(record, request.params.messageId ?? "@original");
    const body = await request.body();
    this.context.messages.edit(message, readMessagePayload(body.json), body.files);
    if (message.id === record.originalMessageId) record.originalSettled = true;
    this.context.interactions.notify(record);
    return { status: 200, body: toApiMessage(this.context.state, message) };
  }

  deleteWebhookMessage(request: RestRequest): RestResponse {
    const record = this.webhookInteraction(request);
    const message = this.webhookMessage(record, request.params.messageId ?? "@original");
    this.context.messages.delete(message);
    if (message.id === record.originalMessageId) record.originalDeleted = true;
    this.context.interactions.notify(record);
    return { status: 204 };
  }

  private respond(
    record: InteractionRecord,
    type: InteractionResponseType,
    json: Record<string, unknown>,
    body: RequestBody,
  ): CallbackOutcome {
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
      case InteractionResponseType.DeferredChannelMessageWithSource:
        return this.reply(record, type === InteractionResponseType.DeferredChannelMessageWithSource, json.data, body.files);
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage:
        return this.updateSource(record, type === InteractionResponseType.UpdateMessage, json.data, body.files);
      case InteractionResponseType.ApplicationCommandAutocompleteResult:
        readAutocompleteChoices(json.data);
        return { message: null, ephemeral: false };
      default:
        throw new DiscordRestError(400, { message: "Unsupported interaction response type", code: 50035 });
    }
  }

  /** A reply (or a deferral: a "thinking" placeholder) becomes the interaction's original message. */
  private reply(record: InteractionRecord, deferred: boolean, data: unknown, files: UploadedFile[]): CallbackOutcome {
    const payload = readMessagePayload(data, ["data"]);
    if (!deferred && isEmptyMessage(payload, files.length)) throw restErrors.emptyMessage();
    const message = this.createResponseMessage(record, deferred ? { ...payload, content: "" } : payload, deferred ? [] : files, {
      loading: deferred,
      followUp: false,
    });
    record.originalMessageId = message.id;
    record.originalSettled = !deferred;
    return { message, ephemeral: message.visibleToUserId !== null };
  }

  /** A component interaction edits the message its button sat on (now, or later after a deferral). */
  private updateSource(record: InteractionRecord, update: boolean, data: unknown, files: UploadedFile[]): CallbackOutcome {
    const source = record.sourceMessageId ? this.context.state.liveMessage(record.sourceMessageId) : undefined;
    if (!source) throw restErrors.unknownMessage();
    if (update) this.context.messages.edit(source, readMessagePayload(data, ["data"]), files);
    record.originalMessageId = source.id;
    record.originalSettled = update;
    return { message: source, ephemeral: source.visibleToUserId !== null };
  }

  private callbackResponse(
    record: InteractionRecord,
    type: InteractionResponseType,
    outcome: CallbackOutcome,
  ): RESTPostAPIInteractionCallbackWithResponseResult {
    const { message, ephemeral } = outcome;
    return {
      interaction: {
        id: record.id,
        type: record.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: (message.flags & LOADING_FLAG) !== 0,
              response_message_ephemeral: ephemeral,
            }
          : {}),
      },
      resource: { type, ...(message ? { message: toApiMessage(this.context.state, message) } : {}) },
    };
  }

  /** Creates a message that answers an interaction (reply, deferral placeholder or follow-up). */
  private createResponseMessage(
    record: InteractionRecord,
    payload: MessagePayload,
    files: UploadedFile[],
    options: { loading: boolean; followUp: boolean },
  ): StoredMessage {
    const channel = requireChannel(this.context, record.channelId);
    const ephemeral = ((payload.flags ?? 0) & EPHEMERAL_FLAG) !== 0;
    const isCommandReply = record.kind === InteractionKind.Command && !options.followUp;
    return this.context.messages.create({
      channel,
      authorId: this.botId,
      payload,
      files,
      type: isCommandReply ? MessageType.ChatInputCommand : MessageType.Default,
      webhookId: this.context.applicationId,
      interaction: originOf(record, options.followUp ? record.originalMessageId : null),
      extraFlags: options.loading ? LOADING_FLAG : 0,
      visibleToUserId: ephemeral ? record.userId : null,
    });
  }

  private interactionFor(request: RestRequest): InteractionRecord {
    const record = this.context.interactions.get(request.params.interactionId ?? "");
    if (!record || record.token !== request.params.token) throw restErrors.unknownInteraction();
    return record;
  }

  private webhookInteraction(request: RestRequest): InteractionRecord {
    const { interactions } = this.context;
    if (request.params.applicationId !== this.context.applicationId) throw restErrors.unknownWebhook();
    const record = interactions.byWebhookToken(request.params.token ?? "");
    if (!record) throw restErrors.unknownWebhook();
    if (interactions.tokenExpired(record)) throw restErrors.invalidWebhookToken();
    return record;
  }

  /** The message `@original` or an id names, if it belongs to this interaction. */
  private webhookMessage(record: InteractionRecord, messageId: string): StoredMessage {
    const id = messageId === "@original" ? record.originalMessageId : messageId;
    const belongs = id !== null && (id === record.originalMessageId || record.followUpIds.includes(id));
    const message = belongs ? this.context.state.liveMessage(id) : undefined;
    if (!message) throw restErrors.unknownMessage();
    return message;
  }
}

function originOf(record: InteractionRecord, originalResponseMessageId: string | null) {
  return {
    interactionId: record.id,
    interactionType: record.type,
    commandName: record.commandName,
    userId: record.userId,
    interactedMessageId: record.sourceMessageId,
    originalResponseMessageId,
  };
}

/** Discord's checks before it accepts a callback: a type that fits the interaction, answered once, in time. */
function checkCallbackAllowed(record: InteractionRecord, type: InteractionResponseType, rawType: unknown): void {
  if (!ALLOWED_CALLBACKS[record.kind].has(type)) {
    const errors = new FormErrors();
    errors.add(["type"], "INTERACTION_RESPONSE_TYPE_INVALID", `Interaction response type ${String(rawType)} is not valid here`);
    errors.throwIfAny();
  }
  if (record.callback) throw restErrors.interactionAlreadyAcknowledged();
  if (record.expired) throw restErrors.unknownInteraction();
}

function codePoints(text: string): number {
  return Array.from(text).length;
}

function readAutocompleteChoices(data: unknown): void {
  const errors = new FormErrors();
  const choices = isRecord(data) ? data.choices : undefined;
  if (!Array.isArray(choices)) {
    errors.add(["data", "choices"], "BASE_TYPE_REQUIRED", "This field is required");
  } else {
    if (choices.length > 25) errors.add(["data", "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
    choices.forEach((choice: unknown, index) => {
      const name = isRecord(choice) ? choice.name : undefined;
      const value = isRecord(choice) ? choice.value : undefined;
      // Counted in code points, as Discord's API counts characters (an emoji is one).
      if (typeof name !== "string" || name.length < 1 || codePoints(name) > 100) {
        errors.add(["data", "choices", index, "name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
      }
      if (typeof value === "string") {
        if (codePoints(value) > 100) {
          errors.add(["data", "choices", index, "value"], "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
        }
      } else if (typeof value !== "number") {
        errors.add(["data", "choices", index, "value"], "BASE_TYPE_REQUIRED", "This field is required");
      }
    });
  }
  errors.throwIfAny();
}
