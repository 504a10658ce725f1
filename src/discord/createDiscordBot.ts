import { Client, Events, GatewayIntentBits, type Interaction } from "discord.js";
import type { Logger } from "../logging/createLogger.js";
import type { CommandDefinition } from "./commandTypes.js";
import type { InteractionRouter } from "./InteractionRouter.js";
import { syncCommands } from "./syncCommands.js";

export interface DiscordBotOptions {
  readonly token: string;
  readonly apiUrl: string;
  readonly guildId: string | undefined;
  readonly definitions: readonly CommandDefinition[];
  readonly logger: Logger;
}

export interface DiscordBot {
  readonly client: Client;
  /** Logs in, waits until ready, and registers commands if they changed. */
  start(router: InteractionRouter): Promise<void>;
  stop(): Promise<void>;
}

export function createDiscordBot(options: DiscordBotOptions): DiscordBot {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: options.apiUrl },
    // No message the bot sends may ping anyone, whatever text it carries.
    allowedMentions: { parse: [], repliedUser: false },
  });
  const logger = options.logger.child({ component: "discord" });
  return {
    client,
    async start(router) {
      client.on(Events.InteractionCreate, (interaction: Interaction) => {
        void router.handle(interaction).catch((error: unknown) => logger.error({ err: error }, "interaction handler crashed"));
      });
      client.on(Events.Error, (error) => logger.error({ err: error }, "discord client error"));
      client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ code: event.code, shardId }, "gateway disconnected"));
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(options.token);
      await ready;
      logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, "connected to Discord");
      await syncCommands({ token: options.token, apiUrl: options.apiUrl, guildId: options.guildId }, options.definitions, logger);
    },
    async stop() {
      await client.destroy();
    },
  };
}
