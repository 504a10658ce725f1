import { ChannelType, GatewayDispatchEvents, GatewayIntentBits, MessageFlags, PermissionFlagsBits } from "discord-api-types/v10";
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
import type { RequestBody, UploadedFile } from "./readRequestBody.js";
import type { RestRequest, RestResponse, RestRoute } from "./RestRouter.js";
import { toApiChannel, toApiMessage } from "./toApiPayloads.js";

const AUTO_ARCHIVE_DURATIONS = [60, 1440, 4320, 10080] as const;

type ThreadInput = { id?: string; name: string; type: ChannelType; autoArchiveDuration: StoredThreadMetadata["autoArchiveDuration"] };

/** Channels, channel messages, threads and DM channels. */
export function channelRoutes(context: EmulatorContext): RestRoute[] {
  const routes = new ChannelRouteHandlers(context);
  const route = (method: string, template: string, handle: (request: RestRequest) => Promise<RestResponse> | RestResponse): RestRoute => ({
    method,
    template,
    auth: "bot",
    handle,
  });
  return [
    route("GET", "/channels/:channelId", (request) => routes.getChannel(request)),
    route("DELETE", "/channels/:channelId", (request) => routes.deleteChannel(request)),
    route("POST", "/channels/:channelId/messages", (request) => routes.createMessage(request)),
    route("GET", "/channels/:channelId/messages", (request) => routes.listMessages(request)),
    route("GET", "/channels/:channelId/messages/:messageId", (request) => routes.getMessage(request)),
    route("PATCH", "/channels/:channelId/messages/:messageId", (request) => routes.editMessage(request)),
    route("DELETE", "/channels/:channelId/messages/:messageId", (request) => routes.deleteMessage(request)),
    route("POST", "/channels/:channelId/messages/:messageId/threads", (request) => routes.startThreadFromMessage(request)),
    route("POST", "/channels/:channelId/threads", (request) => routes.startThread(request)),
    route("POST", "/users/@me/channels", (request) => routes.openDmChannel(request)),
  ];
}

/** The handlers of channelRoutes, one method per route, and what they share. */
class ChannelRouteHandlers {
  private readonly botId: string;

  constructor(private readonly context: EmulatorContext) {
    this.botId = context.state.botUser.id;
  }

  getChannel(request: RestRequest): RestResponse {
    return { status: 200, body: toApiChannel(this.context.state, this.readableChannel(request.params.channelId ?? "")) };
  }

  deleteChannel(request: RestRequest): RestResponse {
    const { context } = this;
    const channel = requireChannel(context, request.params.channelId ?? "");
    const ownThread = channel.thread?.ownerId === this.botId;
    if (!ownThread) requireBotPermissions(context, channel, PermissionFlagsBits.ManageChannels);
    const body = toApiChannel(context.state, channel);
    channel.deleted = true;
    if (channel.guildId) {
      context.gateway.dispatch(
        isThreadType(channel.type) ? GatewayDispatchEvents.ThreadDelete : GatewayDispatchEvents.ChannelDelete,
        body,
        { guildId: channel.guildId, intent: GatewayIntentBits.Guilds },
      );
    }
    return { status: 200, body };
  }

  async createMessage(request: RestRequest): Promise<RestResponse> {
    const { state, messages } = this.context;
    const channel = requireChannel(this.context, request.params.channelId ?? "");
    const body = await this.messageBody(request);
    this.checkCanPost(channel, body.files.length > 0);
    const { payload, files } = { ...body, payload: this.withEmbedsAllowed(channel, body.payload) };
    if (payload.enforceNonce && payload.nonce !== undefined) {
      const earlier = messages.findByNonce(channel.id, this.botId, payload.nonce);
      // As on Discord: the message of a nonce that was deleted since is not created again.
      if (earlier === "deleted") throw restErrors.unknownMessage();
      if (earlier) return { status: 200, body: toApiMessage(state, earlier) };
    }
    return { status: 200, body: toApiMessage(state, this.postMessage(channel, payload, files)) };
  }

  listMessages(request: RestRequest): RestResponse {
    const channel = this.readableChannel(request.params.channelId ?? "");
    // As on Discord: without Read Message History the list is empty, not an error.
    if (!this.botMay(channel, PermissionFlagsBits.ReadMessageHistory)) return { status: 200, body: [] };
    const limit = Math.min(Math.max(Number(request.query.get("limit") ?? "50") || 50, 1), 100);
    const before = request.query.get("before");
    const after = request.query.get("after");
    let list = this.context.state.channelMessages(channel.id).filter((message) => message.visibleToUserId === null);
    if (before) list = list.filter((message) => BigInt(message.id) < BigInt(before));
    if (after) list = list.filter((message) => BigInt(message.id) > BigInt(after));
    // Discord lists newest first.
    const page = after ? list.slice(0, limit).reverse() : list.slice(-limit).reverse();
    return { status: 200, body: page.map((message) => this.storedMessage(message)) };
  }

