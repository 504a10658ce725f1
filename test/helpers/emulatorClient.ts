import { REST } from "@discordjs/rest";
import { Client, Events, GatewayIntentBits } from "discord.js";
import type { ClientOptions } from "discord.js";
import { DiscordEmulator } from "../../src/emulator/DiscordEmulator.js";
import type { DiscordEmulatorOptions, EmulatorGuild } from "../../src/emulator/DiscordEmulator.js";

export interface EmulatorLogRecord {
  level: string;
  message: string;
  details: Record<string, unknown> | undefined;
}

export interface EmulatorWithClient {
  emu: DiscordEmulator;
  client: Client;
  /** A REST client pointed at the emulator with the bot token, like deploy-commands uses. */
  rest: REST;
  guild: EmulatorGuild;
  /** A text channel the bot can use. */
  channelId: string;
  logs: EmulatorLogRecord[];
  stop(): Promise<void>;
}

/**
 * Starts an emulator with one guild and one text channel, logs a real discord.js client in and
 * waits until it is ready with the guild cached.
 */
export async function startEmulatorWithClient(
  options: { emulator?: DiscordEmulatorOptions; client?: Partial<ClientOptions> } = {},
): Promise<EmulatorWithClient> {
  const logs: EmulatorLogRecord[] = [];
  const emu = await DiscordEmulator.start({
    ...options.emulator,
    logger: (level, message, details) => logs.push({ level, message, details }),
  });
  const guild = emu.createGuild({ name: "Study Server" });
  const channel = emu.createChannel(guild.id, { name: "general" });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...options.client,
    rest: { api: emu.apiUrl, ...options.client?.rest },
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(emu.token);
  await ready;
  const rest = new REST({ api: emu.apiUrl }).setToken(emu.token);
  return {
    emu,
    client,
    rest,
    guild,
    channelId: channel.id,
    logs,
    async stop() {
      await client.destroy();
      await emu.stop();
    },
  };
}
