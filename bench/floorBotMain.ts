/**
 * The framework floor (issue 14): a bot with the real bot's discord.js
 * client (same version, intents and client options, from
 * src/discord/createDiscordBot.ts) that answers every slash command with one
 * fixed ephemeral reply and does nothing else: no database, no catalogue, no
 * logging. bench/measureBot.ts times it against the same emulator in the same
 * run, so each command's latency can be read as a multiple of what
 * discord.js and the gateway cost alone. Spoken to over IPC like
 * bench/botProcessMain.ts (ready, report, stop; the clock messages are
 * acknowledged and ignored).
 *
 *   node --import tsx bench/floorBotMain.ts   (with an IPC channel; env: DISCORD_TOKEN, DISCORD_API_URL)
 */
import { Client, Events, MessageFlags } from "discord.js";
import { discordClientOptions } from "../src/discord/createDiscordBot.js";
import { floorReply, type FromBotProcess, type ToBotProcess } from "./botProcessProtocol.js";

function send(message: FromBotProcess): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  if (process.send === undefined) throw new Error("floorBotMain.ts runs under bench/BotProcess.ts (it needs an IPC channel)");
  const token = process.env.DISCORD_TOKEN;
  const apiUrl = process.env.DISCORD_API_URL;
  if (token === undefined || apiUrl === undefined) throw new Error("DISCORD_TOKEN and DISCORD_API_URL are required");
  const client = new Client(discordClientOptions(apiUrl, undefined));
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) void interaction.reply({ content: floorReply, flags: MessageFlags.Ephemeral });
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;

  let servingCpu = process.cpuUsage();
  const collectGarbage = (globalThis as { gc?: () => void }).gc;
  const close = () => void client.destroy().finally(() => process.exit(0));
  process.on("message", (message: ToBotProcess) => {
    switch (message.type) {
      case "setClock":
        send({ type: "clockSet", at: message.at });
        return;
      case "startServing":
        servingCpu = process.cpuUsage();
        send({ type: "servingStarted" });
        return;
      case "report": {
        const cpu = process.cpuUsage(servingCpu);
        if (message.collectGarbage) collectGarbage?.();
        send({
          type: "report",
          usage: {
            peakRssBytes: process.resourceUsage().maxRSS * 1024,
            servingRssMaxBytes: process.memoryUsage.rss(),
            servingCpuMs: (cpu.user + cpu.system) / 1000,
            liveHeapBytes: message.collectGarbage && collectGarbage !== undefined ? process.memoryUsage().heapUsed : null,
          },
        });
        return;
      }
      case "stop":
        close();
        return;
    }
  });
  process.once("disconnect", close);
  send({ type: "ready" });
}

main().catch((error: unknown) => {
  process.stderr.write(`floor bot failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
