/** Discord ids (snowflakes) are unsigned 64-bit integers: 17 to 20 decimal digits for any id made since 2015. */
const snowflakeDigits = /^\d{17,20}$/;
const snowflakeLimit = 2n ** 64n;

/**
 * Whether `value` can be a Discord id (a server's, a user's, a channel's): 17 to 20 digits and below 2^64. The one
 * check for ids an operator or a visitor types, so a typo is refused before it reaches the database or Discord. In
 * shared/, not domain/, because configuration (a leaf) checks DISCORD_GUILD_ID with it too.
 */
export function isDiscordId(value: string): boolean {
  return snowflakeDigits.test(value) && BigInt(value) < snowflakeLimit;
}
