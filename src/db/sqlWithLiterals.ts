import pg from "pg";
import type { PostgresParam } from "./namedQuery.js";

/**
 * A hand-written statement (`?` placeholders) with its values written into the text, for PostgreSQL's
 * simple query protocol, which binds no parameters. Each value is the text pg sends for it as a
 * parameter (dates as UTC text, booleans as true/false), as a quoted literal: an untyped literal, whose
 * type the server takes from where it stands, as it does an untyped parameter's. Null is NULL. The SQL
 * must hold no `?` but its placeholders (as numberedPlaceholders assumes).
 */
export function sqlWithLiterals(sql: string, params: readonly PostgresParam[]): string {
  const parts = sql.split("?");
  if (parts.length - 1 !== params.length) throw new Error(`${parts.length - 1} placeholders for ${params.length} values`);
  let text = parts[0] ?? "";
  params.forEach((value, index) => {
    text += literalOf(value) + (parts[index + 1] ?? "");
  });
  return text;
}

function literalOf(value: PostgresParam): string {
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
