import type { SchemaEngine } from "@prisma/schema-engine-wasm";

export declare function loadSchemaEngine(): Promise<typeof SchemaEngine>;
