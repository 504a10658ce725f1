import {
  DiscordAPIError,
  MessageFlags,
  PermissionFlagsBits,
  RESTJSONErrorCodes,
  Routes,
  type APIChannel,
  type APIEmbed,
  type APIMessage,
  type Channel,
  type Client,
  type GuildBasedChannel,
  type GuildMember,
  type RESTPostAPIChannelMessageJSONBody,
} from "discord.js";
import type { RawFile } from "@discordjs/rest";
import type { Logger } from "../logging/createLogger.js";
import { messageFingerprint } from "../services/messageFingerprint.js";
import { DeliveryError, DeliveryFailure, NonceSpentError, type DirectMessageMark, type PostSender } from "../services/PostSender.js";
import { botMay, botMayAttachFiles, botMayEmbedLinks, botMayOpenThreads } from "./botPermissions.js";
import type { PostMessage } from "./render/postMessage.js";

/** How far back findPosted looks: pages of Discord's maximum of 100 messages, newest first. */
const lookupPages = 5;
const pageSize = 100;

/** Discord's epoch: a snowflake holds its milliseconds since then in its top bits. */
const discordEpochMs = 1_420_070_400_000n;

/** The smallest snowflake of `at`: `after=` it lists the messages created from then on. */
function snowflakeAt(at: Date): string {
  return ((BigInt(at.getTime()) - discordEpochMs) << 22n).toString();
}

/** Threads of weekly posts stay open for a week of quiet. */
const threadArchiveMinutes = 10080;

const channelGoneCodes: ReadonlySet<number> = new Set([RESTJSONErrorCodes.UnknownChannel]);
const noPermissionCodes: ReadonlySet<number> = new Set([RESTJSONErrorCodes.MissingAccess, RESTJSONErrorCodes.MissingPermissions]);
const recipientClosedCodes: ReadonlySet<number> = new Set([
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
  RESTJSONErrorCodes.UnknownUser,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
]);
const threadRefusedCodes: ReadonlySet<number> = new Set([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage,
  RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType,
]);

function body(message: PostMessage, nonce: string): RESTPostAPIChannelMessageJSONBody {
  return {
    ...editBody(message),
    // A retried request with the same nonce returns the first message instead of posting twice.
    nonce,
    enforce_nonce: true,
  };
}

/** What a message carries, for a post or an edit: its pictures as `files[n]` uploads named in `attachments`. */
function editBody(message: PostMessage): RESTPostAPIChannelMessageJSONBody {
  return {
    ...(message.content === undefined ? {} : { content: message.content }),
    embeds: [...message.embeds],
    ...(message.components === undefined ? {} : { components: [...message.components] }),
    ...(message.files === undefined
      ? {}
      : { attachments: message.files.map((file, index) => ({ id: index, filename: file.name, description: file.description })) }),
    allowed_mentions: { parse: [] },
  };
}

function withoutFiles(message: PostMessage): PostMessage {
  const { files: _files, ...rest } = message;
  return rest;
}

function uploads(message: PostMessage): { files?: RawFile[] } {
  if (message.files === undefined || message.files.length === 0) return {};
  return { files: message.files.map((file) => ({ name: file.name, data: file.data, contentType: "image/png" })) };
}

/**
 * An embed as the bot sent it, from the one Discord returns: the parts our posts use (Discord adds its own,
 * `type` and the like, which an edit need not send back). Posts carry no embed images (pictures are attachments).
 */
function sentEmbed(embed: APIEmbed): APIEmbed {
  return {
    ...(embed.color === undefined ? {} : { color: embed.color }),
    ...(embed.title === undefined ? {} : { title: embed.title }),
    ...(embed.description === undefined ? {} : { description: embed.description }),
    ...(embed.url === undefined ? {} : { url: embed.url }),
    ...(embed.author === undefined ? {} : { author: { name: embed.author.name } }),
    ...(embed.fields === undefined
      ? {}
      : {
          fields: embed.fields.map((field) => ({
            name: field.name,
            value: field.value,
            ...(field.inline === undefined ? {} : { inline: field.inline }),
          })),
        }),
    ...(embed.footer === undefined ? {} : { footer: { text: embed.footer.text } }),
  };
}

/**
 * Embeds a channel refuses the bot (no Embed Links): Discord would drop them without an error, the post going out
 * as a bare chart or bare buttons, so the post is held as for any missing post permission (the admin is told).
 */
function embedsRefused(channelId: string, status: number | null = null, code: number | null = null): DeliveryError {
  return new DeliveryError(DeliveryFailure.NoPermission, `no Embed Links in channel ${channelId}`, status, code, channelId);
}

