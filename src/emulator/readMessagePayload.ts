import { ComponentType, MessageFlags } from "discord-api-types/v10";
import type { APIAllowedMentions, APIEmbed, APIMessageTopLevelComponent } from "discord-api-types/v10";
import { FormErrors } from "./DiscordRestError.js";

/** Discord's documented message limits. */
export const MessageLimits = {
  contentLength: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooterText: 2048,
  embedAuthorName: 256,
  embedTotalCharacters: 6000,
  actionRowsPerMessage: 5,
  componentsPerActionRow: 5,
  customIdLength: 100,
  buttonLabelLength: 80,
  nonceLength: 25,
} as const;

export interface AttachmentReference {
  /** A number/string index into the uploaded `files[n]`, or the id of an attachment to keep. */
  id: string;
  filename: string | null;
  description: string | null;
}

/** The message-shaped part of a create/edit/callback body, checked against Discord's limits. */
export interface MessagePayload {
  content: string | undefined;
  embeds: APIEmbed[] | undefined;
  components: APIMessageTopLevelComponent[] | undefined;
  flags: number | undefined;
  nonce: string | number | undefined;
  enforceNonce: boolean;
  allowedMentions: APIAllowedMentions | undefined;
  tts: boolean;
  attachments: AttachmentReference[] | undefined;
  replyToMessageId: string | undefined;
}

const SETTABLE_FLAGS =
  MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral;

/**
 * Reads a message body (JSON object) and throws Discord's 50035 "Invalid Form Body" error with
 * the same field paths and codes Discord uses when a limit is broken. `pathPrefix` is `["data"]`
 * for interaction callbacks, whose message sits under `data`.
 */
export function readMessagePayload(body: unknown, pathPrefix: readonly string[] = []): MessagePayload {
  const errors = new FormErrors();
  const record = isRecord(body) ? body : {};
  const at = (...path: (string | number)[]) => [...pathPrefix, ...path];

  // On edits `null` clears a field, so it reads as empty rather than "unchanged".
  const content = record.content === null ? "" : optionalString(record.content, at("content"), errors);
  if (content !== undefined && content.length > MessageLimits.contentLength) {
    errors.add(at("content"), "BASE_TYPE_MAX_LENGTH", `Must be ${MessageLimits.contentLength} or fewer in length.`);
  }

  const embeds = record.embeds === null ? [] : readEmbeds(record.embeds, at, errors);
  const components = record.components === null ? [] : readComponents(record.components, at, errors);

  let nonce: string | number | undefined;
  if (typeof record.nonce === "string") {
    if (record.nonce.length > MessageLimits.nonceLength) {
      errors.add(at("nonce"), "BASE_TYPE_MAX_LENGTH", `Must be ${MessageLimits.nonceLength} or fewer in length.`);
    }
    nonce = record.nonce;
  } else if (typeof record.nonce === "number" && Number.isInteger(record.nonce)) {
    nonce = record.nonce;
  } else if (record.nonce !== undefined && record.nonce !== null) {
    errors.add(at("nonce"), "NONCE_TYPE_INVALID", "Nonce must be an integer or string.");
  }

  const flags = typeof record.flags === "number" ? record.flags & SETTABLE_FLAGS : undefined;
  const allowedMentions = readAllowedMentions(record.allowed_mentions);
  const attachments = readAttachmentReferences(record.attachments);
  const reference = isRecord(record.message_reference) ? record.message_reference : undefined;

  errors.throwIfAny();
  return {
    content,
    embeds,
    components,
    flags,
    nonce,
    enforceNonce: record.enforce_nonce === true,
    allowedMentions,
    tts: record.tts === true,
    attachments,
    replyToMessageId: typeof reference?.message_id === "string" ? reference.message_id : undefined,
  };
}

type PathOf = (...path: (string | number)[]) => (string | number)[];

function readEmbeds(value: unknown, at: PathOf, errors: FormErrors): APIEmbed[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    errors.add(at("embeds"), "BASE_TYPE_ARRAY", "Must be an array.");
    return undefined;
  }
  if (value.length > MessageLimits.embedsPerMessage) {
    errors.add(at("embeds"), "BASE_TYPE_MAX_LENGTH", `Must be ${MessageLimits.embedsPerMessage} or fewer in length.`);
  }
  let totalCharacters = 0;
  const embeds: APIEmbed[] = [];
  value.forEach((item: unknown, index) => {
    if (!isRecord(item)) {
      errors.add(at("embeds", index), "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
      return;
    }
    totalCharacters += checkEmbed(item, (...path) => at("embeds", index, ...path), errors);
    embeds.push(item);
  });
  if (totalCharacters > MessageLimits.embedTotalCharacters) {
    errors.add(at("embeds"), "MAX_EMBED_SIZE_EXCEEDED", `Embed size exceeds maximum size of ${MessageLimits.embedTotalCharacters}`);
  }
  return embeds;
}

