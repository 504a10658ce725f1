import type pg from "pg";
import { namedQuery } from "./namedQuery.js";
import type { SqlReader, SqlValue } from "./SqlReader.js";

/**
 * The interaction path's hand-written reads (/today's and /done's look-ups, the boards' standing and
 * tops) on PostgreSQL, sent through pg on the pool Prisma's adapter uses, without Prisma: each as a
 * named statement (namedQuery), parsed and planned once per connection instead of on every call, and
 * without Prisma's per-query work on the main thread (issue 14). Rows come back in the shapes Prisma's
 * raw queries return (namedQuery's type parsers), so the repositories read one shape whichever reader.
 */
export class PostgresHotReader implements SqlReader {
  constructor(private readonly pool: pg.Pool) {}

  async read(sql: string, params: readonly SqlValue[]): Promise<Record<string, unknown>[]> {
    const result = await this.pool.query<Record<string, unknown>>(namedQuery(sql, params));
    return result.rows;
  }
}
