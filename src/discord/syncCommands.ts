import { DiscordAPIError, HTTPError, REST } from "@discordjs/rest";
import { RESTJSONErrorCodes, Routes, type APIApplication, type APIApplicationCommand } from "discord.js";
import { ConfigError } from "../config/loadConfig.js";
import { DiscordTokenRefusedError } from "../config/DiscordTokenRefusedError.js";
import type { Logger } from "../logging/createLogger.js";
import type { CommandDefinition } from "./commandTypes.js";

export interface SyncTarget {
  readonly token: string;
  readonly apiUrl: string;
  /** Register in this guild only; global when undefined. */
  readonly guildId: string | undefined;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** Where commands are registered: globally, or in one server (DISCORD_GUILD_ID). */
export type CommandScope = "global" | "guild";

/** A list Discord may leave out when it is empty (sub-commands without options, options without choices). */
function nonEmpty(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) && value.length > 0 ? value : undefined;
}

function sortedNumbers(values: readonly unknown[]): number[] {
  return values.map(Number).sort((a, b) => a - b);
}

/** Localizations by Discord locale, keys sorted; Discord answers null (or leaves them out) when there are none. */
function localizations(value: unknown): Json {
  if (typeof value !== "object" || value === null) return null;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, text]) => typeof text === "string");
  return entries.length === 0 ? null : Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)) as [string, string][]);
}

/**
 * Discord answers with ids, versions, localizations, `dm_permission`… and
 * leaves out what is false or empty (`required` of sub-commands, empty
 * `options`); compare only what we send, with Discord's defaults filled in.
 */
function normaliseOption(option: Record<string, unknown>): Json {
  const normalised: Record<string, Json> = {
    type: option.type as number,
    name: option.name as string,
    name_localizations: localizations(option.name_localizations),
    description: option.description as string,
    description_localizations: localizations(option.description_localizations),
    required: (option.required as boolean | undefined) ?? false,
    autocomplete: (option.autocomplete as boolean | undefined) ?? false,
  };
  for (const key of ["min_value", "max_value", "min_length", "max_length"] as const) {
    if (option[key] !== undefined && option[key] !== null) normalised[key] = option[key] as number;
  }
  const channelTypes = nonEmpty(option.channel_types);
  if (channelTypes !== undefined) normalised.channel_types = sortedNumbers(channelTypes);
  const choices = nonEmpty(option.choices) as { name: string; name_localizations?: unknown; value: string | number }[] | undefined;
  if (choices !== undefined) {
    normalised.choices = choices.map((choice) => ({
      name: choice.name,
      name_localizations: localizations(choice.name_localizations),
      value: choice.value,
    }));
  }
  const options = nonEmpty(option.options) as Record<string, unknown>[] | undefined;
  if (options !== undefined) normalised.options = options.map(normaliseOption);
  return normalised;
}

/**
 * The fields of a command that matter for a change. Discord keeps `contexts` and `integration_types` for global
 * commands only (a guild command comes back with contexts null), so in a guild's scope they are left out: comparing
 * them would find every restart with DISCORD_GUILD_ID a change.
 */
export function normaliseCommand(command: Record<string, unknown>, scope: CommandScope = "global"): Json {
  const { contexts, integration_types, ...rest } = normaliseGlobalCommand(command);
  return scope === "global" ? { ...rest, contexts, integration_types } : rest;
}

function normaliseGlobalCommand(command: Record<string, unknown>): { contexts: Json; integration_types: Json; [key: string]: Json } {
  const contexts = nonEmpty(command.contexts);
  const integrationTypes = nonEmpty(command.integration_types);
  const options = nonEmpty(command.options) as Record<string, unknown>[] | undefined;
  return {
    name: command.name as string,
    name_localizations: localizations(command.name_localizations),
    description: command.description as string,
    description_localizations: localizations(command.description_localizations),
    default_member_permissions: (command.default_member_permissions as string | null | undefined) ?? null,
    contexts: contexts === undefined ? null : sortedNumbers(contexts),
    integration_types: integrationTypes === undefined ? [0] : sortedNumbers(integrationTypes),
    nsfw: (command.nsfw as boolean | undefined) ?? false,
    options: options === undefined ? [] : options.map(normaliseOption),
  };
}

export function sameCommands(
  ours: readonly CommandDefinition[],
  theirs: readonly Record<string, unknown>[],
  scope: CommandScope = "global",
): boolean {
  const key = (list: readonly Record<string, unknown>[]) =>
    JSON.stringify(
      list
        .map((command) => normaliseCommand(command, scope))
        .sort((a, b) => (a as { name: string }).name.localeCompare((b as { name: string }).name)),
    );
  return key(ours) === key(theirs);
}

function restFor(target: SyncTarget): REST {
  return new REST({ api: target.apiUrl }).setToken(target.token);
}

