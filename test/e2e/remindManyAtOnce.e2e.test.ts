import { describe, expect, it } from "vitest";
import { startBotHarness } from "../helpers/botHarness.js";
import { heldRequestWorlds } from "../helpers/heldRequestWorlds.js";
import { until } from "../helpers/until.js";

/**
 * Many members due at the same minute: their DMs go out several at a time (one at a time, 10,000 members at
 * a few hundred milliseconds a DM would leave the last one most of an hour late), each exactly once.
 */
describe("reminders of many members due at the same minute", () => {
  const bots = heldRequestWorlds((now) => startBotHarness({ now }));

  it("has several DMs on their way to Discord at once while none has been answered, and sends each once", async () => {
    const harness = await bots.start(new Date("2027-01-11T10:00:00Z"));
    const cohort = await harness.createCohort({ name: "Crowd", start: "2027-01-04" });
    const members = Array.from({ length: 12 }, (_, index) => harness.member(`reader${index}`));
    for (const member of members) {
      await harness.join(member, cohort);
      await harness.reply(member.id, "remind", { time: "08:30" });
    }
    const intoDms = (request: { method: string; route: string | null; path: string }) =>
      request.method === "POST" && request.route === "/channels/:channelId/messages" && !request.path.includes(harness.channel.id);
    // Discord answers none of the first four DMs until four members' DMs have come in: sent one at a time, only
    // one member's ever would (discord.js trying it again after its timeout is the same member's DM channel).
    const heldChannels = new Set<string>();
    const holdDm = (request: { method: string; route: string | null; path: string }) => {
      if (!intoDms(request)) return false;
      heldChannels.add(request.path);
      return true;
    };
    const held = Array.from({ length: 4 }, () => bots.holdNext(holdDm));
    harness.clock.set(new Date("2027-01-12T08:30:00Z"));
    const tick = harness.test.app.scheduler.tick(harness.clock.now());
    await until(() => heldChannels.size === 4, "four members' reminder DMs on their way at once");
    for (const hold of held) hold.release();
    const report = await tick;
    expect(report.reminders.sent).toBe(12);
    for (const member of members) expect(harness.emulator.dmMessages(member.id)).toHaveLength(1);
    // A second tick finds every reminder of the day sent.
    harness.clock.set(new Date("2027-01-12T08:31:00Z"));
    await harness.test.app.scheduler.tick(harness.clock.now());
    for (const member of members) expect(harness.emulator.dmMessages(member.id)).toHaveLength(1);
  });
});
