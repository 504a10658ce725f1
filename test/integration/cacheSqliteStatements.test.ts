import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { cacheSqliteStatements } from "../../src/db/cacheSqliteStatements.js";
import { makeTempDir } from "../helpers/tempDir.js";

/** The calls Prisma's better-sqlite3 adapter makes, on a connection that compiles each SQL text once. */
describe("cacheSqliteStatements", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  const open = () => {
    const temp = makeTempDir();
    const database = new Database(path.join(temp.dir, "cache.db"));
    database.defaultSafeIntegers(true);
    cleanups.push(() => {
      database.close();
      temp.cleanup();
    });
    const prepared: string[] = [];
    const original = database.prepare.bind(database);
    database.prepare = (sql: string) => {
      prepared.push(sql);
      return original(sql);
    };
    cacheSqliteStatements(database);
    return { database, prepared };
  };

  it("gives each use its own parameters, results and columns, compiling each text once", () => {
    const { database, prepared } = open();
    database.prepare("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)").run();
    const insert = "INSERT INTO t (id, name) VALUES (?, ?)";
    const select = "SELECT id, name FROM t WHERE id >= ? ORDER BY id";
    for (let id = 1; id <= 5; id += 1)
      expect(
        database
          .prepare(insert)
          .bind([id, `n${id}`])
          .run().changes,
      ).toBe(1);
    const reader = database.prepare(select).bind([4]);
    expect(reader.reader).toBe(true);
    expect(reader.columns().map((column) => column.name)).toEqual(["id", "name"]);
    expect(reader.raw().all()).toEqual([
      [4n, "n4"],
      [5n, "n5"],
    ]);
    expect(database.prepare(select).bind([2]).raw().all()).toHaveLength(4);
    expect(database.prepare(insert).bind([6, "n6"]).reader).toBe(false);
    expect(prepared.filter((sql) => sql === insert)).toHaveLength(1);
    expect(prepared.filter((sql) => sql === select)).toHaveLength(1);
  });

  it("runs transactions as the adapter does (BEGIN, statements, COMMIT or ROLLBACK as statements)", () => {
    const { database } = open();
    database.prepare("CREATE TABLE t (id INTEGER PRIMARY KEY)").run();
    database.prepare("BEGIN").run();
    database.prepare("INSERT INTO t (id) VALUES (?)").bind([1]).run();
    database.prepare("ROLLBACK").run();
    database.prepare("BEGIN").run();
    database.prepare("INSERT INTO t (id) VALUES (?)").bind([2]).run();
    database.prepare("COMMIT").run();
    expect(database.prepare("SELECT id FROM t").bind([]).raw().all()).toEqual([[2n]]);
  });

  it("stays right past its bound (the least recently used statements are compiled again)", () => {
    const { database, prepared } = open();
    for (let round = 0; round < 2; round += 1) {
      for (let value = 0; value < 700; value += 1) {
        expect(database.prepare(`SELECT ${value} + ? AS v`).bind([1n]).raw().all()).toEqual([[BigInt(value + 1)]]);
      }
    }
    expect(prepared.length).toBe(1_400);
    database.prepare("SELECT 1 + ? AS v").bind([1n]).raw().all();
    database.prepare("SELECT 1 + ? AS v").bind([1n]).raw().all();
    expect(prepared.length).toBe(1_401);
  });
});
