import { describe, expect, it } from "vitest";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { renderLiveBoard } from "../../src/discord/render/renderLiveBoard.js";
import { renderRoster } from "../../src/discord/render/renderFacilitators.js";
import { LeaderboardPeriod, LeaderboardScope, type LeaderboardEntry } from "../../src/services/StudyService.js";
import { RosterFilter } from "../../src/services/RosterService.js";
import { cohortFixture } from "../helpers/cohortFixture.js";

/** Counts of members follow the reader's language, like every other number the bot writes ("12,335", "12.335"). */
describe("member counts on big cohorts' boards and roster", () => {
  const cohort = cohortFixture({ id: 1, curriculumId: 1, name: "Big Spring" });
  const top: LeaderboardEntry[] = Array.from({ length: 10 }, (_, index) => ({
    memberId: index + 1,
    rank: index + 1,
    points: 1000 - index,
    shown: { kind: "name", displayName: `Reader ${index + 1}` },
    isCaller: false,
  }));
  const board = {
    cohort,
    weekNumber: 3,
    board: {
      cohort,
      period: LeaderboardPeriod.Week,
      scope: LeaderboardScope.Top,
      weekNumber: 3,
      boardOn: true,
      top,
      caller: null,
      rankedMembers: 12_345,
      final: false,
      endedEarly: false,
      finalKeptPrivate: false,
      finalPosted: false,
      publicReply: true,
    },
    setAside: false,
    weekOver: false,
  } as const;
  const text = (language: "en" | "es") => renderLiveBoard(translatorFor(language), board).embeds[0]?.description ?? "";

  it("says how many more members have points in the language's digits", () => {
    expect(text("en")).toContain("…and 12,335 more with points");
    expect(text("es")).toContain("…y 12.335 más con puntos");
  });

  it("titles the board's final edit as final, and says the week is over, in each language", () => {
    const final = (language: "en" | "es") => renderLiveBoard(translatorFor(language), { ...board, weekOver: true }).embeds[0];
    expect(final("en")?.title).toBe("🏆 Week 3 leaderboard · final");
    expect(final("en")?.description).toContain("Week 3 is over: these are its standings as they stood when this board was closed.");
    expect(final("es")?.title).toBe("🏆 Clasificación de la semana 3 · final");
    expect(final("es")?.description).toContain(
      "La semana 3 ha terminado: esta es su clasificación tal como estaba cuando este mensaje dejó de actualizarse.",
    );
  });

  it("titles a board whose week a start edit moved as moved, without standings, in each language", () => {
    const moved = (language: "en" | "es") => renderLiveBoard(translatorFor(language), { cohort, weekNumber: 3, setAside: true }).embeds[0];
    expect(moved("en")?.title).toBe("🏆 Week 3 leaderboard · moved");
    expect(moved("en")?.description).toContain("week 3 moved to new dates: this board is no longer kept up to date");
    expect(moved("en")?.description).not.toContain("Reader 1");
    expect(moved("es")?.title).toBe("🏆 Clasificación de la semana 3 · trasladada");
    expect(moved("es")?.description).toContain("esta clasificación ya no se actualiza");
  });

  it("counts the roster's groups in the language's digits", () => {
    const counts = { behind: 1_234, quiet: 0, not_yet: 0, on_track: 25_000, finished: 0 };
    const view = {
      cohort,
      filter: RosterFilter.All,
      page: 0,
      pageCount: 1_312,
      hasPrevious: false,
      hasNext: true,
      counts,
      members: [],
      cohortNames: [],
      timed: true,
    };
    expect(renderRoster(translatorFor("en"), view).embeds?.[0]?.description).toContain("🔴 Behind 1,234 ·");
    expect(renderRoster(translatorFor("en"), view).embeds?.[0]?.description).toContain("🟢 On track 25,000 ·");
    expect(renderRoster(translatorFor("es"), view).embeds?.[0]?.description).toContain("🟢 Al día 25.000 ·");
    expect(renderRoster(translatorFor("en"), view).embeds?.[0]?.footer?.text).toContain("of 1,312");
  });
});
