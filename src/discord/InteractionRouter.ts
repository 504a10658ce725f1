import { randomBytes } from "node:crypto";
import {
  DiscordAPIError,
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from "discord.js";
import type { Clock } from "../clock.js";
import { isUserError, UserError, type UserErrorCode } from "../errors.js";
import type { Logger } from "../logging/createLogger.js";
import { UploadOutcome } from "../domain/audit/uploadOutcome.js";
import { isDatabaseBusy } from "../services/isDatabaseBusy.js";
import type { Services } from "../services/Services.js";
import { autoDeferDelay } from "./autoDeferDelay.js";
import { callerRoleIds } from "./callerRoleIds.js";
import { ConcurrencyGate } from "./ConcurrencyGate.js";
import { InFlightWork } from "./InFlightWork.js";
import { renderUserError } from "./i18n/renderUserError.js";
import { OutdatedCommandError } from "./readOptions.js";
import { inertText, TextTarget } from "./i18n/inertText.js";
import { showsSomething } from "../domain/text/hiddenCharacters.js";
import { maxChoices, truncateChoiceName } from "../services/CohortService.js";
import { replyOptions, replyPayload } from "./replyOptions.js";
import { languageOfLocale } from "./i18n/languages.js";
import { translatorFor } from "./i18n/Translator.js";
import type { Pictures } from "./pictures/Pictures.js";
import { ButtonAnswer, DeferPolicy, type ButtonHandler, type HandlerContext, type Reply, type SlashCommand } from "./commandTypes.js";

/** Never echo more than this much of a user's value back in logs. */
const maxLoggedOptionLength = 200;
/**
 * Commands and buttons worked on at once. Beyond that they wait in line, and
 * are acknowledged ("thinking…") the moment they arrive: under a burst (500
 * members pressing /done together) every one is answered inside Discord's 3 s,
 * and the work is served first come, first served instead of all finishing
 * late together. The database is one connection on SQLite anyway.
 */
export const maxConcurrentHandlers = 8;
/** Discord's limit on the characters of an autocomplete choice's name and value (its limit on choices: maxChoices). */
const maxChoiceLength = 100;
/** Longest a handler waits for early acknowledgements before starting its work (see whenAcknowledged). */
const maxAcknowledgementWaitMs = 1_000;

export interface RouterDependencies {
  readonly commands: readonly SlashCommand[];
  readonly buttons: readonly ButtonHandler[];
  readonly services: Services;
  readonly pictures: Pictures;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * What an early acknowledgement made the interaction's `@original`: a "thinking…" reply (private or
 * public) to edit into the answer, or, for a button that updates its message, that message itself.
 */
const Deferred = { PrivateReply: "privateReply", PublicReply: "publicReply", MessageUpdate: "messageUpdate" } as const;
type Deferred = (typeof Deferred)[keyof typeof Deferred];

/** A handler's context before the router knows the interaction came from a server. */
type InteractionContext = Omit<HandlerContext, "guildId">;

function referenceId(): string {
  return randomBytes(4).toString("hex").toUpperCase();
}

function errorReply(content: string): Reply {
  return { content, ephemeral: true };
}

/**
 * The one place interactions enter: looks the command or button up, applies
 * its defer policy and permission check, and is the error boundary. A
 * UserError becomes its own ephemeral message; anything else a generic
 * message with a reference id that is also in the log.
 */
export class InteractionRouter {
  private readonly commands: ReadonlyMap<string, SlashCommand>;
  private readonly buttons: ReadonlyMap<string, ButtonHandler>;
  private readonly gate = new ConcurrencyGate(maxConcurrentHandlers);
  /** Early acknowledgements still on their way to Discord (see whenAcknowledged). */
  private readonly acknowledging = new InFlightWork();

  constructor(private readonly dependencies: RouterDependencies) {
    this.commands = new Map(dependencies.commands.map((command) => [command.definition.name, command]));
    this.buttons = new Map(dependencies.buttons.map((button) => [button.prefix, button]));
  }

  async handle(interaction: Interaction): Promise<void> {
    if (interaction.isChatInputCommand()) return this.handleCommand(interaction);
    if (interaction.isAutocomplete()) return this.handleAutocomplete(interaction);
    if (interaction.isButton()) return this.handleButton(interaction);
  }

  /** Everything a handler gets but the server, which only a guild interaction has (see inGuild below). */
  private contextFor(interaction: Interaction, fields: Record<string, unknown>): InteractionContext {
    const parent = this.dependencies.logger;
    let logger: Logger | undefined;
    return {
      // Private replies speak the member's Discord language when it is shipped, else English.
      t: translatorFor(languageOfLocale(interaction.locale)),
      services: this.dependencies.services,
      pictures: this.dependencies.pictures,
      clock: this.dependencies.clock,
      // Made on first use: a child logger costs about 10 µs, and a command's usual only line is written after its reply.
      get logger() {
        logger ??= parent.child({ interactionId: interaction.id, guildId: interaction.guildId, userId: interaction.user.id, ...fields });
        return logger;
      },
    };
  }

  private async handleCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const subcommand = interaction.options.getSubcommand(false);
    const context = this.contextFor(interaction, { command: interaction.commandName, subcommand });
    const startedAt = Date.now();
    const command = this.commands.get(interaction.commandName);
    let deferral: Promise<unknown> | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      if (command === undefined) throw new UserError("generic.unknownCommand");
      if (!interaction.inCachedGuild() && !interaction.inGuild()) throw new UserError("generic.guildOnly");
      if (command.requiresManageServer && !interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
        throw new UserError("permissions.manageServerRequired");
      }
      const defer = () => {
        deferral ??= interaction.deferReply(command.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
        return deferral;
      };
      if ((command.deferFor?.(interaction) ?? command.defer) === DeferPolicy.Always) await defer();
      else if (this.gate.full) this.acknowledgeEarly(defer());
      else timer = setTimeout(() => void defer().catch(() => undefined), autoDeferDelay(Date.now(), interaction.createdTimestamp));
      const reply = await this.gate.run(async () => {
        await this.whenAcknowledged();
        await this.noteCallerRoles(interaction, context);
        return command.execute(inGuild(context, interaction.guildId), interaction);
      });
      clearTimeout(timer);
      await this.sendUpload(interaction, reply, deferral, context);
      context.logger.info(
        {
          ms: Date.now() - startedAt,
          queuedMs: startedAt - interaction.createdTimestamp,
          deferred: deferral !== undefined,
          options: describeOptions(interaction),
        },
        "command handled",
      );
    } catch (error) {
      clearTimeout(timer);
      await this.fail(interaction, context, error, deferral, (command?.ephemeral ?? true) ? Deferred.PrivateReply : Deferred.PublicReply);
    }
    await this.tellReminderNotice(interaction, context);
  }

  /**
   * Reminder DMs refused (the first of a run) or switched off after refusals in a row: the member is told once,
   * privately, after their next command, a paragraph per cohort naming it (switched off first).
   */
  private async tellReminderNotice(interaction: ChatInputCommandInteraction, context: InteractionContext): Promise<void> {
    if (interaction.guildId === null || !(interaction.replied || interaction.deferred)) return;
    try {
      const notice = await this.dependencies.services.reminders.takeReminderNotice(interaction.guildId, interaction.user.id);
      if (notice === null) return;
      await interaction.followUp({
        content: [
          ...notice.switchedOff.map((cohort) => context.t.t("remind.disabledAfterFailures", { cohort })),
          ...notice.refused.map((cohort) => context.t.t("remind.refusedOnce", { cohort })),
        ].join("\n\n"),
        flags: MessageFlags.Ephemeral,
        allowedMentions: { parse: [] },
      });
    } catch (error) {
      context.logger.warn({ err: error }, "could not tell the member their reminders were switched off");
    }
  }

  /**
   * Every command and button carries the caller's current roles: their exclude_role marks follow them
   * here, in the one place all interactions pass, before the handler reads any board. No request to
   * Discord, no privileged intent; a failure only leaves the mark for the next board refresh.
   */
  private async noteCallerRoles(interaction: ChatInputCommandInteraction | ButtonInteraction, context: InteractionContext) {
    const roleIds = callerRoleIds(interaction);
    if (roleIds === null || interaction.guildId === null) return;
    try {
      await this.dependencies.services.cohorts.noteRoles(interaction.guildId, interaction.user.id, roleIds, this.dependencies.clock.now());
    } catch (error) {
      context.logger.warn({ err: error }, "could not update the caller's exclude role marks");
    }
  }

  /** Tracks an acknowledgement sent early because the interaction has to wait in line. */
  private acknowledgeEarly(deferral: Promise<unknown>): void {
    this.acknowledging.track(deferral);
  }

  /**
   * Work taken from the line first lets the early acknowledgements reach
   * Discord: they are what keeps every interaction inside the 3 s window, and
   * database work that never yields would otherwise hold them back. A slow
   * Discord holds the line up for a second at most.
   */
  private async whenAcknowledged(): Promise<void> {
    await this.acknowledging.settle(maxAcknowledgementWaitMs);
  }

  private async handleButton(interaction: ButtonInteraction): Promise<void> {
    const [prefix = "", ...args] = interaction.customId.split(":");
    const context = this.contextFor(interaction, { button: prefix });
    const handler = this.buttons.get(prefix);
    let deferral: Promise<unknown> | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      if (handler === undefined) throw new UserError("generic.unknownButton");
      if (!interaction.inGuild()) throw new UserError("generic.guildOnly");
      if (handler.requiresManageServer && !interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
        throw new UserError("permissions.manageServerRequired");
      }
      const defer = () => {
        // An update-button's @original is then the clicked message, which the answer edits (see answerButton).
        deferral ??=
          handler.answer === ButtonAnswer.UpdateMessage
            ? interaction.deferUpdate()
            : interaction.deferReply({ flags: MessageFlags.Ephemeral });
        return deferral;
      };
      if (this.gate.full) this.acknowledgeEarly(defer());
      else timer = setTimeout(() => void defer().catch(() => undefined), autoDeferDelay(Date.now(), interaction.createdTimestamp));
      const reply = await this.gate.run(async () => {
        await this.whenAcknowledged();
        await this.noteCallerRoles(interaction, context);
        return handler.execute(inGuild(context, interaction.guildId), interaction, args);
      });
      clearTimeout(timer);
      await answerButton(interaction, handler, reply, deferral);
      context.logger.info({ customId: interaction.customId, deferred: deferral !== undefined }, "button handled");
    } catch (error) {
      clearTimeout(timer);
      const deferred = handler?.answer === ButtonAnswer.UpdateMessage ? Deferred.MessageUpdate : Deferred.PrivateReply;
      await this.fail(interaction, context, asButtonError(error), deferral, deferred);
    }
  }

  private async handleAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const context = this.contextFor(interaction, {
      command: interaction.commandName,
      autocomplete: interaction.options.getFocused(true).name,
    });
    const command = this.commands.get(interaction.commandName);
    try {
      // An admin command's suggestions (a member's done items, every cohort of the server) are for whoever may run it:
      // a server's permission override can show the command to others, and the command itself refuses them.
      const choices =
        command?.autocomplete === undefined ||
        !interaction.inGuild() ||
        (command.requiresManageServer && !interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild))
          ? []
          : await command.autocomplete(inGuild(context, interaction.guildId), interaction);
      await interaction.respond(choices.slice(0, maxChoices).flatMap(shownChoice));
    } catch (error) {
      context.logger.error({ err: error }, "autocomplete failed");
      await interaction.respond([]).catch(() => undefined);
    }
  }

  /**
   * Sends the reply and, for one carrying files, tells the command how the upload went. A file Discord refuses as
   * too large becomes the command's own error ("trying again will not help", and what to try instead), not the
   * generic "something went wrong".
   */
  private async sendUpload(
    interaction: ChatInputCommandInteraction,
    reply: Reply,
    deferral: Promise<unknown> | undefined,
    context: InteractionContext,
  ): Promise<void> {
    const hasFiles = reply.files !== undefined && reply.files.length > 0;
    const settle = (outcome: UploadOutcome) =>
      reply.upload
        ?.settled(outcome)
        .catch((error: unknown) => context.logger.warn({ err: error, outcome }, "could not record the upload's outcome"));
    try {
      await this.send(interaction, reply, deferral);
    } catch (error) {
      const tooLarge = hasFiles && isFileTooLarge(error);
      await settle(tooLarge ? UploadOutcome.TooLarge : isRefusal(error) ? UploadOutcome.Refused : UploadOutcome.Failed);
      if (tooLarge) throw reply.upload?.tooLarge ?? new UserError("generic.fileTooLarge", { cohortExport: "no" });
      throw error;
    }
    await settle(UploadOutcome.Sent);
  }

  private async send(interaction: ChatInputCommandInteraction, reply: Reply, deferral: Promise<unknown> | undefined): Promise<void> {
    if (deferral !== undefined) {
      await deferral;
      const { flags: _flags, ...options } = replyOptions(reply);
      // A public deferral cannot become private: send private answers as a follow-up instead.
      if (reply.ephemeral && !interaction.ephemeral) {
        await interaction.deleteReply().catch(() => undefined);
        await interaction.followUp(replyOptions(reply));
        return;
      }
      await interaction.editReply(options);
      return;
    }
    await interaction.reply(replyPayload(interaction, reply));
  }

  private async fail(
    interaction: ChatInputCommandInteraction | ButtonInteraction,
    context: InteractionContext,
    error: unknown,
    deferral: Promise<unknown> | undefined,
    deferred: Deferred,
  ): Promise<void> {
    let reply: Reply;
    if (isUserError(error)) {
      reply = errorReply(renderUserError(context.t, error));
      if (error instanceof OutdatedCommandError)
        context.logger.warn({ err: error.cause, option: error.option }, "command registered in an older shape");
      else context.logger.info({ reason: error.code }, "user error");
    } else if (isDatabaseBusy(error)) {
      // A write outside the write queue (admin commands) meets the lock without retrying; its statement or transaction left nothing either.
      reply = errorReply(context.t.t("generic.databaseBusy"));
      context.logger.warn({ err: error }, "database busy: asked the member to try again");
    } else {
      const reference = referenceId();
      reply = errorReply(context.t.t("generic.unexpected", { reference }));
      context.logger.error({ err: error, reference }, "interaction failed");
    }
    try {
      if (deferral !== undefined) await deferral.catch(() => undefined);
      if (interaction.deferred && !interaction.replied && deferred === Deferred.PrivateReply) {
        const { flags: _flags, ...options } = replyOptions(reply);
        await interaction.editReply(options);
      } else if (interaction.deferred && deferred === Deferred.MessageUpdate) {
        // @original is the clicked message: it stays as it was, and only the clicker reads why.
        await interaction.followUp(replyOptions(reply));
      } else if (interaction.deferred || interaction.replied) {
        // Errors are private: replace a public "thinking…" with a private follow-up.
        if (!interaction.replied) await interaction.deleteReply().catch(() => undefined);
        await interaction.followUp(replyOptions(reply));
      } else {
        await interaction.reply(replyPayload(interaction, reply));
      }
    } catch (sendError) {
      context.logger.error({ err: sendError }, "could not send the error reply");
    }
  }
}

