import { expect } from "vitest";
import { visibleText, type BotHarness } from "./botHarness.js";

/**
 * Asserts that `/today` for `member` in the finished `cohort` shows only the course summary: no third week's reading,
 * nothing overdue, no "Week N of 3" - what a re-import that added a third week must not bring back.
 */
export async function expectCourseSummaryOnly(bot: BotHarness, member: { id: string }, cohort: string): Promise<void> {
  const today = visibleText(await bot.reply(member.id, "today", { cohort }));
  expect(today).not.toContain("Reading 3");
  expect(today).not.toMatch(/overdue/i);
  expect(today).not.toMatch(/Week \d of 3/);
}
