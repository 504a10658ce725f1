import type { APIApplicationCommand } from "discord-api-types/v10";
import { z } from "zod";
import { isDiscordId } from "../shared/discordId.js";
import type { DiscordEmulator } from "../emulator/DiscordEmulator.js";
import { EmulatorUsageError } from "../emulator/EmulatorUsageError.js";
import type { InteractionHandle } from "../emulator/InteractionHandle.js";
import { languagePickerChoices, type Language, type LanguagePickerChoice } from "../discord/i18n/languages.js";
import type { MessageKey } from "../discord/i18n/locales/en.js";
import { translatorFor, type MessageParams } from "../discord/i18n/Translator.js";
import type { ClockControl, ClockStatus } from "./ClockControl.js";
import { localizedCommandWords } from "./localizedCommandWords.js";
import type { DemoWorld } from "./demoWorld.js";
import type { MemberDirectory, PageUser } from "./MemberDirectory.js";
import { botName, type FeedEvent, type MessageFeed, type PageMessage } from "./MessageFeed.js";
import type { Logger } from "../logging/createLogger.js";

/** A request the page got wrong, or one Discord's client would not let a user make. */

/** Pictures the page shows inline, as Discord does; other files stay a 📎 line. */
const inlineImageTypes: ReadonlySet<string> = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

export class PlaygroundRequestError extends Error {
  /** `key`: its words in the catalogue (`playground.error.*`), which the server says in the page's language. */
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly status = 400,
    /** Its words' values in the page's language, where they differ by language (the viewer's command names). */
    readonly paramsIn: (language: Language) => MessageParams = () => params,
  ) {
    super(translatorFor("en").plain(key, params));
    this.name = "PlaygroundRequestError";
  }
}

/**
 * What Discord's client would not let a visitor do: the option problems they can cause are worded in the page's
 * language, with the command and option names the viewer typed there (`/hecho`); the emulator's other refusals
 * (permissions, a message gone) stay its English, passed on as they are.
 */
function refusal(error: EmulatorUsageError, commands: () => readonly APIApplicationCommand[]): PlaygroundRequestError {
  const problem = error.problem;
  if (problem === null) return new PlaygroundRequestError("playground.error.emulator", { reason: error.message });
  const { kind, ...params } = problem;
  return new PlaygroundRequestError(`playground.error.${kind}`, params, 400, (language) => ({
    ...params,
    ...localizedCommandWords(commands(), problem.command, problem.option, language),
  }));
}

const optionValue = z.union([
  z.string().max(6000),
  z.number(),
  z.boolean(),
  z.object({ name: z.string().min(1).max(200), content: z.string().max(1_000_000) }),
]);
const snowflake = z.string().refine(isDiscordId);

export const commandRequest = z.object({
  userId: snowflake,
  channelId: snowflake,
  /** "today", or "cohort create" for a sub-command. */
  command: z.string().trim().min(1).max(100),
  options: z.record(z.string(), optionValue).default({}),
});
export const autocompleteRequest = commandRequest.extend({ focused: z.string().min(1).max(100) });
export const clickRequest = z.object({ userId: snowflake, messageId: snowflake, customId: z.string().min(1).max(100) });
export const clockRequest = z.object({ action: z.enum(["day", "week", "next-post"]) });
export const languageRequest = z.object({ userId: snowflake, locale: z.string().min(1).max(20) });

/** A language the bot speaks, as Discord's language setting offers it. */
export type PageLanguage = LanguagePickerChoice;

/** A file the bot attached, as the page gets it: pictures inline, anything else (an export) as a download. */
export interface PageFile {
  readonly filename: string;
  readonly contentType: string;
  readonly data: Buffer;
  readonly inline: boolean;
}

