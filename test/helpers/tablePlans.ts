import { expect } from "vitest";
import type { TestDatabaseHandle } from "./openTestDatabase.js";

/** A statement as StatementCounter.duringWithParameters recorded it. */
export interface RecordedStatement {
  readonly sql: string;
  readonly parameters: unknown[];
}

/** The statements among `statements` that read or write `table` (as Prisma names it: schema-qualified, quoted). */
export function statementsOn<Statement extends RecordedStatement>(statements: readonly Statement[], table: string): Statement[] {
  const on = new RegExp(`(FROM|UPDATE) [\`"]\\w+[\`"]\\.[\`"]${table}[\`"]`);
  return statements.filter((statement) => on.test(statement.sql));
}

/** The steps of SQLite's plan for `statement` that read `table` (EXPLAIN QUERY PLAN); at least one. */
export async function sqliteStepsOn(handle: TestDatabaseHandle, statement: RecordedStatement, table: string): Promise<string[]> {
  const plan = await handle.prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${statement.sql}`, ...statement.parameters);
  const steps = plan.map((row) => row.detail).filter((detail) => new RegExp(`\\b${table}\\b`).test(detail));
  expect(steps.length).toBeGreaterThan(0);
  return steps;
}

/** PostgreSQL's plan for `statement` (EXPLAIN, FORMAT JSON) as one string, checked not to read the whole of `table`. */
export async function postgresPlanOn(handle: TestDatabaseHandle, statement: RecordedStatement, table: string): Promise<string> {
  const plan = JSON.stringify(
    await handle.prisma.$queryRawUnsafe<unknown[]>(`EXPLAIN (FORMAT JSON) ${statement.sql}`, ...statement.parameters),
  );
  expect(plan).not.toMatch(new RegExp(`"Node Type":"Seq Scan"[^}]*"Relation Name":"${table}"`));
  return plan;
}
