import { GatewayDispatchEvents, GatewayIntentBits, MessageFlags, MessageType, PermissionFlagsBits } from "discord-api-types/v10";
import type { APIAllowedMentions, APIEmbed, APIMessageTopLevelComponent } from "discord-api-types/v10";
import type { EmulatorGateway } from "./EmulatorGateway.js";
import type { EmulatorState, MessageInteractionOrigin, StoredAttachment, StoredChannel, StoredMessage } from "./EmulatorState.js";
import { EPHEMERAL_FLAG, LOADING_FLAG } from "./EmulatorState.js";
import type { MessagePayload } from "./readMessagePayload.js";
import type { UploadedFile } from "./readRequestBody.js";
import { restErrors } from "./DiscordRestError.js";
import { resolveMentions } from "./resolveMentions.js";
import { shownEmbeds, toApiMember, toApiMessage } from "./toApiPayloads.js";

/** A stored attachment as tests and the playground see it. */
export interface EmulatorAttachment {
  id: string;
  filename: string;
  contentType: string | null;
  size: number;
  url: string;
  description: string | null;
}

/** A message as tests and the playground see it: a detached snapshot. */
export interface EmulatorMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  type: MessageType;
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  attachments: EmulatorAttachment[];
  flags: number;
  ephemeral: boolean;
  /** A deferred reply still "thinking". */
  loading: boolean;
  /** Ephemeral messages: the only user who sees them. */
  visibleToUserId: string | null;
  /** What the bot sent as `allowed_mentions` (null = not sent, Discord then parses everything). */
  allowedMentions: APIAllowedMentions | null;
  /** Who the message really pinged after `allowed_mentions` and permissions. */
  mentions: { everyone: boolean; userIds: string[]; roleIds: string[] };
  nonce: string | number | null;
  createdAt: number;
  editedAt: number | null;
  interactionId: string | null;
  threadId: string | null;
}

export interface NewMessage {
  channel: StoredChannel;
  authorId: string;
  payload: MessagePayload;
  files: UploadedFile[];
  type?: MessageType;
  webhookId?: string | null;
  interaction?: MessageInteractionOrigin | null;
  /** Flags Discord adds itself (ephemeral, loading) on top of the payload's. */
  extraFlags?: number;
  visibleToUserId?: string | null;
  /** For thread starter messages in forums: the message id equals the thread id. */
  id?: string;
}

export interface MessageEvents {
  created(message: StoredMessage): void;
  updated(message: StoredMessage): void;
  deleted(message: StoredMessage): void;
}

/**
 * Creates, edits and deletes messages: builds attachments from uploads, works out mentions,
 * and announces changes on the gateway (MESSAGE_CREATE/UPDATE/DELETE for sessions with the
 * message intents) and to the emulator's listeners. Ephemeral messages never reach the gateway.
 */
export class MessageService {
  private readonly nonceIndex = new Map<string, { messageId: string; at: number }>();

  constructor(
    private readonly state: EmulatorState,
    private readonly gateway: EmulatorGateway,
    private readonly baseUrl: () => string,
    private readonly events: MessageEvents,
    private readonly nonceWindowMs: number,
    /** The clock of the nonce memory and of messages' creation and edit times (tests move it instead of waiting minutes). */
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The earlier message with the same nonce from the same author, when `enforce_nonce` asks for dedupe; "deleted"
   * when that message was deleted since (Discord then refuses the new one as Unknown Message rather than post it).
   */
  findByNonce(channelId: string, authorId: string, nonce: string | number): StoredMessage | "deleted" | undefined {
    const key = nonceKey(channelId, authorId, nonce);
    const entry = this.nonceIndex.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at > this.nonceWindowMs) {
      this.nonceIndex.delete(key);
      return undefined;
    }
    return this.state.liveMessage(entry.messageId) ?? "deleted";
  }

  private forgetOldNonces(): void {
    if (this.nonceIndex.size < NONCE_PRUNE_THRESHOLD) return;
    const oldest = this.now() - this.nonceWindowMs;
    for (const [key, entry] of this.nonceIndex) if (entry.at < oldest) this.nonceIndex.delete(key);
  }

