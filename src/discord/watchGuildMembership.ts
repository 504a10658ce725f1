import {
  Events,
  GatewayDispatchEvents,
  type Client,
  type GatewayGuildCreateDispatchData,
  type GatewayGuildDeleteDispatchData,
  type GatewayReadyDispatchData,
} from "discord.js";
import type { Clock } from "../clock.js";
import type { Logger } from "../logging/createLogger.js";
import type { PrivacyService } from "../services/PrivacyService.js";
import { InFlightWork } from "./InFlightWork.js";
import { SessionGuilds } from "./SessionGuilds.js";

/** How long start-up waits for the servers a READY listed to be compared with the database. */
const sessionCheckTimeoutMs = 30_000;

export interface GuildMembershipWatch {
  /**
   * Waits (at most `timeoutMs`, 30 s unless told) for what the sessions begun so far, and the joins and removals
   * since, recorded: start() runs it before the scheduler's first tick, close() (within the shutdown budget) before
   * the database closes.
   */
  settled(timeoutMs?: number): Promise<void>;
  /** Whether the bot is in the server, as the sessions so far told (false before any READY). */
  has(guildId: string): boolean;
}

/**
 * Leaving for good: the bot removed from a server schedules that server's
 * data for deletion (30 days); joining it again, or finding it there at
 * startup or available again, cancels that. An outage (GUILD_DELETE with `unavailable`) is not a removal.
 * A removal while the bot was offline sends no GuildDelete: each shard's READY, which lists every
 * server of the shard the bot is in (unavailable ones too), tells it instead.
 */
export function watchGuildMembership(client: Client, privacy: PrivacyService, clock: Clock, logger: Logger): GuildMembershipWatch {
  const report = (error: unknown) => logger.error({ err: error }, "could not record a server membership change");
  const sessionChecks = new InFlightWork();
  const guilds = new SessionGuilds();
  // Asked again just before a departure is cancelled: a server that removed the bot since keeps its record.
  const inSession = (guildId: string) => guilds.has(guildId);
  // Tracked, so stop (and start) wait for the write before the database closes.
  const track = (work: Promise<unknown>) => sessionChecks.track(work.catch(report));
  // A server back after an outage, or brought back by a fresh session (added back while the bot was
  // disconnected): it arrives as available again, not as a join.
  // (Before ready, discord.js reports every server of the session this way: the session's READY covers them at once.)
  client.on(Events.GuildAvailable, (guild) => {
    if (client.isReady()) track(privacy.guildsPresent([guild.id], inSession));
  });
  // The raw events below are each session's own account, read before discord.js applies them.
  // A join: raw, since before the client is ready (a server added while a session starts) discord.js emits no GuildCreate.
  client.ws.on(GatewayDispatchEvents.GuildCreate, (data: GatewayGuildCreateDispatchData, shardId: number) => {
    if (guilds.created(data.id, shardId)) track(privacy.guildsPresent([data.id], inSession));
  });
  // A removal is a GUILD_DELETE without `unavailable` (an outage sets it), read raw: discord.js's GuildDelete
  // event carries a guild whose `available` is still false when the removal came during an outage.
  client.ws.on(GatewayDispatchEvents.GuildDelete, (data: GatewayGuildDeleteDispatchData) => {
    if (data.unavailable === true) return;
    guilds.removed(data.id);
    const recorded = privacy.guildLeft(data.id, clock.now()).then(async () => {
      // Added back while the record waited its turn to be written: the join found nothing to cancel yet.
      if (guilds.has(data.id)) await privacy.guildsPresent([data.id], inSession);
    });
    track(recorded);
  });
  // The raw READY of each shard's new session (not a resume): its own list, not the client's cache, which
  // still holds the servers of an earlier session.
  client.ws.on(GatewayDispatchEvents.Ready, (data: GatewayReadyDispatchData, shardId: number) => {
    const [id, count] = data.shard ?? [shardId, client.options.shardCount ?? 1];
    const present = data.guilds.map((guild) => guild.id);
    guilds.sessionStarted(id, present);
    const check = privacy.shardSessionStarted({ id, count }, present, clock.now(), inSession).then(async (recorded) => {
      // Added back while the check ran: its join's cancellation may have come before this record.
      const back = recorded.filter(inSession);
      if (back.length > 0) await privacy.guildsPresent(back, inSession);
    });
    track(check);
  });
  return {
    async settled(timeoutMs = sessionCheckTimeoutMs) {
      if (await sessionChecks.settle(timeoutMs)) return;
      // Start-up and shutdown both wait for the checks: the message fits either.
      logger.warn({ timeoutMs }, "servers of the session still being checked");
    },
    has: (guildId) => guilds.has(guildId),
  };
}
