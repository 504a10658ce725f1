import type pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { openTestDatabase, type TestDatabaseHandle } from "./openTestDatabase.js";
import { openOtherSession } from "./postgresSessions.js";

/** The suite's test database and another session on it (openOtherSession), as another process would hold one. */
export interface DatabaseWithOtherSession {
  readonly handle: TestDatabaseHandle;
  readonly other: pg.Client;
}

/**
 * Called in a `describe` (PostgreSQL only): opens the test database and another session on it before the
 * suite's tests, and ends the session and drops the database after them. Read `handle` and `other` in tests.
 */
export function withOtherSession(): DatabaseWithOtherSession {
  let opened: DatabaseWithOtherSession | null = null;
  beforeAll(async () => {
    const handle = await openTestDatabase();
    try {
      opened = { handle, other: await openOtherSession(handle) };
    } catch (error) {
      await handle.closeAndDrop();
      throw error;
    }
  });
  afterAll(async () => {
    await opened?.other.end();
    await opened?.handle.closeAndDrop();
  });
  const current = (): DatabaseWithOtherSession => {
    if (opened === null) throw new Error("withOtherSession: read handle and other in tests, after its beforeAll");
    return opened;
  };
  return {
    get handle() {
      return current().handle;
    },
    get other() {
      return current().other;
    },
  };
}
