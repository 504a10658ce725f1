import type { APIEmbed, APIMessageTopLevelComponent } from "discord-api-types/v10";
import type { Clock } from "../clock.js";
import type { DiscordEmulator } from "../emulator/DiscordEmulator.js";
import type { EmulatorMessage } from "../emulator/MessageService.js";
import type { PageUser } from "./MemberDirectory.js";

/** A message as the page draws it. */
export interface PageMessage {
  readonly id: string;
  /** The channel, or null for a direct message. */
  readonly channelId: string | null;
  /** Direct messages: the user who received it. */
  readonly dmUserId: string | null;
  readonly author: { readonly id: string; readonly name: string; readonly bot: boolean };
  readonly content: string;
  readonly embeds: readonly APIEmbed[];
  readonly components: readonly APIMessageTopLevelComponent[];
  /** `url` is the playground's own (its page may only load images from itself); `description` is the alt text. */
  readonly attachments: readonly PageAttachment[];
  /** Ephemeral messages: the only user who sees them. */
  readonly visibleToUserId: string | null;
  /** A deferred reply still "thinking". */
  readonly loading: boolean;
  /** When it was sent on the playground's clock (the emulator stamps real time). */
  readonly at: number;
  /** The slash command or button that produced this reply. */
  readonly interaction: { readonly userId: string; readonly userName: string; readonly command: string | null } | null;
  readonly hasThread: boolean;
}

export interface PageAttachment {
  readonly filename: string;
  readonly size: number;
  readonly contentType: string | null;
  readonly description: string | null;
  readonly url: string;
}

export type FeedEvent =
  | { readonly type: "message"; readonly message: PageMessage }
  | { readonly type: "delete"; readonly id: string }
  | { readonly type: "clock" }
  /** Who is in a cohort changed (a /join, a /leave): the member list as it is now. */
  | { readonly type: "members"; readonly users: readonly PageUser[] };

interface Tracked {
  readonly at: number;
  readonly dmUserId: string | null;
}

/**
 * Follows what the bot sends through the emulator's events: stamps each
 * message with the playground's clock, remembers which command produced it,
 * and passes changes on to the page's live connections.
 */
export class MessageFeed {
  private readonly tracked = new Map<string, Tracked>();
  private readonly origins = new Map<string, { userId: string; command: string | null }>();
  private readonly listeners = new Set<(event: FeedEvent) => void>();
  private readonly detach: () => void;

  constructor(
    private readonly emulator: DiscordEmulator,
    private readonly clock: Clock,
    private readonly users: { readonly nameOf: (userId: string) => string; readonly ids: () => readonly string[] },
  ) {
    const onInteraction = (event: { id: string; userId: string; commandName: string | null }) =>
      this.origins.set(event.id, { userId: event.userId, command: event.commandName });
    const onMessage = (message: EmulatorMessage) => {
      if (!this.tracked.has(message.id)) {
        this.tracked.set(message.id, { at: this.clock.now().getTime(), dmUserId: this.dmRecipientOf(message) });
      }
      this.publish({ type: "message", message: this.toPage(message) });
    };
    const onDelete = (deleted: { id: string }) => {
      this.tracked.delete(deleted.id);
      this.publish({ type: "delete", id: deleted.id });
    };
    emulator.on("interaction", onInteraction);
    emulator.on("message", onMessage);
    emulator.on("messageUpdate", onMessage);
    emulator.on("messageDelete", onDelete);
    this.detach = () => {
      emulator.off("interaction", onInteraction);
      emulator.off("message", onMessage);
      emulator.off("messageUpdate", onMessage);
      emulator.off("messageDelete", onDelete);
    };
  }

  /** Every message so far, oldest first, as it looks now. */
  messages(): PageMessage[] {
    const result: PageMessage[] = [];
    for (const id of this.tracked.keys()) {
      const message = this.emulator.message(id);
      if (message !== null) result.push(this.toPage(message));
    }
    return result.sort((a, b) => a.at - b.at || compareIds(a.id, b.id));
  }

  subscribe(listener: (event: FeedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: FeedEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  close(): void {
    this.detach();
    this.listeners.clear();
  }

  private toPage(message: EmulatorMessage): PageMessage {
    const tracked = this.tracked.get(message.id);
    const origin = message.interactionId === null ? undefined : this.origins.get(message.interactionId);
    return {
      id: message.id,
      channelId: message.guildId === null ? null : message.channelId,
      dmUserId: tracked?.dmUserId ?? null,
      author: {
        id: message.authorId,
        name: message.authorId === this.emulator.botUserId ? botName : this.users.nameOf(message.authorId),
        bot: message.authorId === this.emulator.botUserId,
      },
      content: message.content,
      embeds: message.embeds,
      components: message.components,
      attachments: message.attachments.map((attachment) => ({
        filename: attachment.filename,
        size: attachment.size,
        contentType: attachment.contentType,
        description: attachment.description,
        url: `/attachments/${attachment.id}/${encodeURIComponent(attachment.filename)}`,
      })),
      visibleToUserId: message.visibleToUserId,
      loading: message.loading,
      at: tracked?.at ?? this.clock.now().getTime(),
      interaction:
        origin === undefined ? null : { userId: origin.userId, userName: this.users.nameOf(origin.userId), command: origin.command },
      hasThread: message.threadId !== null,
    };
  }

  private dmRecipientOf(message: EmulatorMessage): string | null {
    if (message.guildId !== null) return null;
    return this.users.ids().find((userId) => this.emulator.dmMessages(userId).some((dm) => dm.id === message.id)) ?? null;
  }
}

/** The bot's name in the playground (and the emulator's bot user). */
export const botName = "Cohort Bot";

function compareIds(a: string, b: string): number {
  return a.length - b.length || a.localeCompare(b);
}
