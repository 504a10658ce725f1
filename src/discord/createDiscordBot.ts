import {
  Client,
  DiscordjsError,
  DiscordjsErrorCodes,
  Events,
  GatewayIntentBits,
  Status,
  type ClientOptions,
  type Interaction,
} from "discord.js";
import type { ShardIdentity } from "../config/loadConfig.js";
import type { Logger } from "../logging/createLogger.js";
import type { CommandDefinition } from "./commandTypes.js";
import { InFlightWork } from "./InFlightWork.js";
import type { InteractionRouter } from "./InteractionRouter.js";
import { refusedTokenError, syncCommands } from "./syncCommands.js";
import { shutdownWaitMs } from "../shutdownBudget.js";

export interface DiscordBotOptions {
  readonly token: string;
  readonly apiUrl: string;
  readonly guildId: string | undefined;
  readonly definitions: readonly CommandDefinition[];
  readonly logger: Logger;
  /** The one shard this process runs (under discord.js's ShardingManager); undefined: all guilds, one connection. */
  readonly shard?: ShardIdentity | undefined;
  /** Whether start() registers the slash commands; a sharded bot's manager does that once for all shards. */
  readonly registerCommands: boolean;
}

export interface DiscordBot {
  readonly client: Client;
  /** Logs in, waits until ready, and registers commands if they changed (when registerCommands). */
  start(router: InteractionRouter): Promise<void>;
  /** No new interactions are handled from here (the client stays connected for work in flight). */
  stopInteractions(): void;
  /**
   * Waits for the interactions already being handled to finish (at most
   * `timeoutMs`, default `interactionSettleTimeoutMs`, then logged), so none meets a closed database.
   * Tests pass a hang guard to wait for an interaction's last statement without a stopwatch.
   */
  settleInteractions(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
  /** Whether the gateway connection is up now (the heartbeat, hence the health check, follows it). */
  connected(): boolean;
}

/** How long shutdown waits for interactions in flight unless told: the shutdown budget (src/shutdownBudget.ts). */
export const interactionSettleTimeoutMs = shutdownWaitMs;

/** The bot's client settings; the benchmark's floor bot (bench/floorBotMain.ts) uses them too, so it measures the same client. */
export function discordClientOptions(apiUrl: string, shard: ShardIdentity | undefined): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds],
    rest: { api: apiUrl },
    // No message the bot sends may ping anyone, whatever text it carries.
    allowedMentions: { parse: [], repliedUser: false },
    shards: [shard?.id ?? 0],
    shardCount: shard?.count ?? 1,
  };
}

export function createDiscordBot(options: DiscordBotOptions): DiscordBot {
  const build = () => new Client(discordClientOptions(options.apiUrl, options.shard));
  const client = options.shard === undefined ? withoutShardCountVariable(build) : build();
  const logger = options.logger.child({ component: "discord" });
  // Replaced by the router's handler at start; stopInteractions() puts this back.
  const ignore = (): void => undefined;
  let onInteraction: (interaction: Interaction) => void = ignore;
  const inFlight = new InFlightWork();
  return {
    client,
    async start(router) {
      onInteraction = (interaction: Interaction) => {
        inFlight.track(router.handle(interaction).catch((error: unknown) => logger.error({ err: error }, "interaction handler crashed")));
      };
      client.on(Events.InteractionCreate, onInteraction);
      client.on(Events.Error, (error) => logger.error({ err: error }, "discord client error"));
      client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ code: event.code, shardId }, "gateway disconnected"));
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(options.token).catch((error: unknown) => {
        // discord.js turns Discord's 401 into a bare "An invalid token was provided".
        throw error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid ? refusedTokenError() : error;
      });
      await ready;
      logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, "connected to Discord");
      if (!options.registerCommands) return;
      await syncCommands({ token: options.token, apiUrl: options.apiUrl, guildId: options.guildId }, options.definitions, logger);
    },
    stopInteractions() {
      client.off(Events.InteractionCreate, onInteraction);
      onInteraction = ignore;
    },
    async settleInteractions(timeoutMs = interactionSettleTimeoutMs) {
      if (await inFlight.settle(timeoutMs)) return;
      logger.warn({ inFlight: inFlight.size, timeoutMs }, "interactions still in flight at shutdown");
    },
    async stop() {
      await client.destroy();
    },
    connected() {
      // client.isReady() stays true from the first READY on, through a lost connection and every reconnect
      // attempt: only the shard's own status says whether the gateway session is up now.
      return client.isReady() && client.ws.shards.every((shard) => shard.status === Status.Ready);
    },
  };
}

/**
 * discord.js's Client reads SHARD_COUNT from the environment when its own
 * shardCount option is the default 1; outside a shard process that variable
 * is our setting (maybe "auto", e.g. for the CLI run beside a sharded bot),
 * which the client would refuse. Hidden only while the client is built.
 */
function withoutShardCountVariable<T>(build: () => T): T {
  const saved = process.env.SHARD_COUNT;
  delete process.env.SHARD_COUNT;
  try {
    return build();
  } finally {
    if (saved !== undefined) process.env.SHARD_COUNT = saved;
  }
}
