import { describe, expect, it } from "vitest";
import { sqlWithLiterals } from "../../src/db/sqlWithLiterals.js";

/** PostgreSQL's transaction runner sends values written into the statement: they must arrive as the text pg would have bound. */
describe("sqlWithLiterals", () => {
  it("writes each value as a quoted literal of the text pg sends for it as a parameter", () => {
    const sql = `INSERT INTO "T" ("a", "b", "c", "d", "e", "f") VALUES (?, ?, ?, ?, ?, ?)`;
    const at = new Date("2027-01-05T09:00:00.125Z");
    expect(sqlWithLiterals(sql, [42, -1.5, "2027-01-05", at, true, false])).toBe(
      `INSERT INTO "T" ("a", "b", "c", "d", "e", "f") VALUES ('42', '-1.5', '2027-01-05', '2027-01-05T09:00:00.125Z', 'true', 'false')`,
    );
  });

  it("writes null as NULL, unquoted", () => {
    expect(sqlWithLiterals(`UPDATE "T" SET "a" = ? WHERE "id" = ?`, [null, 7])).toBe(`UPDATE "T" SET "a" = NULL WHERE "id" = '7'`);
  });

  it("keeps hostile strings inside their literal: quotes doubled, backslashes escaped, placeholders and semicolons inert", () => {
    const hostile = `x'); DROP TABLE "Member"; -- ? \\' \\`;
    const text = sqlWithLiterals(`SELECT ? AS "a", ? AS "b"`, [hostile, "it's"]);
    expect(text).toBe(`SELECT  E'x''); DROP TABLE "Member"; -- ? \\\\'' \\\\' AS "a", 'it''s' AS "b"`);
  });

  it("refuses a placeholder count that differs from the values", () => {
    expect(() => sqlWithLiterals(`SELECT ?, ?`, [1])).toThrow("2 placeholders for 1 values");
    expect(() => sqlWithLiterals(`SELECT ?`, [1, 2])).toThrow("1 placeholders for 2 values");
    expect(sqlWithLiterals(`SELECT 1`, [])).toBe(`SELECT 1`);
  });

  it("refuses values no parameter could carry: numbers that are not finite, NUL characters, invalid dates", () => {
    expect(() => sqlWithLiterals(`SELECT ?`, [Number.NaN])).toThrow("not a finite number");
    expect(() => sqlWithLiterals(`SELECT ?`, [Number.POSITIVE_INFINITY])).toThrow("not a finite number");
    expect(() => sqlWithLiterals(`SELECT ?`, ["a\0b"])).toThrow("NUL");
    expect(() => sqlWithLiterals(`SELECT ?`, [new Date(Number.NaN)])).toThrow(RangeError);
  });
});
