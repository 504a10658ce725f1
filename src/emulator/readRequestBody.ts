import type { IncomingMessage } from "node:http";
import { restErrors } from "./DiscordRestError.js";

export interface UploadedFile {
  /** The n of the `files[n]` form field; message bodies refer to it as `attachments[].id`. */
  index: string;
  filename: string;
  contentType: string | null;
  data: Buffer;
}

export interface RequestBody {
  json: unknown;
  files: UploadedFile[];
}

/** Discord refuses uploads above this size for bots in unboosted servers. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const MAX_BODY_BYTES = 4 * MAX_UPLOAD_BYTES;

/**
 * Reads a request body the way Discord accepts it: JSON, or multipart/form-data with the JSON
 * in a `payload_json` field (or as plain fields) and files in `files[n]` fields.
 */
export async function readRequestBody(request: IncomingMessage): Promise<RequestBody> {
  const raw = await readRaw(request);
  if (raw.length === 0) return { json: undefined, files: [] };
  const contentType = request.headers["content-type"] ?? "";
  if (contentType.startsWith("multipart/form-data")) return readMultipart(raw, contentType);
  try {
    return { json: JSON.parse(raw.toString("utf8")) as unknown, files: [] };
  } catch {
    throw restErrors.invalidJson();
  }
}

async function readRaw(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    total += buffer.length;
    if (total > MAX_BODY_BYTES) throw restErrors.entityTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function readMultipart(raw: Buffer, contentType: string): Promise<RequestBody> {
  // The fetch API's Request already implements a spec-compliant multipart parser.
  let form: FormData;
  try {
    form = await new Request("http://emulator.local/", {
      method: "POST",
      headers: { "content-type": contentType },
      body: raw,
    }).formData();
  } catch {
    throw restErrors.invalidJson();
  }
  const files: UploadedFile[] = [];
  let json: unknown;
  const plainFields: Record<string, unknown> = {};
  for (const [name, value] of form) {
    if (typeof value === "string") {
      if (name === "payload_json") {
        try {
          json = JSON.parse(value) as unknown;
        } catch {
          throw restErrors.invalidJson();
        }
      } else {
        plainFields[name] = value;
      }
      continue;
    }
    const data = Buffer.from(await value.arrayBuffer());
    if (data.length > MAX_UPLOAD_BYTES) throw restErrors.entityTooLarge();
    const index = /^files\[(\d+)\]$/.exec(name)?.[1] ?? /^file(\d*)$/.exec(name)?.[1] ?? String(files.length);
    files.push({ index: index === "" ? "0" : index, filename: value.name, contentType: value.type || null, data });
  }
  return { json: json ?? (Object.keys(plainFields).length > 0 ? plainFields : undefined), files };
}