/**
 * Discord answers 401 to a token that is no bot's (the client secret or public key pasted instead, a token reset
 * since): said as the setting to change, where discord.js says only "An invalid token was provided" or "401: Unauthorized".
 */
export function refusedTokenError(): DiscordTokenRefusedError {
  return new DiscordTokenRefusedError();
}

async function applicationId(rest: REST): Promise<string> {
  try {
    const application = (await rest.get(Routes.currentApplication())) as APIApplication;
    return application.id;
  } catch (error) {
    if ((error instanceof DiscordAPIError || error instanceof HTTPError) && error.status === 401) throw refusedTokenError();
    throw error;
  }
}

/** The setting that named a server (in the message when the bot is not in it) and what to do about it. */
interface GuildSetting {
  readonly label: string;
  readonly remedy: string;
}
const guildIdSetting: GuildSetting = { label: "DISCORD_GUILD_ID", remedy: "invite it, or unset DISCORD_GUILD_ID" };
const clearGuildSetting: GuildSetting = { label: "--clear-guild", remedy: "check the server id" };

/**
 * Discord refuses a guild's commands with a bare "Missing Access" (or "Unknown Guild") when the bot is not
 * in that server: said as the setting to change, so the operator knows which value is wrong.
 */
async function inGuildScope<T>(guildId: string | undefined, setting: GuildSetting, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    const notThere =
      error instanceof DiscordAPIError &&
      (error.code === RESTJSONErrorCodes.MissingAccess || error.code === RESTJSONErrorCodes.UnknownGuild);
    if (guildId === undefined || !notThere) throw error;
    throw new ConfigError([`${setting.label} ${guildId}: the bot is not in that server (${setting.remedy})`]);
  }
}

/** Replaces the registered commands with ours (`npm run deploy-commands`). */
export async function deployCommands(target: SyncTarget, definitions: readonly CommandDefinition[]): Promise<number> {
  const rest = restFor(target);
  const appId = await applicationId(rest);
  const route = target.guildId === undefined ? Routes.applicationCommands(appId) : Routes.applicationGuildCommands(appId, target.guildId);
  const result = (await inGuildScope(target.guildId, guildIdSetting, () =>
    rest.put(route, { body: definitions }),
  )) as APIApplicationCommand[];
  return result.length;
}

/**
 * On start-up: registers the commands only when they differ from what
 * Discord has, so restarts spend no rate limit and a first start just works.
 */
export async function syncCommands(
  target: SyncTarget,
  definitions: readonly CommandDefinition[],
  logger: Logger,
): Promise<"unchanged" | "registered"> {
  const rest = restFor(target);
  const appId = await applicationId(rest);
  const route = target.guildId === undefined ? Routes.applicationCommands(appId) : Routes.applicationGuildCommands(appId, target.guildId);
  // Full localization dictionaries, so a changed translation is seen as a change.
  const existing = (await inGuildScope(target.guildId, guildIdSetting, () =>
    rest.get(route, { query: new URLSearchParams({ with_localizations: "true" }) }),
  )) as Record<string, unknown>[];
  if (sameCommands(definitions, existing, target.guildId === undefined ? "global" : "guild")) {
    logger.info({ commands: definitions.length, scope: target.guildId ?? "global" }, "slash commands up to date");
    return "unchanged";
  }
  await inGuildScope(target.guildId, guildIdSetting, () => rest.put(route, { body: definitions }));
  logger.info({ commands: definitions.length, scope: target.guildId ?? "global" }, "slash commands registered");
  return "registered";
}

/**
 * Removes our commands (by name) from one server's guild scope, where a start with DISCORD_GUILD_ID left
 * them: with the global ones registered too, that server's members would see every command twice.
 * Returns how many were removed. Other guild commands of the application are kept.
 */
export async function clearGuildCommands(
  target: Omit<SyncTarget, "guildId">,
  guildId: string,
  definitions: readonly CommandDefinition[],
): Promise<number> {
  const rest = restFor({ ...target, guildId });
  const appId = await applicationId(rest);
  const route = Routes.applicationGuildCommands(appId, guildId);
  const inScope = <T>(request: () => Promise<T>) => inGuildScope(guildId, clearGuildSetting, request);
  const existing = (await inScope(() => rest.get(route))) as APIApplicationCommand[];
  const names = new Set(definitions.map((definition) => definition.name));
  const ours = existing.filter((command) => names.has(command.name));
  if (ours.length === 0) return 0;
  // One request when the scope holds only ours; otherwise one per command, keeping the others.
  if (ours.length === existing.length) await inScope(() => rest.put(route, { body: [] }));
  else for (const command of ours) await inScope(() => rest.delete(Routes.applicationGuildCommand(appId, guildId, command.id)));
  return ours.length;
}
