import { ConfigError } from "./loadConfig.js";

/** What to do about a refused token: the error's message, start-up's fatal log line and deploy-commands' output. */
export const tokenRefusedMessage =
  "Discord refused the bot token (401 Unauthorized): check DISCORD_TOKEN (copy the bot token again from the Developer Portal: your application → Bot → Reset Token)";

/**
 * Discord answered 401 to DISCORD_TOKEN: a token that is no bot's (the client secret or public key pasted
 * instead, a token reset since). The operator's setting to fix, not a bug: start-up reports it without a stack.
 */
export class DiscordTokenRefusedError extends ConfigError {
  constructor() {
    super([tokenRefusedMessage]);
    this.name = "DiscordTokenRefusedError";
  }
}