/**
 * Sends a button's answer as its handler declared it. After an early acknowledgement `@original` is
 * what that acknowledgement made it (deferUpdate: the clicked message; deferReply: the "thinking…"
 * reply), so editing it is right for both.
 */
async function answerButton(
  interaction: ButtonInteraction,
  handler: ButtonHandler,
  reply: Reply,
  deferral: Promise<unknown> | undefined,
): Promise<void> {
  if (deferral !== undefined) {
    await deferral;
    const { flags: _flags, ...options } = replyOptions(reply);
    await interaction.editReply(options);
  } else if (handler.answer === ButtonAnswer.UpdateMessage) {
    await interaction.update(replyPayload(interaction, reply, { withFlags: false }));
  } else {
    await interaction.reply(replyPayload(interaction, reply));
  }
}

/**
 * What a button's own ids raise when the item or cohort they name is gone (a curriculum update removed
 * the item, the cohort was deleted). The clicker typed nothing, so "no item \"250\"… start typing in the
 * `item` option" would only puzzle them: the button is out of date instead.
 */
const staleButtonCodes: ReadonlySet<UserErrorCode> = new Set(["item.unknown", "cohort.unknown"]);

function asButtonError(error: unknown): unknown {
  return isUserError(error) && staleButtonCodes.has(error.code) ? new UserError("generic.staleButton") : error;
}

