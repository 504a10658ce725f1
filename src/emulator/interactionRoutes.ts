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
import type { RestRequest, RestRoute } from "./RestRouter.js";
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
  const { state, messages, interactions } = context;
  const botId = state.botUser.id;

  const originOf = (record: InteractionRecord, originalResponseMessageId: string | null) => ({
    interactionId: record.id,
    interactionType: record.type,
    commandName: record.commandName,
    userId: record.userId,
    interactedMessageId: record.sourceMessageId,
    originalResponseMessageId,
  });

  /** Creates a message that answers an interaction (reply, deferral placeholder or follow-up). */
  const createResponseMessage = (
    record: InteractionRecord,
    payload: MessagePayload,
    files: UploadedFile[],
    options: { loading: boolean; followUp: boolean },
  ): StoredMessage => {
    const channel = requireChannel(context, record.channelId);
    const ephemeral = ((payload.flags ?? 0) & EPHEMERAL_FLAG) !== 0;
    const isCommandReply = record.kind === InteractionKind.Command && !options.followUp;
    return messages.create({
      channel,
      authorId: botId,
      payload,
      files,
      type: isCommandReply ? MessageType.ChatInputCommand : MessageType.Default,
      webhookId: context.applicationId,
      interaction: originOf(record, options.followUp ? record.originalMessageId : null),
      extraFlags: options.loading ? LOADING_FLAG : 0,
      visibleToUserId: ephemeral ? record.userId : null,
    });
  };

  const interactionFor = (request: RestRequest): InteractionRecord => {
    const record = interactions.get(request.params.interactionId ?? "");
    if (!record || record.token !== request.params.token) throw restErrors.unknownInteraction();
    return record;
  };

  const webhookInteraction = (request: RestRequest): InteractionRecord => {
    if (request.params.applicationId !== context.applicationId) throw restErrors.unknownWebhook();
    const record = interactions.byWebhookToken(request.params.token ?? "");
    if (!record) throw restErrors.unknownWebhook();
    if (interactions.tokenExpired(record)) throw restErrors.invalidWebhookToken();
    return record;
  };

  /** The message `@original` or an id names, if it belongs to this interaction. */
  const webhookMessage = (record: InteractionRecord, messageId: string): StoredMessage => {
    const id = messageId === "@original" ? record.originalMessageId : messageId;
    const belongs = id !== null && (id === record.originalMessageId || record.followUpIds.includes(id));
    const message = belongs ? state.liveMessage(id) : undefined;
    if (!message) throw restErrors.unknownMessage();
    return message;
  };

  const callback = async (request: RestRequest) => {
    const record = interactionFor(request);
    const body = await request.body();
    const json = isRecord(body.json) ? body.json : {};
    const type = json.type as InteractionResponseType;
    if (!ALLOWED_CALLBACKS[record.kind].has(type)) {
      const errors = new FormErrors();
      errors.add(["type"], "INTERACTION_RESPONSE_TYPE_INVALID", `Interaction response type ${String(json.type)} is not valid here`);
      errors.throwIfAny();
    }
    if (record.callback) throw restErrors.interactionAlreadyAcknowledged();
    if (record.expired) throw restErrors.unknownInteraction();

    let message: StoredMessage | null = null;
    let ephemeral = false;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const payload = readMessagePayload(json.data, ["data"]);
        const deferred = type === InteractionResponseType.DeferredChannelMessageWithSource;
        if (!deferred && isEmptyMessage(payload, body.files.length)) throw restErrors.emptyMessage();
        message = createResponseMessage(record, deferred ? { ...payload, content: "" } : payload, deferred ? [] : body.files, {
          loading: deferred,
          followUp: false,
        });
        ephemeral = message.visibleToUserId !== null;
        record.originalMessageId = message.id;
        record.originalSettled = !deferred;
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        const source = record.sourceMessageId ? state.liveMessage(record.sourceMessageId) : undefined;
        if (!source) throw restErrors.unknownMessage();
        if (type === InteractionResponseType.UpdateMessage) {
          messages.edit(source, readMessagePayload(json.data, ["data"]), body.files);
        }
        message = source;
        ephemeral = source.visibleToUserId !== null;
        record.originalMessageId = source.id;
        record.originalSettled = type === InteractionResponseType.UpdateMessage;
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult:
        readAutocompleteChoices(json.data);
        break;
      default:
        throw new DiscordRestError(400, { message: "Unsupported interaction response type", code: 50035 });
    }

    const callbackRecord: InteractionCallbackRecord = {
      type,
      data: structuredClone(json.data ?? null),
      ephemeral,
      at: Date.now(),
    };
    record.callback = callbackRecord;
    context.onInteractionCallback(record, callbackRecord);
    interactions.notify(record);

    if (request.query.get("with_response") !== "true") return { status: 204 };
    const response: RESTPostAPIInteractionCallbackWithResponseResult = {
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
      resource: { type, ...(message ? { message: toApiMessage(state, message) } : {}) },
    };
    return { status: 200, body: response };
  };

  const editWebhookMessage = async (request: RestRequest) => {
    const record = webhookInteraction(request);
    const message = webhookMessage(record, request.params.messageId ?? "@original");
    const body = await request.body();
    messages.edit(message, readMessagePayload(body.json), body.files);
    if (message.id === record.originalMessageId) record.originalSettled = true;
    interactions.notify(record);
    return { status: 200, body: toApiMessage(state, message) };
  };

  const getWebhookMessage = (request: RestRequest) => {
    const record = webhookInteraction(request);
    return { status: 200, body: toApiMessage(state, webhookMessage(record, request.params.messageId ?? "@original")) };
  };

  const deleteWebhookMessage = (request: RestRequest) => {
    const record = webhookInteraction(request);
    const message = webhookMessage(record, request.params.messageId ?? "@original");
    messages.delete(message);
    if (message.id === record.originalMessageId) record.originalDeleted = true;
    interactions.notify(record);
    return { status: 204 };
  };

  return [
    { method: "POST", template: "/interactions/:interactionId/:token/callback", auth: "none", handle: callback },
    {
      method: "POST",
      template: "/webhooks/:applicationId/:token",
      auth: "none",
      handle: async (request) => {
        const record = webhookInteraction(request);
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
        const message = createResponseMessage(record, payload, body.files, { loading: false, followUp: true });
        record.followUpIds.push(message.id);
        interactions.notify(record);
        // For interaction tokens Discord always waits and returns the message.
        return { status: 200, body: toApiMessage(state, message) };
      },
    },
    { method: "GET", template: "/webhooks/:applicationId/:token/messages/:messageId", auth: "none", handle: getWebhookMessage },
    { method: "PATCH", template: "/webhooks/:applicationId/:token/messages/:messageId", auth: "none", handle: editWebhookMessage },
    {
      method: "DELETE",
      template: "/webhooks/:applicationId/:token/messages/:messageId",
      auth: "none",
      handle: deleteWebhookMessage,
    },
  ];
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
      if (typeof name !== "string" || name.length < 1 || name.length > 100) {
        errors.add(["data", "choices", index, "name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
      }
      if (typeof value === "string") {
        if (value.length > 100) {
          errors.add(["data", "choices", index, "value"], "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
        }
      } else if (typeof value !== "number") {
        errors.add(["data", "choices", index, "value"], "BASE_TYPE_REQUIRED", "This field is required");
      }
    });
  }
  errors.throwIfAny();
}
