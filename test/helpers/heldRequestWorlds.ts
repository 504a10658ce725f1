import { afterEach } from "vitest";
import type { HeldRequest, RouteMatcher } from "../../src/emulator/RestRouter.js";

/** What a test starts against Discord's emulator: a scheduler world or a bot harness. */
export interface EmulatedBot {
  readonly emulator: { holdNext(matcher: RouteMatcher): HeldRequest };
  close(): Promise<void>;
}

/** A test's bot and the requests Discord holds for it, undone after the test. */
export interface HeldRequestWorlds<Bot extends EmulatedBot> {
  /** Starts the test's bot at `now`, closed after the test. */
  readonly start: (now: Date) => Promise<Bot>;
  /** Holds the bot's next request `matcher` matches (see DiscordEmulator.holdNext), released after the test. */
  readonly holdNext: (matcher: RouteMatcher) => HeldRequest;
}

/**
 * In a describe block whose tests have Discord hold a bot's requests, each test's bot started by `startBot`: after
 * each test, releases what is still held (so nothing waits on it) and then closes the bot the test started.
 */
export function heldRequestWorlds<Bot extends EmulatedBot>(startBot: (now: Date) => Promise<Bot>): HeldRequestWorlds<Bot> {
  let bot: Bot | undefined;
  let holds: HeldRequest[] = [];
  afterEach(async () => {
    for (const hold of holds) hold.release();
    holds = [];
    await bot?.close();
    bot = undefined;
  });
  return {
    start: async (now) => (bot = await startBot(now)),
    holdNext: (matcher) => {
      if (bot === undefined) throw new Error("no bot started to hold a request of");
      const hold = bot.emulator.holdNext(matcher);
      holds.push(hold);
      return hold;
    },
  };
}