export interface PlaygroundState {
  readonly server: { readonly id: string; readonly name: string };
  readonly channels: readonly { readonly id: string; readonly name: string; readonly topic: string }[];
  /** The server's roles, @everyone included as Discord's role picker lists it, for role options and role mentions. */
  readonly roles: readonly { readonly id: string; readonly name: string }[];
  readonly defaultChannelId: string;
  /** Who the page acts as until the visitor picks someone else. */
  readonly defaultUserId: string;
  readonly bot: { readonly id: string; readonly name: string };
  readonly users: readonly PageUser[];
  /** The languages a person's Discord can be set to, among those the bot speaks. */
  readonly languages: readonly PageLanguage[];
  readonly commands: readonly APIApplicationCommand[];
  readonly clock: ClockStatus;
  readonly messages: readonly PageMessage[];
}

export interface ActionResult {
  /** The reply the user sees (null when the bot only updated a message, or did not answer). */
  readonly messageId: string | null;
}

const acknowledgeTimeoutMs = 4_000;
const finalTimeoutMs = 20_000;

/** What the page can do: run commands as someone, click buttons, move the clock, watch messages. */
export class PlaygroundActions {
  /** The member list the pages last heard of, to tell them only of changes. */
  private announcedMembers: string | null = null;
  private membersQueue: Promise<void> = Promise.resolve();
  /** Each shipped language once, English first: the visitor can be anyone in any of them. */
  private readonly languages: readonly PageLanguage[] = languagePickerChoices();

  constructor(
    private readonly emulator: DiscordEmulator,
    private readonly world: DemoWorld,
    private readonly feed: MessageFeed,
    private readonly clock: ClockControl,
    private readonly directory: MemberDirectory,
    private readonly logger: Logger,
  ) {}

  async state(): Promise<PlaygroundState> {
    return {
      server: { id: this.world.guild.id, name: this.world.guild.name },
      channels: this.world.channels,
      roles: this.emulator.guildSnapshot(this.world.guild.id).roles.map((role) => ({ id: role.id, name: role.name })),
      defaultChannelId: this.world.cohortChannel.id,
      defaultUserId: this.world.visitor.id,
      bot: { id: this.emulator.botUserId, name: botName },
      users: await this.directory.users(),
      languages: this.languages,
      commands: this.commands(),
      clock: await this.clock.status(),
      messages: this.feed.messages(),
    };
  }

  /** Global and server commands as the bot registered them (the same schema Discord's client reads). */
  commands(): APIApplicationCommand[] {
    return [...this.emulator.registeredCommands(), ...this.emulator.registeredCommands({ guildId: this.world.guild.id })];
  }

  async runCommand(input: z.infer<typeof commandRequest>): Promise<ActionResult> {
    this.requireUser(input.userId);
    this.requireChannel(input.channelId);
    const handle = this.driving(() =>
      this.emulator.runCommand({
        guildId: this.world.guild.id,
        channelId: input.channelId,
        userId: input.userId,
        name: input.command,
        options: input.options,
      }),
    );
    return this.settleAndAnnounce(handle);
  }

  async autocomplete(input: z.infer<typeof autocompleteRequest>): Promise<{ name: string; value: string | number }[]> {
    this.requireUser(input.userId);
    this.requireChannel(input.channelId);
    const choices = this.driving(() =>
      this.emulator.autocomplete({
        guildId: this.world.guild.id,
        channelId: input.channelId,
        userId: input.userId,
        name: input.command,
        options: input.options,
        focused: input.focused,
        timeoutMs: acknowledgeTimeoutMs,
      }),
    );
    try {
      return await choices;
    } catch (error) {
      if (error instanceof EmulatorUsageError) throw refusal(error, () => this.commands());
      throw new PlaygroundRequestError("playground.error.autocompleteTimeout", { bot: botName }, 504);
    }
  }

  async click(input: z.infer<typeof clickRequest>): Promise<ActionResult> {
    this.requireUser(input.userId);
    const handle = this.driving(() =>
      this.emulator.clickButton({ userId: input.userId, messageId: input.messageId, customId: input.customId }),
    );
    return this.settleAndAnnounce(handle);
  }

  async moveClock(input: z.infer<typeof clockRequest>): Promise<ClockStatus> {
    if (input.action === "day") await this.clock.advanceDays(1);
    else if (input.action === "week") await this.clock.advanceDays(7);
    else if (!(await this.clock.advanceToNextPost())) throw new PlaygroundRequestError("playground.error.noPostLeft", {}, 409);
    // Threads the bot opened change posts without a message event: let pages reload.
    this.feed.publish({ type: "clock" });
    await this.announceMembers();
    return this.clock.status();
  }

