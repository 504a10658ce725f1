import {
  ChannelType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
} from "discord-api-types/v10";
import type { EmulatorContext } from "./EmulatorContext.js";
import {
  cannotSendInChannelType,
  invalidChannelType,
  isMessageableChannel,
  requireBotPermissions,
  requireChannel,
  sendPermissionFor,
} from "./EmulatorContext.js";
import type { StoredChannel, StoredMessage, StoredThreadMetadata } from "./EmulatorState.js";
import { isThreadType } from "./EmulatorState.js";
import { FormErrors, restErrors } from "./DiscordRestError.js";
import type { MessagePayload } from "./readMessagePayload.js";
import { isEmptyMessage, isRecord, readMessagePayload } from "./readMessagePayload.js";
import type { UploadedFile } from "./readRequestBody.js";
import type { RestRequest, RestRoute } from "./RestRouter.js";
import { toApiChannel, toApiMessage } from "./toApiPayloads.js";

const AUTO_ARCHIVE_DURATIONS = [60, 1440, 4320, 10080] as const;

/** Channels, channel messages, threads and DM channels. */
export function channelRoutes(context: EmulatorContext): RestRoute[] {
  const { state, messages } = context;
  const botId = state.botUser.id;

  /** A channel the bot may read in; DMs are always readable for their bot. */
  const readableChannel = (channelId: string): StoredChannel => {
    const channel = requireChannel(context, channelId);
    requireBotPermissions(context, channel, PermissionFlagsBits.ViewChannel);
    return channel;
  };

  /** A message as Discord returns it once stored: the nonce is only echoed when the message is created (its response and MESSAGE_CREATE). */
  const storedMessage = (message: StoredMessage) => {
    const { nonce: _nonce, ...stored } = toApiMessage(state, message);
    return stored;
  };

  const botMay = (channel: StoredChannel, permission: bigint): boolean =>
    channel.guildId === null || (state.channelPermissions(channel, botId) & permission) === permission;

  const channelMessage = (channel: StoredChannel, messageId: string): StoredMessage => {
    const message = state.liveMessage(messageId);
    // Ephemeral messages cannot be reached through channel endpoints, only through the interaction webhook.
    if (!message || message.channelId !== channel.id || message.visibleToUserId !== null) {
      throw restErrors.unknownMessage();
    }
    return message;
  };

  /** Checks that the bot may post `payload` (+ files) here; throws Discord's error otherwise. */
  const checkCanPost = (channel: StoredChannel, hasFiles: boolean): void => {
    if (!isMessageableChannel(channel)) throw cannotSendInChannelType();
    if (channel.type === ChannelType.DM) {
      const recipient = channel.recipientId ? state.users.get(channel.recipientId) : undefined;
      if (!recipient || recipient.dmsClosed) throw restErrors.cannotSendToUser();
      return;
    }
    let required = sendPermissionFor(channel);
    if (hasFiles) required |= PermissionFlagsBits.AttachFiles;
    requireBotPermissions(context, channel, required);
    if (channel.thread?.locked) throw restErrors.missingPermissions();
  };

  const postMessage = (channel: StoredChannel, payload: MessagePayload, files: UploadedFile[]): StoredMessage => {
    if (isEmptyMessage(payload, files.length)) throw restErrors.emptyMessage();
    if (payload.replyToMessageId !== undefined && !state.liveMessage(payload.replyToMessageId)) {
      const errors = new FormErrors();
      errors.add(["message_reference"], "REPLIES_UNKNOWN_MESSAGE", "Unknown message");
      errors.throwIfAny();
    }
    if (channel.thread?.archived) channel.thread.archived = false;
    return messages.create({ channel, authorId: botId, payload, files });
  };

  const createThread = (
    parent: StoredChannel,
    input: { id?: string; name: string; type: ChannelType; autoArchiveDuration: StoredThreadMetadata["autoArchiveDuration"] },
  ): StoredChannel => {
    const guild = parent.guildId ? state.guilds.get(parent.guildId) : undefined;
    if (!guild) throw invalidChannelType();
    const thread = state.addGuildChannel(guild, {
      ...(input.id ? { id: input.id } : {}),
      type: input.type,
      name: input.name,
      parentId: parent.id,
      thread: {
        ownerId: botId,
        archived: false,
        locked: false,
        autoArchiveDuration: input.autoArchiveDuration,
        createdAt: new Date().toISOString(),
        messageCount: 0,
      },
    });
    context.gateway.dispatch(
      GatewayDispatchEvents.ThreadCreate,
      { ...toApiChannel(state, thread), newly_created: true },
      { guildId: guild.id, intent: GatewayIntentBits.Guilds },
    );
    return thread;
  };

  const readThreadOptions = (body: unknown) => {
    const record = isRecord(body) ? body : {};
    const errors = new FormErrors();
    const name = typeof record.name === "string" ? record.name : "";
    if (name.length < 1 || name.length > 100) {
      errors.add(["name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
    }
    const duration = record.auto_archive_duration ?? 4320;
    const autoArchiveDuration = AUTO_ARCHIVE_DURATIONS.find((allowed) => allowed === duration);
    if (autoArchiveDuration === undefined) {
      errors.add(["auto_archive_duration"], "BASE_TYPE_CHOICES", "Value must be one of {60, 1440, 4320, 10080}.");
    }
    return { record, errors, name, autoArchiveDuration: autoArchiveDuration ?? 4320 };
  };

  const messageBody = async (request: RestRequest) => {
    const body = await request.body();
    return { payload: readMessagePayload(body.json), files: body.files };
  };

  return [
    {
      method: "GET",
      template: "/channels/:channelId",
      auth: "bot",
      handle: (request) => ({ status: 200, body: toApiChannel(state, readableChannel(request.params.channelId ?? "")) }),
    },
    {
      method: "DELETE",
      template: "/channels/:channelId",
      auth: "bot",
      handle: (request) => {
        const channel = requireChannel(context, request.params.channelId ?? "");
        const ownThread = channel.thread?.ownerId === botId;
        if (!ownThread) requireBotPermissions(context, channel, PermissionFlagsBits.ManageChannels);
        const body = toApiChannel(state, channel);
        channel.deleted = true;
        if (channel.guildId) {
          context.gateway.dispatch(
            isThreadType(channel.type) ? GatewayDispatchEvents.ThreadDelete : GatewayDispatchEvents.ChannelDelete,
            body,
            { guildId: channel.guildId, intent: GatewayIntentBits.Guilds },
          );
        }
        return { status: 200, body };
      },
    },
    {
      method: "POST",
      template: "/channels/:channelId/messages",
      auth: "bot",
      handle: async (request) => {
        const channel = requireChannel(context, request.params.channelId ?? "");
        const { payload, files } = await messageBody(request);
        checkCanPost(channel, files.length > 0);
        if (payload.enforceNonce && payload.nonce !== undefined) {
          const earlier = messages.findByNonce(channel.id, botId, payload.nonce);
          if (earlier) return { status: 200, body: toApiMessage(state, earlier) };
        }
        return { status: 200, body: toApiMessage(state, postMessage(channel, payload, files)) };
      },
    },
    {
      method: "GET",
      template: "/channels/:channelId/messages",
      auth: "bot",
      handle: (request) => {
        const channel = readableChannel(request.params.channelId ?? "");
        // As on Discord: without Read Message History the list is empty, not an error.
        if (!botMay(channel, PermissionFlagsBits.ReadMessageHistory)) return { status: 200, body: [] };
        const limit = Math.min(Math.max(Number(request.query.get("limit") ?? "50") || 50, 1), 100);
        const before = request.query.get("before");
        const after = request.query.get("after");
        let list = state.channelMessages(channel.id).filter((message) => message.visibleToUserId === null);
        if (before) list = list.filter((message) => BigInt(message.id) < BigInt(before));
        if (after) list = list.filter((message) => BigInt(message.id) > BigInt(after));
        // Discord lists newest first.
        const page = after ? list.slice(0, limit).reverse() : list.slice(-limit).reverse();
        return { status: 200, body: page.map((message) => storedMessage(message)) };
      },
    },
    {
      method: "GET",
      template: "/channels/:channelId/messages/:messageId",
      auth: "bot",
      handle: (request) => {
        const channel = readableChannel(request.params.channelId ?? "");
        requireBotPermissions(context, channel, PermissionFlagsBits.ReadMessageHistory);
        return { status: 200, body: storedMessage(channelMessage(channel, request.params.messageId ?? "")) };
      },
    },
    {
      method: "PATCH",
      template: "/channels/:channelId/messages/:messageId",
      auth: "bot",
      handle: async (request) => {
        const channel = readableChannel(request.params.channelId ?? "");
        const message = channelMessage(channel, request.params.messageId ?? "");
        const { payload, files } = await messageBody(request);
        if (message.authorId !== botId) throw restErrors.cannotEditOthersMessage();
        return { status: 200, body: storedMessage(messages.edit(message, payload, files)) };
      },
    },
    {
      method: "DELETE",
      template: "/channels/:channelId/messages/:messageId",
      auth: "bot",
      handle: (request) => {
        const channel = readableChannel(request.params.channelId ?? "");
        const message = channelMessage(channel, request.params.messageId ?? "");
        if (message.authorId !== botId) requireBotPermissions(context, channel, PermissionFlagsBits.ManageMessages);
        messages.delete(message);
        return { status: 204 };
      },
    },
    {
      method: "POST",
      template: "/channels/:channelId/messages/:messageId/threads",
      auth: "bot",
      handle: async (request) => {
        const channel = readableChannel(request.params.channelId ?? "");
        if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
          throw invalidChannelType();
        }
        requireBotPermissions(context, channel, PermissionFlagsBits.CreatePublicThreads);
        const message = channelMessage(channel, request.params.messageId ?? "");
        const { errors, name, autoArchiveDuration } = readThreadOptions((await request.body()).json);
        errors.throwIfAny();
        if (message.threadId !== null) throw restErrors.threadAlreadyCreated();
        // A thread started from a message shares the message's id, as on Discord.
        const thread = createThread(channel, {
          id: message.id,
          name,
          type: channel.type === ChannelType.GuildAnnouncement ? ChannelType.AnnouncementThread : ChannelType.PublicThread,
          autoArchiveDuration,
        });
        message.threadId = thread.id;
        message.flags |= MessageFlags.HasThread;
        return { status: 201, body: toApiChannel(state, thread) };
      },
    },
    {
      method: "POST",
      template: "/channels/:channelId/threads",
      auth: "bot",
      handle: async (request) => {
        const channel = readableChannel(request.params.channelId ?? "");
        const body = await request.body();
        const { record, errors, name, autoArchiveDuration } = readThreadOptions(body.json);
        if (channel.type === ChannelType.GuildForum) {
          const starter = readMessagePayload(record.message, ["message"]);
          errors.throwIfAny();
          requireBotPermissions(
            context,
            channel,
            PermissionFlagsBits.SendMessages | (body.files.length > 0 ? PermissionFlagsBits.AttachFiles : 0n),
          );
          if (isEmptyMessage(starter, body.files.length)) throw restErrors.emptyMessage();
          const thread = createThread(channel, { name, type: ChannelType.PublicThread, autoArchiveDuration });
          // A forum post's starter message has the thread's id.
          const message = messages.create({ channel: thread, authorId: botId, payload: starter, files: body.files, id: thread.id });
          return { status: 201, body: { ...toApiChannel(state, thread), message: toApiMessage(state, message) } };
        }
        if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
          throw invalidChannelType();
        }
        const type = record.type;
        if (type !== ChannelType.PublicThread && type !== ChannelType.PrivateThread && type !== ChannelType.AnnouncementThread) {
          errors.add(["type"], "BASE_TYPE_REQUIRED", "This field is required");
        }
        errors.throwIfAny();
        requireBotPermissions(
          context,
          channel,
          type === ChannelType.PrivateThread ? PermissionFlagsBits.CreatePrivateThreads : PermissionFlagsBits.CreatePublicThreads,
        );
        const thread = createThread(channel, { name, type: type as ChannelType, autoArchiveDuration });
        return { status: 201, body: toApiChannel(state, thread) };
      },
    },
    {
      method: "POST",
      template: "/users/@me/channels",
      auth: "bot",
      handle: async (request) => {
        const body = (await request.body()).json;
        const recipientId = isRecord(body) && typeof body.recipient_id === "string" ? body.recipient_id : "";
        const user = state.users.get(recipientId);
        if (!user || user.bot) throw restErrors.unknownUser();
        return { status: 200, body: toApiChannel(state, state.dmChannelFor(user.id)) };
      },
    },
  ];
}
