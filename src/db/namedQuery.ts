import { createHash } from "node:crypto";
import pg from "pg";
import { Prisma } from "../generated/prisma/client.js";
import { WeightedLruCache } from "../shared/WeightedLruCache.js";
import { numberedPlaceholders } from "./SqlReader.js";

/** A value bound to a hand-written statement on PostgreSQL. */
export type PostgresParam = string | number | boolean | Date | null;

/** Distinct statement texts kept translated: the interaction path sends a few dozen shapes. */
const maxCachedTexts = 128;

interface NamedText {
  readonly name: string;
  readonly text: string;
}

const translated = new WeightedLruCache<string, NamedText>(maxCachedTexts);

/** PostgreSQL type ids whose text form Prisma's raw queries turn into something else than pg's default does. */
const int8Oid = 20;
const numericOid = 1700;
const timestampOid = 1114;
const timestamptzOid = 1184;
const dateOid = 1082;

/**
 * Rows as Prisma's raw queries return them on PostgreSQL, so a repository reads one shape whichever
 * runs the statement: BIGINT as bigint (pg: string), NUMERIC as Prisma's Decimal (pg: string),
 * TIMESTAMP (the schema's DateTime, stored in UTC) as a Date read as UTC (pg: local time), DATE as
 * UTC midnight (pg: local midnight).
 */
/** pg's own text parsers (its types are typed by an enum of the built-in ids). */
const defaultParser = pg.types.getTypeParser as (oid: number) => (value: string) => unknown;

export const prismaLikeTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number): ((value: string) => unknown) => {
    // pg asks for text results only (it never requests binary ones).
    if (oid === int8Oid) return (value) => BigInt(value);
    if (oid === numericOid) return (value) => new Prisma.Decimal(value);
    if (oid === timestampOid) return (value) => new Date(`${value.replace(" ", "T")}Z`);
    // pg's own parser reads every offset form the server writes ("+00", "+05:30"); a Date's parser does not.
    if (oid === timestamptzOid) return defaultParser(oid);
    if (oid === dateOid) return (value) => new Date(`${value}T00:00:00Z`);
    return defaultParser(oid);
  }) as pg.CustomTypesConfig["getTypeParser"],
};

/**
 * A hand-written statement (`?` placeholders) as a named pg query: pg parses and plans a named statement
 * once per connection and afterwards sends only its name and values, where an unnamed one (all Prisma
 * sends) is parsed and planned again on every call. The name is a hash of the text, so one text always
 * has one name on every connection. Dates go as UTC text: the schema's timestamps have no zone.
 */
export function namedQuery(sql: string, params: readonly PostgresParam[]): pg.QueryConfig {
  let named = translated.get(sql);
  if (named === undefined) {
    const text = numberedPlaceholders(sql);
    named = { name: `h${createHash("sha1").update(text).digest("hex").slice(0, 20)}`, text };
    translated.set(sql, named);
  }
  return {
    name: named.name,
    text: named.text,
    values: params.map((value) => (value instanceof Date ? value.toISOString() : value)),
    types: prismaLikeTypes,
  };
}
