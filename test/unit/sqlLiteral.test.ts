import { describe, expect, it } from "vitest";
import { sqlLiteral } from "../../src/db/sqlLiteral.js";

/** PostgreSQL's transaction runner writes values into the statements it sends: they must arrive as the text pg would have bound. */
describe("sqlLiteral", () => {
  it("writes each value as a quoted literal of the text pg sends for it as a parameter", () => {
    const values = [42, -1.5, "2027-01-05", new Date("2027-01-05T09:00:00.125Z"), true, false];
    expect(values.map(sqlLiteral)).toEqual(["'42'", "'-1.5'", "'2027-01-05'", "'2027-01-05T09:00:00.125Z'", "'true'", "'false'"]);
  });

  it("writes null as NULL, unquoted", () => {
    expect(sqlLiteral(null)).toBe("NULL");
  });

  it("keeps hostile strings inside their literal: quotes doubled, backslashes escaped, placeholders and semicolons inert", () => {
    expect(sqlLiteral(`x'); DROP TABLE "Member"; -- ? \\' \\`)).toBe(` E'x''); DROP TABLE "Member"; -- ? \\\\'' \\\\'`);
    expect(sqlLiteral("it's")).toBe(`'it''s'`);
  });

  it("refuses values no parameter could carry: numbers that are not finite, NUL characters, invalid dates", () => {
    expect(() => sqlLiteral(Number.NaN)).toThrow("not a finite number");
    expect(() => sqlLiteral(Number.POSITIVE_INFINITY)).toThrow("not a finite number");
    expect(() => sqlLiteral("a\0b")).toThrow("NUL");
    expect(() => sqlLiteral(new Date(Number.NaN))).toThrow(RangeError);
  });
});
