import { Events, type Client } from "discord.js";
import type { Clock } from "../clock.js";
import type { Logger } from "../logging/createLogger.js";
import type { PrivacyService } from "../services/PrivacyService.js";

/**
 * Leaving for good: the bot removed from a server schedules that server's
 * data for deletion (30 days); joining it again, or finding it there at
 * startup or available again, cancels that. An outage (`guild.available` false) is not a removal.
 */
export function watchGuildMembership(client: Client, privacy: PrivacyService, clock: Clock, logger: Logger): void {
  const report = (error: unknown) => logger.error({ err: error }, "could not record a server membership change");
  client.on(Events.GuildDelete, (guild) => {
    if (!guild.available) return;
    void privacy.guildLeft(guild.id, clock.now()).catch(report);
  });
  client.on(Events.GuildCreate, (guild) => void privacy.guildsPresent([guild.id]).catch(report));
  // A server back after an outage, or brought back by a fresh session (added back while the bot was
  // disconnected): it arrives as available again, not as a join.
  // (Before ready, discord.js reports every server of the session this way: ClientReady covers them at once.)
  client.on(Events.GuildAvailable, (guild) => {
    if (client.isReady()) void privacy.guildsPresent([guild.id]).catch(report);
  });
  client.on(Events.ClientReady, (ready) => void privacy.guildsPresent([...ready.guilds.cache.keys()]).catch(report));
}