  create(input: NewMessage): StoredMessage {
    const { channel, payload } = input;
    const id = input.id ?? this.state.nextId();
    const content = payload.content ?? "";
    const allowedMentions = payload.allowedMentions ?? null;
    const flags = (payload.flags ?? 0) | (input.extraFlags ?? 0);
    const message: StoredMessage = {
      id,
      channelId: channel.id,
      guildId: channel.guildId,
      authorId: input.authorId,
      type: input.type ?? (payload.replyToMessageId ? MessageType.Reply : MessageType.Default),
      content,
      embeds: structuredClone(payload.embeds ?? []),
      components: structuredClone(payload.components ?? []),
      attachments: this.buildAttachments(channel.id, payload, input.files, []),
      flags,
      nonce: payload.nonce ?? null,
      allowedMentions,
      mentions: this.mentionsFor(channel, input.authorId, content, allowedMentions),
      tts: payload.tts,
      createdAt: this.now(),
      editedAt: null,
      webhookId: input.webhookId ?? null,
      interaction: input.interaction ?? null,
      visibleToUserId: input.visibleToUserId ?? null,
      threadId: null,
      deleted: false,
    };
    this.state.addMessage(message);
    if (payload.nonce !== undefined && payload.enforceNonce) {
      this.forgetOldNonces();
      this.nonceIndex.set(nonceKey(channel.id, input.authorId, payload.nonce), { messageId: id, at: this.now() });
    }
    this.announce(GatewayDispatchEvents.MessageCreate, message);
    this.events.created(message);
    return message;
  }

  /** Applies an edit body: fields that are present replace the old ones, like PATCH on Discord. */
  edit(message: StoredMessage, payload: MessagePayload, files: UploadedFile[]): StoredMessage {
    const channel = this.state.channels.get(message.channelId);
    if (!channel) throw restErrors.unknownChannel();
    if (payload.content !== undefined) message.content = payload.content;
    if (payload.embeds !== undefined) message.embeds = structuredClone(payload.embeds);
    if (payload.components !== undefined) message.components = structuredClone(payload.components);
    if (payload.allowedMentions !== undefined) message.allowedMentions = payload.allowedMentions;
    if (payload.flags !== undefined) {
      // Only presentation flags can change; ephemerality is fixed at creation.
      message.flags = (message.flags & EPHEMERAL_FLAG) | (payload.flags & ~EPHEMERAL_FLAG);
    }
    message.flags &= ~LOADING_FLAG;
    if (payload.attachments !== undefined || files.length > 0) {
      message.attachments = this.buildAttachments(channel.id, payload, files, message.attachments);
    }
    message.mentions = this.mentionsFor(channel, message.authorId, message.content, message.allowedMentions);
    message.editedAt = this.now();
    for (const attachment of message.attachments) this.state.attachments.set(attachment.id, attachment);
    this.announce(GatewayDispatchEvents.MessageUpdate, message);
    this.events.updated(message);
    return message;
  }

  /**
   * A moderator's "remove embeds": the SUPPRESS_EMBEDS flag set. As on Discord the embeds are kept, only hidden
   * (shown and returned as none; an edit clearing the flag shows them again).
   */
  suppressEmbeds(message: StoredMessage): void {
    message.flags |= MessageFlags.SuppressEmbeds;
    message.editedAt = this.now();
    this.announce(GatewayDispatchEvents.MessageUpdate, message);
    this.events.updated(message);
  }

  delete(message: StoredMessage): void {
    message.deleted = true;
    if (message.visibleToUserId === null) {
      const channel = this.state.channels.get(message.channelId);
      this.gateway.dispatch(
        GatewayDispatchEvents.MessageDelete,
        { id: message.id, channel_id: message.channelId, ...(message.guildId ? { guild_id: message.guildId } : {}) },
        this.targetFor(channel),
      );
    }
    this.events.deleted(message);
  }

  snapshot(message: StoredMessage): EmulatorMessage {
    return {
      id: message.id,
      channelId: message.channelId,
      guildId: message.guildId,
      authorId: message.authorId,
      type: message.type,
      content: message.content,
      embeds: shownEmbeds(message),
      components: structuredClone(message.components),
      attachments: message.attachments.map((attachment) => ({
        id: attachment.id,
        filename: attachment.filename,
        contentType: attachment.contentType,
        size: attachment.data.length,
        url: attachment.url,
        description: attachment.description,
      })),
      flags: message.flags,
      ephemeral: (message.flags & EPHEMERAL_FLAG) !== 0,
      loading: (message.flags & LOADING_FLAG) !== 0,
      visibleToUserId: message.visibleToUserId,
      allowedMentions: message.allowedMentions === null ? null : structuredClone(message.allowedMentions),
      mentions: {
        everyone: message.mentions.everyone,
        userIds: [...message.mentions.userIds],
        roleIds: [...message.mentions.roleIds],
      },
      nonce: message.nonce,
      createdAt: message.createdAt,
      editedAt: message.editedAt,
      interactionId: message.interaction?.interactionId ?? null,
      threadId: message.threadId,
    };
  }

