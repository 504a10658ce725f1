import type { APIAllowedMentions } from "discord-api-types/v10";
import type { MessageMentions } from "./EmulatorState.js";

export interface MentionContext {
  /** The author has Mention @everyone, @here and All Roles in the channel. */
  canMentionEveryone: boolean;
  isMentionableRole(roleId: string): boolean;
  isKnownUser(userId: string): boolean;
}

const USER_MENTION = /<@!?(\d{17,20})>/g;
const ROLE_MENTION = /<@&(\d{17,20})>/g;
const EVERYONE_MENTION = /@(everyone|here)\b/;

/**
 * Who a message actually pings, as Discord decides it: mentions in the content filtered by
 * `allowed_mentions` (absent = parse everything) and by the author's permissions.
 */
export function resolveMentions(content: string, allowedMentions: APIAllowedMentions | null, context: MentionContext): MessageMentions {
  const parse = new Set<string>(allowedMentions?.parse ?? ["users", "roles", "everyone"]);
  const explicitUsers = new Set(allowedMentions?.users ?? []);
  const explicitRoles = new Set(allowedMentions?.roles ?? []);

  const userIds = unique([...content.matchAll(USER_MENTION)].map((match) => match[1] ?? ""))
    .filter((id) => context.isKnownUser(id))
    .filter((id) => parse.has("users") || explicitUsers.has(id));
  const roleIds = unique([...content.matchAll(ROLE_MENTION)].map((match) => match[1] ?? ""))
    .filter((id) => parse.has("roles") || explicitRoles.has(id))
    .filter((id) => context.canMentionEveryone || context.isMentionableRole(id));
  const everyone = parse.has("everyone") && context.canMentionEveryone && EVERYONE_MENTION.test(content);
  return { everyone, userIds, roleIds };
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ""))];
}
