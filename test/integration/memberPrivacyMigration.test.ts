import { describe, expect, it } from "vitest";
import { openBeforeMigration } from "../helpers/openBeforeMigration.js";
import { testDatabaseProvider } from "../helpers/testDatabase.js";

/** The migration that makes a user's memberships in a server agree on their `/privacy` choices; the rows below are written just before it. */
const privacyMigration = "20261205171916_member_privacy_most_private";
const guildId = "500000000000000001";
const otherGuildId = "500000000000000011";

describe(`a ${testDatabaseProvider} database whose members' memberships in a server disagree on their /privacy choices`, () => {
  const schema = openBeforeMigration(privacyMigration);

  it("gives each of a user's memberships in the server the most private of their choices there, and changes nothing elsewhere", async () => {
    const old = await schema.open();
    // Only the columns before the migration, by hand: today's client writes columns later migrations add.
    const cohortRow = async (guild: string, name: string) => {
      const [curriculum] = await old.prisma.$queryRaw<{ id: number | bigint }[]>`
        INSERT INTO "Curriculum" ("scope", "slug", "title", "totalWeeks", "sourceHash", "updatedAt")
        VALUES (${guild}, ${name.toLowerCase()}, ${name}, 1, ${name}, ${new Date("2027-01-01T00:00:00Z")})
        RETURNING "id"`;
      if (curriculum === undefined) throw new Error("no curriculum row");
      const [row] = await old.prisma.$queryRaw<{ id: number | bigint }[]>`
        INSERT INTO "Cohort" ("guildId", "channelId", "name", "nameKey", "curriculumId", "startDate", "status", "updatedAt")
        VALUES (${guild}, '500000000000000002', ${name}, ${name.toLowerCase()}, ${Number(curriculum.id)}, '2027-01-04', 'active', ${new Date("2027-01-01T00:00:00Z")})
        RETURNING "id"`;
      if (row === undefined) throw new Error("no cohort row");
      return Number(row.id);
    };
    const memberRow = async (cohortId: number, userId: string, choices: { boardVisibility: string; nudges: boolean }, left = false) => {
      const [row] = await old.prisma.$queryRaw<{ id: number | bigint }[]>`
        INSERT INTO "Member" ("cohortId", "userId", "nudges", "boardVisibility", "leftAt")
        VALUES (${cohortId}, ${userId}, ${choices.nudges}, ${choices.boardVisibility}, ${left ? new Date("2027-01-10T00:00:00Z") : null})
        RETURNING "id"`;
      if (row === undefined) throw new Error("no member row");
      return Number(row.id);
    };
    const spring = await cohortRow(guildId, "Spring");
    const summer = await cohortRow(guildId, "Summer");
    const autumn = await cohortRow(guildId, "Autumn");
    const elsewhere = await cohortRow(otherGuildId, "Elsewhere");
    const ada = "500000000000000101";
    const bob = "500000000000000102";
    const cy = "500000000000000103";
    // Ada turned nudges off and chose an alias in Summer; Spring (and Autumn, left) kept the defaults.
    const adaSpring = await memberRow(spring, ada, { boardVisibility: "name", nudges: true });
    const adaSummer = await memberRow(summer, ada, { boardVisibility: "alias", nudges: false });
    const adaAutumn = await memberRow(autumn, ada, { boardVisibility: "name", nudges: true }, true);
    // Another server's membership is not hers in this one.
    const adaElsewhere = await memberRow(elsewhere, ada, { boardVisibility: "name", nudges: true });
    // Bob hid himself in a cohort he left: hidden everywhere in the server; his nudges stay on.
    const bobSpring = await memberRow(spring, bob, { boardVisibility: "alias", nudges: true });
    const bobSummer = await memberRow(summer, bob, { boardVisibility: "hidden", nudges: true }, true);
    const bobAutumn = await memberRow(autumn, bob, { boardVisibility: "name", nudges: true });
    // Cy's memberships agree already.
    const cySpring = await memberRow(spring, cy, { boardVisibility: "alias", nudges: false });
    const cySummer = await memberRow(summer, cy, { boardVisibility: "alias", nudges: false });

    const test = await schema.migrate();
    const rows = await test.app.database.prisma.member.findMany({
      orderBy: { id: "asc" },
      select: { id: true, boardVisibility: true, nudges: true },
    });
    expect(rows).toEqual([
      { id: adaSpring, boardVisibility: "alias", nudges: false },
      { id: adaSummer, boardVisibility: "alias", nudges: false },
      { id: adaAutumn, boardVisibility: "alias", nudges: false },
      { id: adaElsewhere, boardVisibility: "name", nudges: true },
      { id: bobSpring, boardVisibility: "hidden", nudges: true },
      { id: bobSummer, boardVisibility: "hidden", nudges: true },
      { id: bobAutumn, boardVisibility: "hidden", nudges: true },
      { id: cySpring, boardVisibility: "alias", nudges: false },
      { id: cySummer, boardVisibility: "alias", nudges: false },
    ]);
  }, 120_000);
});