  getMessage(request: RestRequest): RestResponse {
    const channel = this.readableChannel(request.params.channelId ?? "");
    requireBotPermissions(this.context, channel, PermissionFlagsBits.ReadMessageHistory);
    return { status: 200, body: this.storedMessage(this.channelMessage(channel, request.params.messageId ?? "")) };
  }

  async editMessage(request: RestRequest): Promise<RestResponse> {
    const channel = this.readableChannel(request.params.channelId ?? "");
    const message = this.channelMessage(channel, request.params.messageId ?? "");
    const body = await this.messageBody(request);
    if (message.authorId !== this.botId) throw restErrors.cannotEditOthersMessage();
    const { payload, files } = { ...body, payload: this.withEmbedsAllowed(channel, body.payload) };
    if (payload !== body.payload && editLeavesEmpty(message, payload, files.length)) throw restErrors.emptyMessage();
    return { status: 200, body: this.storedMessage(this.context.messages.edit(message, payload, files)) };
  }

  deleteMessage(request: RestRequest): RestResponse {
    const channel = this.readableChannel(request.params.channelId ?? "");
    const message = this.channelMessage(channel, request.params.messageId ?? "");
    if (message.authorId !== this.botId) requireBotPermissions(this.context, channel, PermissionFlagsBits.ManageMessages);
    this.context.messages.delete(message);
    return { status: 204 };
  }