  /** A file attached to a message: a picture to show inline, or anything else to download; null when there is none. */
  file(attachmentId: string): PageFile | null {
    const stored = this.emulator.attachment(attachmentId);
    if (stored === null) return null;
    const inline = stored.contentType !== null && inlineImageTypes.has(stored.contentType);
    return {
      filename: stored.filename,
      contentType: inline ? (stored.contentType ?? "") : (stored.contentType ?? "application/octet-stream"),
      data: stored.data,
      inline,
    };
  }

  /** Sets someone's Discord language, as they would in Discord's settings; their next commands and clicks use it. */
  async setLanguage(input: z.infer<typeof languageRequest>): Promise<void> {
    this.requireUser(input.userId);
    if (!this.languages.some((language) => language.locale === input.locale))
      throw new PlaygroundRequestError("playground.error.unknownLanguage");
    this.emulator.setUserLocale(input.userId, input.locale);
    // Other open pages list this person in their language picker too.
    await this.announceMembers();
  }

  subscribe(listener: (event: FeedEvent) => void): () => void {
    return this.feed.subscribe(listener);
  }

  /** Turns the emulator's "a user could not do that" into a 400 for the page. */
  private driving<T>(action: () => T): T {
    try {
      return action();
    } catch (error) {
      if (error instanceof EmulatorUsageError) throw refusal(error, () => this.commands());
      throw error;
    }
  }

  /**
   * Any interaction may have changed who is in a cohort (/join, /leave, a button): pages hear of it before the request returns.
   * It may also have left something due now (`/cohort end`'s closing post): on Discord the scheduler's next tick, at most
   * 20 s later, sends it; here the clock only moves when asked, so the tick runs at once, at the same instant.
   */
  private async settleAndAnnounce(handle: InteractionHandle): Promise<ActionResult> {
    try {
      return await this.settle(handle);
    } finally {
      await this.tickAfterAction();
      await this.announceMembers();
    }
  }

  /**
   * The tick after a command or click. A post it sends changes the clock panel ("Next post") and may
   * open a thread, which no message event tells pages: they reload as after a clock move (only then,
   * as a reload redraws the page). A failed tick is logged and leaves the command's own answer
   * standing; the next action or clock move runs it again.
   */
  private async tickAfterAction(): Promise<void> {
    try {
      if (await this.clock.tickNow()) this.feed.publish({ type: "clock" });
    } catch (error) {
      this.logger.error({ err: error }, "playground scheduler run after an action failed");
    }
  }

  /** Publishes the member list when it differs from what pages were last told; one at a time, so the last word is the newest. */
  private announceMembers(): Promise<void> {
    const work = async () => {
      const users = await this.directory.users();
      const snapshot = JSON.stringify(users);
      if (snapshot === this.announcedMembers) return;
      this.announcedMembers = snapshot;
      this.feed.publish({ type: "members", users });
    };
    this.membersQueue = this.membersQueue.then(work, work);
    return this.membersQueue;
  }

  /** Waits until the user would see the bot's answer; the page draws it from the live feed. */
  private async settle(handle: InteractionHandle): Promise<ActionResult> {
    try {
      await handle.response({ timeoutMs: acknowledgeTimeoutMs });
    } catch {
      throw new PlaygroundRequestError("playground.error.interactionFailed", {}, 504);
    }
    try {
      const message = await handle.final({ timeoutMs: finalTimeoutMs });
      return { messageId: message.id };
    } catch {
      return { messageId: null };
    }
  }

  private requireUser(userId: string): void {
    if (!this.world.users.some((user) => user.id === userId)) throw new PlaygroundRequestError("playground.error.unknownUser");
  }

  private requireChannel(channelId: string): void {
    if (!this.world.channels.some((channel) => channel.id === channelId))
      throw new PlaygroundRequestError("playground.error.unknownChannel");
  }
}
