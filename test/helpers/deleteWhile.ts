import { expect } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import type { InteractionHandle } from "../../src/emulator/InteractionHandle.js";
import { visibleText, type BotHarness } from "./botHarness.js";
import { confirmationOf } from "./postedBoards.js";
import { runCommand } from "./rankedCohort.js";

/**
 * `userId` confirms `/privacy delete` and, before the deletion has committed, `request` is sent (the member's own
 * command on another device, or an admin's click about them): both queue behind another write, which is then let
 * go, so the request has read the membership and its write comes after the deletion's. Returns the request's
 * final reply, once the deletion is confirmed (and, when `gone`, nothing of the user is left).
 */
export async function deleteWhile(
  bot: BotHarness,
  userId: string,
  request: () => InteractionHandle,
  /** Whether nothing of the user is left afterwards; false for a request that makes them a member again (/join). */
  gone = true,
): Promise<EmulatorMessage> {
  const app = bot.test.app;
  const asked = await runCommand(bot, userId, "privacy", { delete: true });
  // Other writes ahead of both in the process's write queue (a busy bot), so the request reads before the deletion commits.
  let release = () => {};
  const held = app.writes.run(() => new Promise<void>((resolve) => (release = resolve)));
  const deletion = bot.click(userId, asked.id, confirmationOf(asked));
  while (app.writes.length < 2) await new Promise((resolve) => setImmediate(resolve));
  const handle = request();
  while (app.writes.length < 3) await new Promise((resolve) => setImmediate(resolve));
  release();
  await held;
  expect(visibleText(await deletion.final())).toContain("Done: everything stored about you");
  const reply = await handle.final();
  expect(handle.failed).toBe(false);
  if (gone) expect(await app.database.prisma.member.count({ where: { userId } })).toBe(0);
  return reply;
}