/**
 * A message Discord stored without the embeds the bot sent: it dropped them, the bot lacking Embed Links there (the
 * cache not knowing yet). Refused as for a post the cache knows to lack them (no_permission), the message named for
 * its sender to delete: it is not the post. One a moderator removed the embeds of (SUPPRESS_EMBEDS, which a resend
 * under the nonce of a stored message is answered with) is the post, sent: never taken for a refusal.
 */
function strippedOf(message: PostMessage, posted: APIMessage): boolean {
  const suppressed = ((posted.flags ?? 0) & MessageFlags.SuppressEmbeds) !== 0;
  return message.embeds.length > 0 && posted.embeds.length === 0 && !suppressed;
}

function embedsStripped(channelId: string, messageId: string): DeliveryError {
  return new DeliveryError(
    DeliveryFailure.NoPermission,
    `embeds dropped in channel ${channelId} (no Embed Links)`,
    null,
    null,
    channelId,
    messageId,
  );
}

/**
 * Discord's "empty message" for one that had embeds: it dropped them, the bot lacking Embed Links there. Only a
 * message with nothing else is refused so: one that also has pictures, text or buttons is stored without its
 * embeds (strippedOf, in Discord's answer).
 */
function droppedEmbeds(error: unknown, message: PostMessage): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendAnEmptyMessage && message.embeds.length > 0;
}

/** A channel message's or edit's refusal: Discord's empty-message refusal of one that had embeds is Embed Links'. */
function channelFailure(error: unknown, channelId: string, message: PostMessage): DeliveryError {
  return droppedEmbeds(error, message)
    ? embedsRefused(channelId, 400, RESTJSONErrorCodes.CannotSendAnEmptyMessage)
    : classify(error, "channel");
}

/** discord.js errors → the scheduler's failure kinds. */
function classify(error: unknown, target: "channel" | "dm"): DeliveryError {
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === "number" ? error.code : null;
    const detail = `${error.status} ${String(error.code)}: ${error.message}`;
    if (target === "dm" && (error.status === 403 || (code !== null && recipientClosedCodes.has(code)))) {
      return new DeliveryError(DeliveryFailure.RecipientClosed, detail, error.status, code);
    }
    if (code !== null && channelGoneCodes.has(code)) return new DeliveryError(DeliveryFailure.ChannelMissing, detail, error.status, code);
    if (code !== null && noPermissionCodes.has(code)) return new DeliveryError(DeliveryFailure.NoPermission, detail, error.status, code);
    if (error.status === 404) return new DeliveryError(DeliveryFailure.ChannelMissing, detail, error.status, code);
    if (error.status === 403) return new DeliveryError(DeliveryFailure.NoPermission, detail, error.status, code);
    if (error.status === 429 || error.status >= 500) return new DeliveryError(DeliveryFailure.Transient, detail, error.status, code);
    return new DeliveryError(DeliveryFailure.Rejected, detail, error.status, code);
  }
  // HTTPError (5xx after discord.js's own retries), rate-limit rejections, timeouts, network trouble.
  const status = typeof (error as { status?: unknown }).status === "number" ? (error as { status: number }).status : null;
  return new DeliveryError(DeliveryFailure.Transient, error instanceof Error ? error.message : String(error), status);
}

/**
 * A failed fetch of the bot's permissions in a channel: gone (Unknown Channel) is a missing channel, as on a send;
 * refused (Missing Access: no View Channel) is an answer, the bot may not post there; anything else is Discord
 * trouble (transient), the permissions unknown.
 */
function permissionFetchFailure(error: unknown): false {
  const code = error instanceof DiscordAPIError && typeof error.code === "number" ? error.code : null;
  if (code !== null && noPermissionCodes.has(code)) return false;
  const status = error instanceof DiscordAPIError ? error.status : null;
  if (code !== null && channelGoneCodes.has(code))
    throw new DeliveryError(DeliveryFailure.ChannelMissing, "the channel is gone: its permissions could not be fetched", status, code);
  throw new DeliveryError(DeliveryFailure.Transient, "the bot's permissions in the channel could not be fetched", status, code);
}

/**
 * Sends the scheduler's posts through discord.js's REST client, which queues
 * requests per route and honours Discord's rate limits. Only raw REST calls:
 * the channel need not be in the gateway cache.
 */
export class DiscordPostSender implements PostSender {
  private readonly dmChannelByUser = new Map<string, string>();

  constructor(
    private readonly client: Client,
    private readonly logger: Logger,
  ) {}

