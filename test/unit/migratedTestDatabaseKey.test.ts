import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { MigrationFile } from "../../src/db/migrateDatabase.js";
import { templateKey } from "../helpers/migratedTestDatabase.js";

function migration(name: string, sql: string): MigrationFile {
  return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
}

// A test database copied from a template built by other migrations, or by another runner, would test a schema the bot never builds.
describe("the migrated template's name", () => {
  const first = migration("20260101000000_init", "CREATE TABLE a (id INTEGER);");
  const migrations = [first, migration("20260102000000_b", "CREATE TABLE b (id INTEGER);")];

  it("is the same for the same migrations and runner", () => {
    expect(templateKey(migrations, "runner")).toBe(templateKey([...migrations], "runner"));
  });

  it("changes when a migration is added, renamed or edited", () => {
    const key = templateKey(migrations, "runner");
    expect(templateKey([...migrations, migration("20260103000000_c", "SELECT 1;")], "runner")).not.toBe(key);
    expect(templateKey([first, migration("20260102000000_renamed", "CREATE TABLE b (id INTEGER);")], "runner")).not.toBe(key);
    expect(templateKey([first, migration("20260102000000_b", "CREATE TABLE b (id TEXT);")], "runner")).not.toBe(key);
  });

  it("changes when the migration runner changes", () => {
    expect(templateKey(migrations, "runner, edited")).not.toBe(templateKey(migrations, "runner"));
  });
});