  /** Stores bytes as an attachment served by the emulator's HTTP server under /attachments/. */
  storeAttachment(
    channelId: string,
    file: { filename: string; contentType: string | null; data: Buffer; description?: string | null },
  ): StoredAttachment {
    const id = this.state.nextId();
    const attachment: StoredAttachment = {
      id,
      channelId,
      filename: file.filename,
      description: file.description ?? null,
      contentType: contentTypeOf(file.filename, file.contentType),
      data: file.data,
      url: `${this.baseUrl()}/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`,
    };
    this.state.attachments.set(id, attachment);
    return attachment;
  }

  private buildAttachments(
    channelId: string,
    payload: MessagePayload,
    files: UploadedFile[],
    existing: StoredAttachment[],
  ): StoredAttachment[] {
    const references = payload.attachments;
    const uploads = new Map(files.map((file) => [file.index, file]));
    const kept: StoredAttachment[] = [];
    const usedUploads = new Set<string>();
    if (references) {
      for (const reference of references) {
        const upload = uploads.get(reference.id);
        if (upload) {
          usedUploads.add(reference.id);
          kept.push(
            this.storeAttachment(channelId, {
              filename: reference.filename ?? upload.filename,
              contentType: upload.contentType,
              data: upload.data,
              description: reference.description,
            }),
          );
          continue;
        }
        const previous = existing.find((attachment) => attachment.id === reference.id);
        if (previous) kept.push(previous);
      }
    } else {
      kept.push(...existing);
    }
    for (const file of files) {
      if (usedUploads.has(file.index)) continue;
      kept.push(this.storeAttachment(channelId, { filename: file.filename, contentType: file.contentType, data: file.data }));
    }
    return kept;
  }

  private mentionsFor(
    channel: StoredChannel,
    authorId: string,
    content: string,
    allowedMentions: APIAllowedMentions | null,
  ): StoredMessage["mentions"] {
    const permissions = this.state.channelPermissions(channel, authorId);
    return resolveMentions(content, allowedMentions, {
      canMentionEveryone: (permissions & PermissionFlagsBits.MentionEveryone) !== 0n,
      isMentionableRole: (roleId) => {
        const role = this.state.roles.get(roleId);
        return role !== undefined && role.guildId === channel.guildId && role.mentionable;
      },
      isKnownUser: (userId) => this.state.users.has(userId),
    });
  }

  private announce(event: GatewayDispatchEvents, message: StoredMessage): void {
    if (message.visibleToUserId !== null) return;
    const channel = this.state.channels.get(message.channelId);
    const payload: Record<string, unknown> = { ...toApiMessage(this.state, message) };
    if (message.guildId) {
      payload.guild_id = message.guildId;
      const member = this.state.member(message.guildId, message.authorId);
      if (member) {
        const { user: _user, ...memberWithoutUser } = toApiMember(this.state, member);
        payload.member = memberWithoutUser;
      }
    }
    this.gateway.dispatch(event, payload, this.targetFor(channel));
  }

  private targetFor(channel: StoredChannel | undefined) {
    const guildId = channel?.guildId ?? null;
    return {
      guildId,
      intent: guildId === null ? GatewayIntentBits.DirectMessages : GatewayIntentBits.GuildMessages,
    };
  }
}

const NONCE_PRUNE_THRESHOLD = 1000;

/** Discord names an upload's type from its file name when the client sent none or a generic one. */
const CONTENT_TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  txt: "text/plain; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

function contentTypeOf(filename: string, declared: string | null): string | null {
  if (declared !== null && declared !== "application/octet-stream") return declared;
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? "";
  return CONTENT_TYPES_BY_EXTENSION[extension] ?? declared;
}

function nonceKey(channelId: string, authorId: string, nonce: string | number): string {
  return `${channelId}:${authorId}:${typeof nonce}:${nonce}`;
}