  /**
   * Pictures never cost a post: where the bot may not attach files (as far as its cache knows) the
   * message goes without them, and when Discord refuses one with its pictures for missing permissions
   * (Attach Files taken away since), it is sent once more without them, under the same nonce, so
   * Discord still keeps it to one message. A refusal of that second send is the channel's problem.
   */
  async sendToChannel(channelId: string, message: PostMessage, nonce: string): Promise<{ messageId: string }> {
    if (message.embeds.length > 0 && this.deniedByCache(channelId, botMayEmbedLinks)) throw embedsRefused(channelId);
    const files = message.files?.length ?? 0;
    const hasFiles = files > 0;
    if (hasFiles && this.deniedByCache(channelId, botMayAttachFiles)) {
      this.logger.info({ channelId, files }, "no Attach Files in the channel: post sent without its pictures");
      return this.post(channelId, withoutFiles(message), nonce);
    }
    try {
      return await this.post(channelId, message, nonce);
    } catch (error) {
      if (!hasFiles || !(error instanceof DeliveryError) || error.code !== RESTJSONErrorCodes.MissingPermissions) throw error;
      this.logger.warn({ channelId, code: error.code }, "post with pictures refused for missing permissions: sent again without them");
      return this.post(channelId, withoutFiles(message), nonce);
    }
  }

