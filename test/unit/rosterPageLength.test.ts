import { describe, expect, it } from "vitest";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { renderRoster } from "../../src/discord/render/renderFacilitators.js";
import { RosterFilter, RosterGroup, type RosterMemberView, type RosterView } from "../../src/services/RosterService.js";
import { cohortFixture } from "../helpers/cohortFixture.js";

/**
 * The longest roster page a facilitator can be shown: 20 behind members on days off, with long names of characters
 * the Translator escapes, long paces, big counts and "Not yet" on 3 of the 5 latest checkpoints, in Spanish.
 */
describe("a worst-case roster page", () => {
  const cohort = cohortFixture({ id: 1, curriculumId: 1, name: "_".repeat(100) });
  const members: RosterMemberView[] = Array.from({ length: 20 }, (_, index) => ({
    memberId: 1_000_000 + index,
    userId: `${123456789012345678n + BigInt(index)}`,
    displayName: `${"*_~`|".repeat(6)}${String(index).padStart(2, "0")}`,
    group: RosterGroup.Behind,
    behindItems: 12_345,
    behindMinutes: 987_654,
    lastCompletedAt: new Date("2026-12-01T10:00:00Z"),
    streak: 1_234,
    answers: { confident: 12_345, partly: 12_345, notYet: 12_345 },
    latestCheckpoints: { total: 5, notYet: 3 },
    daysOffUntil: "2026-12-31",
    nudgeable: false,
    // Never beside days off (no Nudge is wanted then), whose words are the longer.
    nudgesOff: false,
  }));
  const view: RosterView = {
    cohort,
    cohortNames: [],
    filter: RosterFilter.All,
    page: 0,
    pageCount: 3,
    hasPrevious: false,
    hasNext: true,
    counts: { behind: 123_456, quiet: 123_456, not_yet: 123_456, on_track: 123_456, finished: 123_456 },
    members,
    timed: true,
  };

  it("fits Discord's 6,000 characters in Spanish and shows every member", () => {
    const reply = renderRoster(translatorFor("es"), view);
    const embeds = reply.embeds ?? [];
    const length = embeds.reduce(
      (sum, embed) => sum + (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0),
      0,
    );
    expect(length).toBeLessThanOrEqual(6000);
    const text = embeds.map((embed) => embed.description ?? "").join("\n");
    for (const member of members) expect(text).toContain(`<@${member.userId}>`);
    expect(text).toContain("🤔 3/5");
  });

  it("shows fewer members rather than cutting lines when even longer names pass 6,000, and ▶ starts after the last shown", () => {
    const longer = members.map((member) => ({ ...member, displayName: `${"*".repeat(100)}${member.memberId}` }));
    const reply = renderRoster(translatorFor("es"), { ...view, hasNext: false, members: longer });
    const embeds = reply.embeds ?? [];
    const text = embeds.map((embed) => embed.description ?? "").join("\n");
    const shown = longer.filter((member) => text.includes(`<@${member.userId}>`));
    expect(shown.length).toBeLessThan(longer.length);
    expect(shown).toEqual(longer.slice(0, shown.length));
    expect(text).toContain(`…y ${longer.length - shown.length} más`);
    const next = (reply.components ?? [])
      .flatMap((row) => row.components)
      .find((component) => "custom_id" in component && component.custom_id.includes(":after:"));
    expect(next && "custom_id" in next ? next.custom_id : "").toContain(`:${shown.at(-1)?.memberId}:`);
    expect(next?.disabled).toBe(false);
  });
});
