import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeTextFile, downloadTextAttachment, isTextLikeContentType } from "../../src/discord/downloadTextAttachment.js";
import { isUserError, UserError } from "../../src/errors.js";
import { renderUserError } from "../../src/discord/i18n/renderUserError.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";

describe("decodeTextFile", () => {
  it("reads UTF-8 with or without a byte-order mark", () => {
    expect(decodeTextFile(new TextEncoder().encode("Week 1: Café — ok"))).toBe("Week 1: Café — ok");
    expect(decodeTextFile(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x42]))).toBe("AB");
  });

  it("reads UTF-16 files that start with a byte-order mark", () => {
    expect(decodeTextFile(new Uint8Array([0xff, 0xfe, 0x57, 0x00, 0x65, 0x00]))).toBe("We");
    expect(decodeTextFile(new Uint8Array([0xfe, 0xff, 0x00, 0x57, 0x00, 0x65]))).toBe("We");
  });

  it("falls back to Windows-1252 for text that is not UTF-8", () => {
    // "Caf\xe9 \x96 ok": é and an en dash in Windows-1252.
    expect(decodeTextFile(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x6f, 0x6b]))).toBe("Café – ok");
  });

  it("refuses binary data", () => {
    expect(decodeTextFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toBeNull();
    expect(decodeTextFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBeNull();
  });

  it("keeps a stray control character in text, for the parser to name its line, but refuses a file full of them", () => {
    const text = `Week 1: Basics\n- [ ] Required -- Beta \u001b[1mReading (20 min)\n${"plain words ".repeat(20)}`;
    expect(decodeTextFile(new TextEncoder().encode(text))).toBe(text);
    expect(decodeTextFile(new TextEncoder().encode(`a\u0001b\u0002c\u0003d`.repeat(6)))).toBeNull();
    expect(decodeTextFile(new TextEncoder().encode(`${"word ".repeat(100)}\u0000`))).toBeNull();
  });

  it("keeps a short file with one word coloured in a terminal (two escape codes) as text, but not one with a NUL", () => {
    const text = "Short Path\nWeek 1: Basics\n- [ ] Required -- \u001b[31mRed\u001b[0m Reading (20 min)\n";
    expect(text.length).toBeLessThan(200);
    expect(decodeTextFile(new TextEncoder().encode(text))).toBe(text);
    expect(decodeTextFile(new TextEncoder().encode(`${text}\u0000`))).toBeNull();
  });

  it("keeps tabs and Windows line ends", () => {
    expect(decodeTextFile(new TextEncoder().encode("a\tb\r\nc"))).toBe("a\tb\r\nc");
  });
});

describe("isTextLikeContentType", () => {
  it("accepts text and unknown types, refuses images, PDFs and archives", () => {
    expect(isTextLikeContentType("text/markdown; charset=utf-8")).toBe(true);
    expect(isTextLikeContentType("text/plain")).toBe(true);
    expect(isTextLikeContentType(null)).toBe(true);
    expect(isTextLikeContentType("application/octet-stream")).toBe(true);
    expect(isTextLikeContentType("image/png")).toBe(false);
    expect(isTextLikeContentType("application/pdf")).toBe(false);
    expect(isTextLikeContentType("application/zip")).toBe(false);
  });
});

describe("downloadTextAttachment", () => {
  let server: Server;
  let base = "";
  const big = "x".repeat(50_000);

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === "/ok") {
        response.writeHead(200, { "content-type": "text/plain" });
        response.end("Week 1: Basics\n");
      } else if (request.url === "/big-chunked") {
        // No content-length: only counting the bytes shows the size.
        response.writeHead(200, { "content-type": "text/plain" });
        response.write(big);
        response.end(big);
      } else if (request.url === "/big-declared") {
        response.writeHead(200, { "content-type": "text/plain", "content-length": String(big.length) });
        response.end(big);
      } else if (request.url === "/binary") {
        response.writeHead(200, { "content-type": "text/plain" });
        response.end(Buffer.from([0, 1, 2, 3, 0xff]));
      } else if (request.url === "/slow") {
        // Never answers; the download must give up.
      } else {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  // A download that works must never be cut short by a busy machine: only the hanging one gets a short timeout.
  const limits = { maxBytes: 10_000, timeoutMs: 60_000 };
  /** Refusals carry a code; assert on the English a member reads. */
  const download = (path: string, size = 10, contentType: string | null = "text/plain", timeoutMs = limits.timeoutMs) =>
    downloadTextAttachment({ url: `${base}${path}`, size, contentType }, { ...limits, timeoutMs }).catch((error: unknown) => {
      if (isUserError(error)) error.message = renderUserError(translatorFor("en"), error);
      throw error;
    });

  it("returns the file's text", async () => {
    await expect(download("/ok")).resolves.toBe("Week 1: Basics\n");
  });

  it("refuses a file declared too large without downloading it", async () => {
    await expect(download("/nowhere", 10_001)).rejects.toThrow(/too large.*9 KB/);
  });

  it("refuses a file that turns out larger than declared", async () => {
    await expect(download("/big-chunked")).rejects.toThrow(UserError);
    await expect(download("/big-chunked")).rejects.toThrow(/too large/);
    await expect(download("/big-declared")).rejects.toThrow(/too large/);
  });

  it("refuses non-text content, declared or found", async () => {
    await expect(download("/ok", 10, "image/png")).rejects.toThrow(/isn't a text file/);
    await expect(download("/binary")).rejects.toThrow(/isn't a text file/);
  });

  it("gives up on missing or hanging downloads with a message the user can act on", async () => {
    await expect(download("/missing")).rejects.toThrow(/couldn't download/);
    await expect(download("/slow", 10, "text/plain", 300)).rejects.toThrow(/couldn't download/);
  });
});
