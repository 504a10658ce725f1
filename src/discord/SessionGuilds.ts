/**
 * The servers the bot is in as the gateway told it: each shard's latest READY, then the joins and
 * removals since. Unlike discord.js's cache, a new session replaces its shard's list (the cache keeps
 * the servers of an earlier session, a removal while disconnected included), and a join before the
 * client is ready counts (discord.js adds it to the cache without a GuildCreate event).
 */
export class SessionGuilds {
  /** Server id → the shard it came through. */
  private readonly shardOf = new Map<string, number>();

  /** A shard's new session listed these servers (unavailable ones too): they replace what it had. */
  sessionStarted(shardId: number, guildIds: readonly string[]): void {
    for (const [guildId, shard] of this.shardOf) if (shard === shardId) this.shardOf.delete(guildId);
    for (const guildId of guildIds) this.shardOf.set(guildId, shardId);
  }

  /** A GUILD_CREATE: true when the server was not the bot's (a join), false for one the session listed. */
  created(guildId: string, shardId: number): boolean {
    const joined = !this.shardOf.has(guildId);
    this.shardOf.set(guildId, shardId);
    return joined;
  }

  /** The bot was removed from the server (not an outage). */
  removed(guildId: string): void {
    this.shardOf.delete(guildId);
  }

  has(guildId: string): boolean {
    return this.shardOf.has(guildId);
  }
}
