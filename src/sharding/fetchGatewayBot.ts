import { REST } from "@discordjs/rest";
import { Routes, type APIGatewayBotInfo } from "discord.js";

export interface GatewayBotInfo {
  /** How many shards Discord recommends for the bot's guilds. */
  readonly shards: number;
  /** How many shards may identify within the same 5 seconds. */
  readonly maxConcurrency: number;
}

/**
 * GET /gateway/bot at the configured API (discord.js's own
 * fetchRecommendedShardCount always asks discord.com, so it is not used).
 */
export async function fetchGatewayBot(token: string, apiUrl: string): Promise<GatewayBotInfo> {
  const rest = new REST({ api: apiUrl }).setToken(token);
  const info = (await rest.get(Routes.gatewayBot())) as APIGatewayBotInfo;
  return { shards: info.shards, maxConcurrency: info.session_start_limit.max_concurrency };
}
