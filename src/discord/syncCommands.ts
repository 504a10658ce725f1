import { REST } from "@discordjs/rest";
import { Routes, type APIApplication, type APIApplicationCommand } from "discord.js";
import type { Logger } from "../logging/createLogger.js";
import type { CommandDefinition } from "./commandTypes.js";

export interface SyncTarget {
  readonly token: string;
  readonly apiUrl: string;
  /** Register in this guild only; global when undefined. */
  readonly guildId: string | undefined;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Discord echoes defaults back; compare only what we send, with Discord's defaults filled in. */
function normaliseOption(option: Record<string, unknown>): Json {
  const normalised: Record<string, Json> = {
    type: option.type as number,
    name: option.name as string,
    description: option.description as string,
    required: (option.required as boolean | undefined) ?? false,
    autocomplete: (option.autocomplete as boolean | undefined) ?? false,
  };
  for (const key of ["min_value", "max_value", "min_length", "max_length"] as const) {
    if (option[key] !== undefined && option[key] !== null) normalised[key] = option[key] as number;
  }
  if (Array.isArray(option.channel_types)) normalised.channel_types = [...(option.channel_types as number[])].sort();
  if (Array.isArray(option.choices)) {
    normalised.choices = (option.choices as { name: string; value: string | number }[]).map((choice) => ({ name: choice.name, value: choice.value }));
  }
  if (Array.isArray(option.options)) {
    normalised.options = (option.options as Record<string, unknown>[]).map(normaliseOption);
  }
  return normalised;
}

export function normaliseCommand(command: Record<string, unknown>): Json {
  return {
    name: command.name as string,
    description: command.description as string,
    default_member_permissions: (command.default_member_permissions as string | null | undefined) ?? null,
    contexts: Array.isArray(command.contexts) ? [...(command.contexts as number[])].sort() : null,
    integration_types: Array.isArray(command.integration_types) ? [...(command.integration_types as number[])].sort() : [0],
    nsfw: (command.nsfw as boolean | undefined) ?? false,
    options: Array.isArray(command.options) ? (command.options as Record<string, unknown>[]).map(normaliseOption) : [],
  };
}

export function sameCommands(ours: readonly CommandDefinition[], theirs: readonly Record<string, unknown>[]): boolean {
  const key = (list: readonly Record<string, unknown>[]) =>
    JSON.stringify(list.map(normaliseCommand).sort((a, b) => String((a as { name: string }).name).localeCompare(String((b as { name: string }).name))));
  return key(ours as unknown as Record<string, unknown>[]) === key(theirs);
}

function restFor(target: SyncTarget): REST {
  return new REST({ api: target.apiUrl }).setToken(target.token);
}

async function applicationId(rest: REST): Promise<string> {
  const application = (await rest.get(Routes.currentApplication())) as APIApplication;
  return application.id;
}

/** Replaces the registered commands with ours (`npm run deploy-commands`). */
export async function deployCommands(target: SyncTarget, definitions: readonly CommandDefinition[]): Promise<number> {
  const rest = restFor(target);
  const appId = await applicationId(rest);
  const route = target.guildId === undefined ? Routes.applicationCommands(appId) : Routes.applicationGuildCommands(appId, target.guildId);
  const result = (await rest.put(route, { body: definitions })) as APIApplicationCommand[];
  return result.length;
}

/**
 * On start-up: registers the commands only when they differ from what
 * Discord has, so restarts spend no rate limit and a first start just works.
 */
export async function syncCommands(target: SyncTarget, definitions: readonly CommandDefinition[], logger: Logger): Promise<"unchanged" | "registered"> {
  const rest = restFor(target);
  const appId = await applicationId(rest);
  const route = target.guildId === undefined ? Routes.applicationCommands(appId) : Routes.applicationGuildCommands(appId, target.guildId);
  const existing = (await rest.get(route)) as Record<string, unknown>[];
  if (sameCommands(definitions, existing)) {
    logger.info({ commands: definitions.length, scope: target.guildId ?? "global" }, "slash commands up to date");
    return "unchanged";
  }
  await rest.put(route, { body: definitions });
  logger.info({ commands: definitions.length, scope: target.guildId ?? "global" }, "slash commands registered");
  return "registered";
}