/** Checks one embed's texts against Discord's limits; returns how many characters count towards the message total. */
function checkEmbed(item: Record<string, unknown>, at: PathOf, errors: FormErrors): number {
  let characters = 0;
  const limit = (text: unknown, max: number, path: (string | number)[]) => {
    if (text === undefined || text === null) return;
    if (typeof text !== "string") {
      errors.add(at(...path), "BASE_TYPE_STRING", "Must be a string.");
      return;
    }
    characters += text.length;
    if (text.length > max) errors.add(at(...path), "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
  };
  limit(item.title, MessageLimits.embedTitle, ["title"]);
  limit(item.description, MessageLimits.embedDescription, ["description"]);
  if (isRecord(item.footer)) limit(item.footer.text, MessageLimits.embedFooterText, ["footer", "text"]);
  if (isRecord(item.author)) limit(item.author.name, MessageLimits.embedAuthorName, ["author", "name"]);
  if (item.fields === undefined || item.fields === null) return characters;
  if (!Array.isArray(item.fields)) {
    errors.add(at("fields"), "BASE_TYPE_ARRAY", "Must be an array.");
    return characters;
  }
  if (item.fields.length > MessageLimits.embedFields) {
    errors.add(at("fields"), "BASE_TYPE_MAX_LENGTH", `Must be ${MessageLimits.embedFields} or fewer in length.`);
  }
  item.fields.forEach((field: unknown, fieldIndex) => {
    const fieldRecord = isRecord(field) ? field : {};
    for (const [key, max] of [
      ["name", MessageLimits.embedFieldName],
      ["value", MessageLimits.embedFieldValue],
    ] as const) {
      const text = fieldRecord[key];
      if (typeof text !== "string" || text.length === 0) {
        errors.add(at("fields", fieldIndex, key), "BASE_TYPE_REQUIRED", "This field is required");
      } else {
        limit(text, max, ["fields", fieldIndex, key]);
      }
    }
  });
  return characters;
}

function readComponents(value: unknown, at: PathOf, errors: FormErrors): APIMessageTopLevelComponent[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    errors.add(at("components"), "BASE_TYPE_ARRAY", "Must be an array.");
    return undefined;
  }
  const customIds = new Set<string>();
  const onlyActionRows = value.every((row) => isRecord(row) && row.type === ComponentType.ActionRow);
  // Components v2 messages mix many top-level types; only classic action-row messages get the row limits.
  if (onlyActionRows && value.length > MessageLimits.actionRowsPerMessage) {
    errors.add(at("components"), "BASE_TYPE_MAX_LENGTH", `Must be ${MessageLimits.actionRowsPerMessage} or fewer in length.`);
  }
  value.forEach((row: unknown, rowIndex) => {
    if (isRecord(row) && row.type === ComponentType.ActionRow) {
      checkActionRow(row, (...path) => at("components", rowIndex, ...path), errors, customIds);
    }
  });
  return value as APIMessageTopLevelComponent[];
}

function checkActionRow(row: Record<string, unknown>, at: PathOf, errors: FormErrors, customIds: Set<string>): void {
  const children = Array.isArray(row.components) ? row.components : [];
  if (children.length === 0) {
    errors.add(at("components"), "BASE_TYPE_MIN_LENGTH", "Must be 1 or more in length.");
  }
  if (children.length > MessageLimits.componentsPerActionRow) {
    errors.add(at("components"), "BASE_TYPE_MAX_LENGTH", `Must be ${MessageLimits.componentsPerActionRow} or fewer in length.`);
  }
  children.forEach((child: unknown, childIndex) => {
    if (isRecord(child)) checkComponent(child, (...path) => at("components", childIndex, ...path), errors, customIds);
  });
}

/** A button or select menu in an action row: its custom id (required, short, unique in the message) and label. */
function checkComponent(child: Record<string, unknown>, at: PathOf, errors: FormErrors, customIds: Set<string>): void {
  if (child.type === ComponentType.Button) {
    const isLink = child.style === 5 || child.style === 6;
    if (!isLink && typeof child.custom_id !== "string") {
      errors.add(at("custom_id"), "BASE_TYPE_REQUIRED", "This field is required");
    }
    if (typeof child.label === "string" && child.label.length > MessageLimits.buttonLabelLength) {
      errors.add(at("label"), "BASE_TYPE_MAX_LENGTH", `Must be ${MessageLimits.buttonLabelLength} or fewer in length.`);
    }
  }
  if (typeof child.custom_id !== "string") return;
  if (child.custom_id.length > MessageLimits.customIdLength) {
    errors.add(at("custom_id"), "BASE_TYPE_MAX_LENGTH", `Must be ${MessageLimits.customIdLength} or fewer in length.`);
  }
  if (customIds.has(child.custom_id)) {
    errors.add(at("custom_id"), "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
  }
  customIds.add(child.custom_id);
}

function readAllowedMentions(value: unknown): APIAllowedMentions | undefined {
  if (!isRecord(value)) return undefined;
  const mentions: APIAllowedMentions = {};
  if (Array.isArray(value.parse)) {
    mentions.parse = value.parse.filter(
      (entry): entry is NonNullable<APIAllowedMentions["parse"]>[number] => entry === "users" || entry === "roles" || entry === "everyone",
    );
  }
  if (Array.isArray(value.users)) mentions.users = value.users.filter((id): id is string => typeof id === "string");
  if (Array.isArray(value.roles)) mentions.roles = value.roles.filter((id): id is string => typeof id === "string");
  if (typeof value.replied_user === "boolean") mentions.replied_user = value.replied_user;
  return mentions;
}

function readAttachmentReferences(value: unknown): AttachmentReference[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((item: unknown) => {
    if (!isRecord(item) || (typeof item.id !== "string" && typeof item.id !== "number")) return [];
    return [
      {
        id: String(item.id),
        filename: typeof item.filename === "string" ? item.filename : null,
        description: typeof item.description === "string" ? item.description : null,
      },
    ];
  });
}

function optionalString(value: unknown, path: (string | number)[], errors: FormErrors): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  errors.add(path, "BASE_TYPE_STRING", "Must be a string.");
  return undefined;
}

/** Discord refuses a message with no content, embeds, components or files (50006). */
export function isEmptyMessage(payload: MessagePayload, fileCount: number): boolean {
  return (
    (payload.content ?? "").trim() === "" &&
    (payload.embeds ?? []).length === 0 &&
    (payload.components ?? []).length === 0 &&
    fileCount === 0
  );
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
