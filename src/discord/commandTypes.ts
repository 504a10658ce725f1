import type {
  APIActionRowComponent,
  APIComponentInMessageActionRow,
  APIEmbed,
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Clock } from "../clock.js";
import type { UploadOutcome } from "../domain/audit/uploadOutcome.js";
import type { UserError } from "../errors.js";
import type { Logger } from "../logging/createLogger.js";
import type { Translator } from "./i18n/Translator.js";
import type { Services } from "../services/Services.js";
import type { Pictures } from "./pictures/Pictures.js";

type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A slash command's JSON as sent to Discord; `as const` literals satisfy it. */
export type CommandDefinition = DeepReadonly<RESTPostAPIChatInputApplicationCommandsJSONBody>;

/** A file attached to a reply: for a picture, `description` is its alt text, worded from the catalogue. */
export interface ReplyFile {
  readonly name: string;
  readonly data: Buffer;
  readonly description?: string;
}

/** What a handler returns; the router sends it (reply, edit after a defer, or message update). */
export interface Reply {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  readonly components?: readonly APIActionRowComponent<APIComponentInMessageActionRow>[];
  readonly files?: readonly ReplyFile[];
  /** Only the caller sees it. Errors are always ephemeral. */
  readonly ephemeral: boolean;
  /** For a command's reply carrying files: what the router tells if Discord refuses them, and whom it tells how the upload went. */
  readonly upload?: ReplyUpload;
}

/** A command's say in the upload of its reply's files (the router sends the reply, so only it knows how that went). */
export interface ReplyUpload {
  /** Told to the caller when Discord refuses the files as too large: the command knows what to try instead. */
  readonly tooLarge: UserError;
  /** Hears how the upload went (e.g. to complete an audit line written before it); a failure here is only logged. */
  settled(outcome: UploadOutcome): Promise<void>;
}

export interface ReplyFile {
  readonly name: string;
  readonly data: Buffer;
}

export interface HandlerContext {
  /** The server the interaction came from: the router runs handlers only for interactions in a server. */
  readonly guildId: string;
  /** Words replies in the caller's language (private replies follow `interaction.locale`). */
  readonly t: Translator;
  readonly services: Services;
  /** Draws the PNG cards and charts (encoding runs off the event loop). */
  readonly pictures: Pictures;
  readonly clock: Clock;
  /** A child logger carrying the interaction's id, command and user. */
  readonly logger: Logger;
}

/**
 * When the router acknowledges an interaction before the handler finishes:
 * "auto" defers only if the handler has not answered after two seconds;
 * "always" defers at once (for work that fetches files or talks to Discord).
 */
export const DeferPolicy = { Auto: "auto", Always: "always" } as const;
export type DeferPolicy = (typeof DeferPolicy)[keyof typeof DeferPolicy];

export interface SlashCommand {
  readonly definition: CommandDefinition;
  readonly defer: DeferPolicy;
  /** Overrides `defer` per invocation (commands whose sub-commands differ, e.g. /curriculum import). */
  deferFor?(interaction: ChatInputCommandInteraction): DeferPolicy;
  /** Whether the deferred/normal reply is visible to the caller only. */
  readonly ephemeral: boolean;
  /** Checked again at run time: the default member permission can be changed by server admins. */
  readonly requiresManageServer: boolean;
  execute(context: HandlerContext, interaction: ChatInputCommandInteraction): Promise<Reply>;
  autocomplete?(context: HandlerContext, interaction: AutocompleteInteraction): Promise<readonly { name: string; value: string }[]>;
}

/**
 * How a button answers, declared once on its handler: by changing the message it sits on (roster
 * paging, Done on /today, confirmations) or by a new private reply under it (a checkpoint answer,
 * a nudge's outcome). The router acknowledges a click that has to wait to match, so a slow update
 * still lands on the clicked message instead of a second message beside it.
 */
export const ButtonAnswer = { UpdateMessage: "updateMessage", PrivateReply: "privateReply" } as const;
export type ButtonAnswer = (typeof ButtonAnswer)[keyof typeof ButtonAnswer];

/** A private reply: what a reply-button answers with (its early acknowledgement is private already). */
export type PrivateReply = Reply & { readonly ephemeral: true };

interface ButtonHandlerOf<A extends ButtonAnswer, R extends Reply> {
  readonly prefix: string;
  readonly requiresManageServer: boolean;
  readonly answer: A;
  /** The reply, or an update-button's new message content (its `ephemeral` is ignored: an update keeps the message's own). */
  execute(context: HandlerContext, interaction: ButtonInteraction, args: readonly string[]): Promise<R>;
}

/**
 * Buttons: `customId` is "<prefix>:<arg>:<arg>…". What a handler returns is only ever used the way
 * its `answer` says: a handler cannot update sometimes and reply other times.
 */
export type ButtonHandler =
  ButtonHandlerOf<typeof ButtonAnswer.UpdateMessage, Reply> | ButtonHandlerOf<typeof ButtonAnswer.PrivateReply, PrivateReply>;