  async startThreadFromMessage(request: RestRequest): Promise<RestResponse> {
    const channel = this.readableChannel(request.params.channelId ?? "");
    if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
      throw invalidChannelType();
    }
    requireBotPermissions(this.context, channel, PermissionFlagsBits.CreatePublicThreads);
    const message = this.channelMessage(channel, request.params.messageId ?? "");
    const { errors, name, autoArchiveDuration } = readThreadOptions((await request.body()).json);
    errors.throwIfAny();
    if (message.threadId !== null) throw restErrors.threadAlreadyCreated();
    // A thread started from a message shares the message's id, as on Discord.
    const thread = this.createThread(channel, {
      id: message.id,
      name,
      type: channel.type === ChannelType.GuildAnnouncement ? ChannelType.AnnouncementThread : ChannelType.PublicThread,
      autoArchiveDuration,
    });
    message.threadId = thread.id;
    message.flags |= MessageFlags.HasThread;
    return { status: 201, body: toApiChannel(this.context.state, thread) };
  }

  async startThread(request: RestRequest): Promise<RestResponse> {
    const channel = this.readableChannel(request.params.channelId ?? "");
    const body = await request.body();
    if (channel.type === ChannelType.GuildForum) return this.startForumPost(channel, body);
    if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
      throw invalidChannelType();
    }
    const { record, errors, name, autoArchiveDuration } = readThreadOptions(body.json);
    const type = record.type;
    if (type !== ChannelType.PublicThread && type !== ChannelType.PrivateThread && type !== ChannelType.AnnouncementThread) {
      errors.add(["type"], "BASE_TYPE_REQUIRED", "This field is required");
    }
    errors.throwIfAny();
    requireBotPermissions(
      this.context,
      channel,
      type === ChannelType.PrivateThread ? PermissionFlagsBits.CreatePrivateThreads : PermissionFlagsBits.CreatePublicThreads,
    );
    const thread = this.createThread(channel, { name, type: type as ChannelType, autoArchiveDuration });
    return { status: 201, body: toApiChannel(this.context.state, thread) };
  }

  async openDmChannel(request: RestRequest): Promise<RestResponse> {
    const { state } = this.context;
    const body = (await request.body()).json;
    const recipientId = isRecord(body) && typeof body.recipient_id === "string" ? body.recipient_id : "";
    const user = state.users.get(recipientId);
    if (!user || user.bot) throw restErrors.unknownUser();
    return { status: 200, body: toApiChannel(state, state.dmChannelFor(user.id)) };
  }

  /** A forum post: a thread whose starter message has the thread's id. */
  private startForumPost(forum: StoredChannel, body: RequestBody): RestResponse {
    const { record, errors, name, autoArchiveDuration } = readThreadOptions(body.json);
    const asked = readMessagePayload(record.message, ["message"]);
    errors.throwIfAny();
    requireBotPermissions(
      this.context,
      forum,
      PermissionFlagsBits.SendMessages | (body.files.length > 0 ? PermissionFlagsBits.AttachFiles : 0n),
    );
    const starter = this.withEmbedsAllowed(forum, asked);
    if (isEmptyMessage(starter, body.files.length)) throw restErrors.emptyMessage();
    const thread = this.createThread(forum, { name, type: ChannelType.PublicThread, autoArchiveDuration });
    const message = this.context.messages.create({
      channel: thread,
      authorId: this.botId,
      payload: starter,
      files: body.files,
      id: thread.id,
    });
    return { status: 201, body: { ...toApiChannel(this.context.state, thread), message: toApiMessage(this.context.state, message) } };
  }

  /** A channel the bot may read in; DMs are always readable for their bot. */
  private readableChannel(channelId: string): StoredChannel {
    const channel = requireChannel(this.context, channelId);
    requireBotPermissions(this.context, channel, PermissionFlagsBits.ViewChannel);
    return channel;
  }

  /** A message as Discord returns it once stored: the nonce is only echoed when the message is created (its response and MESSAGE_CREATE). */
  private storedMessage(message: StoredMessage) {
    const { nonce: _nonce, ...stored } = toApiMessage(this.context.state, message);
    return stored;
  }

  private botMay(channel: StoredChannel, permission: bigint): boolean {
    return channel.guildId === null || (this.context.state.channelPermissions(channel, this.botId) & permission) === permission;
  }

  /**
   * The payload as Discord keeps it from the bot in this channel: without Embed Links its embeds are dropped
   * silently (a message left with nothing else is then refused as empty). The same object when nothing is dropped.
   * Interaction replies are not checked: Discord lets apps embed links when responding to interactions.
   */
  private withEmbedsAllowed(channel: StoredChannel, payload: MessagePayload): MessagePayload {
    if ((payload.embeds ?? []).length === 0 || this.botMay(channel, PermissionFlagsBits.EmbedLinks)) return payload;
    return { ...payload, embeds: [] };
  }

  private channelMessage(channel: StoredChannel, messageId: string): StoredMessage {
    const message = this.context.state.liveMessage(messageId);
    // Ephemeral messages cannot be reached through channel endpoints, only through the interaction webhook.
    if (!message || message.channelId !== channel.id || message.visibleToUserId !== null) {
      throw restErrors.unknownMessage();
    }
    return message;
  }

  /** Checks that the bot may post `payload` (+ files) here; throws Discord's error otherwise. */
  private checkCanPost(channel: StoredChannel, hasFiles: boolean): void {
    if (!isMessageableChannel(channel)) throw cannotSendInChannelType();
    if (channel.type === ChannelType.DM) {
      const recipient = channel.recipientId ? this.context.state.users.get(channel.recipientId) : undefined;
      if (!recipient || recipient.dmsClosed) throw restErrors.cannotSendToUser();
      return;
    }
    let required = sendPermissionFor(channel);
    if (hasFiles) required |= PermissionFlagsBits.AttachFiles;
    requireBotPermissions(this.context, channel, required);
    if (channel.thread?.locked) throw restErrors.missingPermissions();
  }

  private postMessage(channel: StoredChannel, payload: MessagePayload, files: UploadedFile[]): StoredMessage {
    if (isEmptyMessage(payload, files.length)) throw restErrors.emptyMessage();
    if (payload.replyToMessageId !== undefined && !this.context.state.liveMessage(payload.replyToMessageId)) {
      const errors = new FormErrors();
      errors.add(["message_reference"], "REPLIES_UNKNOWN_MESSAGE", "Unknown message");
      errors.throwIfAny();
    }
    if (channel.thread?.archived) channel.thread.archived = false;
    return this.context.messages.create({ channel, authorId: this.botId, payload, files });
  }

  private createThread(parent: StoredChannel, input: ThreadInput): StoredChannel {
    const { state } = this.context;
    const guild = parent.guildId ? state.guilds.get(parent.guildId) : undefined;
    if (!guild) throw invalidChannelType();
    const thread = state.addGuildChannel(guild, {
      ...(input.id ? { id: input.id } : {}),
      type: input.type,
      name: input.name,
      parentId: parent.id,
      thread: {
        ownerId: this.botId,
        archived: false,
        locked: false,
        autoArchiveDuration: input.autoArchiveDuration,
        createdAt: new Date().toISOString(),
        messageCount: 0,
      },
    });
    this.context.gateway.dispatch(
      GatewayDispatchEvents.ThreadCreate,
      { ...toApiChannel(state, thread), newly_created: true },
      { guildId: guild.id, intent: GatewayIntentBits.Guilds },
    );
    return thread;
  }

  private async messageBody(request: RestRequest): Promise<{ payload: MessagePayload; files: UploadedFile[] }> {
    const body = await request.body();
    return { payload: readMessagePayload(body.json), files: body.files };
  }
}

/** Whether an edit whose embeds were dropped would leave the message with nothing to show (Discord refuses it). */
function editLeavesEmpty(message: StoredMessage, payload: MessagePayload, fileCount: number): boolean {
  const kept = payload.attachments === undefined ? message.attachments.length + fileCount : payload.attachments.length;
  return isEmptyMessage(
    {
      ...payload,
      content: payload.content ?? message.content,
      components: payload.components ?? message.components,
    },
    kept,
  );
}

function readThreadOptions(body: unknown) {
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
}
