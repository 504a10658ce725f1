/** One leaf of Discord's nested "Invalid Form Body" error tree. */
export interface FormErrorDetail {
  code: string;
  message: string;
}

/** Discord's nested error tree: keys are field names or array indexes, leaves hold `_errors`. */
export interface FormErrorTree {
  _errors?: FormErrorDetail[];
  [field: string]: FormErrorTree | FormErrorDetail[] | undefined;
}

export interface DiscordErrorBody {
  message: string;
  code: number;
  errors?: FormErrorTree;
  retry_after?: number;
  global?: boolean;
}

/** An error that the REST layer turns into a Discord-shaped JSON error response. */
export class DiscordRestError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
  ) {
    super(`${status} ${body.message} (code ${body.code})`);
    this.name = "DiscordRestError";
  }
}

/** Discord's JSON error codes that the emulator produces. */
export const DiscordErrorCode = {
  General: 0,
  UnknownApplication: 10002,
  UnknownChannel: 10003,
  UnknownGuild: 10004,
  UnknownMember: 10007,
  UnknownMessage: 10008,
  UnknownRole: 10011,
  UnknownUser: 10013,
  UnknownWebhook: 10015,
  UnknownApplicationCommand: 10063,
  UnknownInteraction: 10062,
  Unauthorized: 40001,
  RequestEntityTooLarge: 40005,
  InteractionAlreadyAcknowledged: 40060,
  MissingAccess: 50001,
  CannotEditAnotherUsersMessage: 50005,
  CannotSendEmptyMessage: 50006,
  CannotSendMessagesToThisUser: 50007,
  MissingPermissions: 50013,
  InvalidWebhookToken: 50027,
  InvalidFormBody: 50035,
  InvalidJson: 50109,
  ThreadAlreadyCreatedForMessage: 160004,
} as const;

export const restErrors = {
  notFound: () => new DiscordRestError(404, { message: "404: Not Found", code: DiscordErrorCode.General }),
  unauthorized: () => new DiscordRestError(401, { message: "401: Unauthorized", code: DiscordErrorCode.General }),
  unknownChannel: () => new DiscordRestError(404, { message: "Unknown Channel", code: DiscordErrorCode.UnknownChannel }),
  unknownGuild: () => new DiscordRestError(404, { message: "Unknown Guild", code: DiscordErrorCode.UnknownGuild }),
  unknownMember: () => new DiscordRestError(404, { message: "Unknown Member", code: DiscordErrorCode.UnknownMember }),
  unknownMessage: () => new DiscordRestError(404, { message: "Unknown Message", code: DiscordErrorCode.UnknownMessage }),
  unknownUser: () => new DiscordRestError(404, { message: "Unknown User", code: DiscordErrorCode.UnknownUser }),
  unknownWebhook: () => new DiscordRestError(404, { message: "Unknown Webhook", code: DiscordErrorCode.UnknownWebhook }),
  unknownCommand: () =>
    new DiscordRestError(404, {
      message: "Unknown application command",
      code: DiscordErrorCode.UnknownApplicationCommand,
    }),
  unknownInteraction: () => new DiscordRestError(404, { message: "Unknown interaction", code: DiscordErrorCode.UnknownInteraction }),
  interactionAlreadyAcknowledged: () =>
    new DiscordRestError(400, {
      message: "Interaction has already been acknowledged.",
      code: DiscordErrorCode.InteractionAlreadyAcknowledged,
    }),
  invalidWebhookToken: () => new DiscordRestError(401, { message: "Invalid Webhook Token", code: DiscordErrorCode.InvalidWebhookToken }),
  missingAccess: () => new DiscordRestError(403, { message: "Missing Access", code: DiscordErrorCode.MissingAccess }),
  missingPermissions: () => new DiscordRestError(403, { message: "Missing Permissions", code: DiscordErrorCode.MissingPermissions }),
  cannotSendToUser: () =>
    new DiscordRestError(403, {
      message: "Cannot send messages to this user",
      code: DiscordErrorCode.CannotSendMessagesToThisUser,
    }),
  cannotEditOthersMessage: () =>
    new DiscordRestError(403, {
      message: "Cannot edit a message authored by another user",
      code: DiscordErrorCode.CannotEditAnotherUsersMessage,
    }),
  emptyMessage: () => new DiscordRestError(400, { message: "Cannot send an empty message", code: DiscordErrorCode.CannotSendEmptyMessage }),
  invalidJson: () =>
    new DiscordRestError(400, {
      message: "The request body contains invalid JSON.",
      code: DiscordErrorCode.InvalidJson,
    }),
  entityTooLarge: () => new DiscordRestError(413, { message: "Request entity too large", code: DiscordErrorCode.RequestEntityTooLarge }),
  threadAlreadyCreated: () =>
    new DiscordRestError(400, {
      message: "A thread has already been created for this message",
      code: DiscordErrorCode.ThreadAlreadyCreatedForMessage,
    }),
  invalidFormBody: (errors: FormErrorTree) =>
    new DiscordRestError(400, { message: "Invalid Form Body", code: DiscordErrorCode.InvalidFormBody, errors }),
} as const;

/** Collects field errors into Discord's nested `errors` tree. */
export class FormErrors {
  private readonly tree: FormErrorTree = {};
  private count = 0;

  add(path: readonly (string | number)[], code: string, message: string): void {
    let node = this.tree;
    for (const segment of path) {
      const key = String(segment);
      const child = node[key];
      if (child === undefined || Array.isArray(child)) {
        const created: FormErrorTree = {};
        node[key] = created;
        node = created;
      } else {
        node = child;
      }
    }
    (node._errors ??= []).push({ code, message });
    this.count += 1;
  }

  get isEmpty(): boolean {
    return this.count === 0;
  }

  /** Throws a 50035 "Invalid Form Body" error when any field error was recorded. */
  throwIfAny(): void {
    if (!this.isEmpty) throw restErrors.invalidFormBody(this.tree);
  }
}