/** A handler's context: the interaction's, with its server (a spread would make the lazy logger at once). */
function inGuild(context: InteractionContext, guildId: string): HandlerContext {
  return {
    guildId,
    t: context.t,
    services: context.services,
    pictures: context.pictures,
    clock: context.clock,
    get logger() {
      return context.logger;
    },
  };
}

/**
 * A choice as Discord lists it: its name as user text in plain places is (the one rule: nothing hidden or
 * reordered, which a name stored before names dropped such characters may still hold), cut to Discord's length
 * on whole characters (`truncateChoiceName`). A name that shows nothing is left out: Discord refuses an empty one, and with it
 * every choice of the answer.
 */
function shownChoice(choice: { readonly name: string; readonly value: string }): { name: string; value: string }[] {
  const name = truncateChoiceName(inertText(choice.name, TextTarget.Plain), maxChoiceLength);
  return showsSomething(name) ? [{ name, value: choice.value.slice(0, maxChoiceLength) }] : [];
}

function describeOptions(interaction: ChatInputCommandInteraction): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const visit = (options: readonly { name: string; value?: unknown; options?: readonly unknown[] }[]) => {
    for (const option of options) {
      if (option.options !== undefined) visit(option.options as never);
      else result[option.name] = typeof option.value === "string" ? option.value.slice(0, maxLoggedOptionLength) : option.value;
    }
  };
  visit(interaction.options.data);
  return result;
}

/** Discord's refusal of a request larger than it accepts (an attachment past the server's upload limit). */
function isFileTooLarge(error: unknown): boolean {
  return error instanceof DiscordAPIError && (error.status === 413 || tooLargeCodes.has(Number(error.code)));
}

/** Discord answered with a 4xx: it refused the request, so nothing of it was posted. */
function isRefusal(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.status >= 400 && error.status < 500;
}

/** Discord's JSON error codes for "Request entity too large" and "File uploaded exceeds the maximum size" (sent with 400). */
const tooLargeCodes: ReadonlySet<number> = new Set([40005, 50045]);