  private async post(channelId: string, message: PostMessage, nonce: string): Promise<{ messageId: string }> {
    let posted: APIMessage;
    try {
      posted = (await this.client.rest.post(Routes.channelMessages(channelId), {
        body: body(message, nonce),
        ...uploads(message),
      })) as APIMessage;
    } catch (error) {
      // The message of this nonce was deleted since: Discord will not post it again under it (for a few minutes).
      if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage)
        throw new NonceSpentError(error.status, error.code);
      throw channelFailure(error, channelId, message);
    }
    if (!strippedOf(message, posted)) return { messageId: posted.id };
    // The cache did not know: asked again, so the channel's checks see it from now on, not one more send each time.
    await this.refreshPermissions(channelId);
    this.logger.warn({ channelId, messageId: posted.id }, "post stored without its embeds: no Embed Links in the channel");
    throw embedsStripped(channelId, posted.id);
  }

  /**
   * The channel's overwrites, the bot's roles and the roles' permissions fetched from Discord into the cache: the
   * channel, and the bot as a member of its server (null for a channel gone or outside a server).
   */
  private async fetchPermissions(channelId: string): Promise<{ channel: Channel | null; me: GuildMember | null }> {
    const channel = await this.client.channels.fetch(channelId, { force: true });
    if (channel === null || channel.isDMBased()) return { channel, me: null };
    const [me] = await Promise.all([channel.guild.members.fetchMe({ force: true }), channel.guild.roles.fetch(undefined, { force: true })]);
    return { channel, me };
  }

  private async refreshPermissions(channelId: string): Promise<void> {
    try {
      await this.fetchPermissions(channelId);
    } catch (error) {
      this.logger.warn({ channelId, err: error }, "bot permissions not fetched after a post lost its embeds");
    }
  }

  async deleteMessage(channelId: string, messageId: string): Promise<void> {
    try {
      await this.client.rest.delete(Routes.channelMessage(channelId, messageId));
    } catch (error) {
      const gone =
        error instanceof DiscordAPIError &&
        (error.code === RESTJSONErrorCodes.UnknownMessage || error.code === RESTJSONErrorCodes.UnknownChannel);
      if (!gone) throw classify(error, "channel");
    }
  }

  /**
   * Whether the cached guild channel denies the bot what `may` checks. The cache only, no fetch on the send
   * path: false when the cache cannot tell (the send then decides).
   */
  private deniedByCache(channelId: string, may: (channel: GuildBasedChannel, me: GuildMember) => boolean): boolean {
    const channel = this.client.channels.cache.get(channelId);
    if (channel === undefined || channel.isDMBased()) return false;
    const me = channel.guild.members.me;
    if (me === null) return false;
    return !may(channel, me);
  }

  async mayPostFetched(channelId: string): Promise<boolean> {
    let channel: Channel | null;
    let me: GuildMember | null;
    try {
      ({ channel, me } = await this.fetchPermissions(channelId));
    } catch (error) {
      return permissionFetchFailure(error);
    }
    if (channel === null || channel.isDMBased() || me === null) return false;
    return botMay(channel, me, [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks]);
  }

  /** An edit without Embed Links would strip a board of its words (Discord drops the embeds): refused as for a post. */
  async editMessage(channelId: string, messageId: string, message: PostMessage, signal?: AbortSignal): Promise<void> {
    if (message.embeds.length > 0 && this.deniedByCache(channelId, botMayEmbedLinks)) throw embedsRefused(channelId);
    try {
      await this.client.rest.patch(Routes.channelMessage(channelId, messageId), { body: editBody(message), ...uploads(message), signal });
    } catch (error) {
      throw channelFailure(error, channelId, message);
    }
  }

  async readMessage(channelId: string, messageId: string): Promise<PostMessage> {
    try {
      const message = (await this.client.rest.get(Routes.channelMessage(channelId, messageId))) as APIMessage;
      return { content: message.content, embeds: message.embeds.map(sentEmbed) };
    } catch (error) {
      throw classify(error, "channel");
    }
  }

  async findPosted(channelId: string, fingerprints: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const wanted = new Set(fingerprints);
    const found = new Map<string, string>();
    const botId = this.client.user?.id ?? this.client.application?.id ?? null;
    let before: string | undefined;
    try {
      for (let page = 0; page < lookupPages && found.size < wanted.size; page += 1) {
        const query = new URLSearchParams({ limit: String(pageSize), ...(before === undefined ? {} : { before }) });
        const messages = (await this.client.rest.get(Routes.channelMessages(channelId), { query })) as APIMessage[];
        for (const message of messages) {
          if (message.author.id !== botId) continue;
          const fingerprint = messageFingerprint(message);
          if (wanted.has(fingerprint) && !found.has(fingerprint)) found.set(fingerprint, message.id);
        }
        if (messages.length < pageSize) break;
        before = messages.at(-1)?.id;
      }
    } catch (error) {
      throw classify(error, "channel");
    }
    return found;
  }

  async openThread(guildId: string, channelId: string, messageId: string, name: string): Promise<"opened" | "not_allowed"> {
    const guild = this.client.guilds.cache.get(guildId);
    const channel = guild?.channels.cache.get(channelId);
    const me = guild?.members.me;
    if (channel !== undefined && me !== undefined && me !== null) {
      if (!botMayOpenThreads(channel, me)) return "not_allowed";
    }
    try {
      await this.client.rest.post(Routes.threads(channelId, messageId), { body: { name, auto_archive_duration: threadArchiveMinutes } });
      return "opened";
    } catch (error) {
      if (error instanceof DiscordAPIError && typeof error.code === "number" && threadRefusedCodes.has(error.code)) {
        this.logger.debug({ channelId, code: error.code }, "discussion thread not opened");
        return "not_allowed";
      }
      throw classify(error, "channel");
    }
  }

  async openDirect(userId: string): Promise<void> {
    try {
      await this.dmChannelOf(userId);
    } catch (error) {
      throw classify(error, "dm");
    }
  }

  async sendDirect(userId: string, message: PostMessage, nonce: string, signal?: AbortSignal): Promise<{ messageId: string }> {
    try {
      const channelId = await this.dmChannelOf(userId);
      // An aborted signal leaves discord.js's queue (or cuts the request off): an AbortError, Transient below.
      const posted = (await this.client.rest.post(Routes.channelMessages(channelId), { body: body(message, nonce), signal })) as APIMessage;
      return { messageId: posted.id };
    } catch (error) {
      throw classify(error, "dm");
    }
  }

  async findDirect(userId: string, marks: readonly DirectMessageMark[], since: Date): Promise<string | null> {
    const botId = this.client.user?.id ?? this.client.application?.id ?? null;
    const wanted = marks.map((mark) => ({ ...mark, at: Date.parse(mark.timestamp) }));
    try {
      const channelId = await this.dmChannelOf(userId);
      const query = new URLSearchParams({ after: snowflakeAt(since), limit: String(pageSize) });
      const messages = (await this.client.rest.get(Routes.channelMessages(channelId), { query })) as APIMessage[];
      const found = messages.find(
        (message) =>
          message.author.id === botId &&
          message.embeds.some((embed) =>
            wanted.some(
              (mark) =>
                embed.url === mark.url &&
                embed.timestamp !== undefined &&
                Date.parse(embed.timestamp) === mark.at &&
                (embed.footer?.text ?? null) === mark.footer,
            ),
          ),
      );
      return found?.id ?? null;
    } catch (error) {
      throw classify(error, "dm");
    }
  }

  private async dmChannelOf(userId: string): Promise<string> {
    const known = this.dmChannelByUser.get(userId);
    if (known !== undefined) return known;
    const channel = (await this.client.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
    this.dmChannelByUser.set(userId, channel.id);
    return channel.id;
  }
}
