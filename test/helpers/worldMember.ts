import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { answerOf } from "./botHarness.js";
import type { SchedulerWorld } from "./schedulerWorld.js";

/** A server member of the world's guild who runs commands in one channel, as `/…` typed there. */
export interface WorldMember {
  readonly id: string;
  readonly username: string;
  /** Runs the command and resolves with what the member finally sees. */
  run(name: string, options?: Record<string, string>): Promise<EmulatorMessage>;
  /** `/done` of the first item its autocomplete offers (today's or overdue first): what the member finally sees. */
  doneFirstOffered(): Promise<EmulatorMessage>;
}

/** A new member `username` (shown as `displayName`, else the username) of the world's guild, in `channelId`. */
export function worldMember(world: SchedulerWorld, channelId: string, username: string, displayName?: string): WorldMember {
  const { emulator, guild } = world;
  const user = emulator.createMember(guild.id, { username, ...(displayName === undefined ? {} : { displayName }) });
  const where = { guildId: guild.id, channelId, userId: user.id };
  const run = (name: string, options: Record<string, string> = {}) => answerOf(emulator.runCommand({ ...where, name, options }));
  return {
    ...user,
    run,
    async doneFirstOffered() {
      const choices = await emulator.autocomplete({ ...where, name: "done", options: { item: "" }, focused: "item" });
      return run("done", { item: String(choices[0]?.value ?? "") });
    },
  };
}
