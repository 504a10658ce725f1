import { ConfigError } from "./loadConfig.js";

/**
 * Discord answered 401 to DISCORD_TOKEN: a token that is no bot's (the client secret or public key pasted
 * instead, a token reset since). The operator's setting to fix, not a bug: start-up reports it without a stack.
 */
export class DiscordTokenRefusedError extends ConfigError {
  constructor() {
    super([
      "DISCORD_TOKEN was refused by Discord (401 Unauthorized): copy the bot token again from the Developer Portal (your application → Bot → Reset Token)",
    ]);
    this.name = "DiscordTokenRefusedError";
  }
}
