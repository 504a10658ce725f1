import pg from "pg";
import type { PostgresParam } from "./namedQuery.js";

/**
 * A value written into a statement's text, for PostgreSQL's simple query protocol, which binds no
 * parameters: the text pg sends for it as a parameter (dates as UTC text, booleans as true/false), as
 * a quoted literal, whose type the server takes from where it stands, as it does an untyped
 * parameter's. Null is NULL.
 */
export function sqlLiteral(value: PostgresParam): string {
  return value === null ? "NULL" : pg.escapeLiteral(parameterText(value));
}

function parameterText(value: Exclude<PostgresParam, null>): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  // The protocol ends the statement's text at a NUL; as a parameter the server refuses one too.
  if (value.includes("\0")) throw new Error("a NUL character in a statement's value");
  return value;
}
