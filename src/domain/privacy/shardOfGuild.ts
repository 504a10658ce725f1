/** Discord's server ids: snowflakes, decimal digits only (at most 20). */
const snowflake = /^\d{1,20}$/;

/**
 * The shard a server's events come through: Discord's rule, `(guild_id >> 22) % shard_count`.
 * null for an id that is not a Discord snowflake (nothing the gateway would ever deliver).
 */
export function shardOfGuild(guildId: string, shardCount: number): number | null {
  if (!snowflake.test(guildId)) return null;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
