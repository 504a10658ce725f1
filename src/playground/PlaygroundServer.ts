import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { z } from "zod";
import { isLanguage, shippedLanguageOfLocale, defaultLanguage, type Language } from "../discord/i18n/languages.js";
import { translatorFor } from "../discord/i18n/Translator.js";
import { wordedLanguages } from "./pageWords.js";
import type { Logger } from "../logging/createLogger.js";
import {
  autocompleteRequest,
  clickRequest,
  clockRequest,
  commandRequest,
  languageRequest,
  PlaygroundRequestError,
  type PlaygroundActions,
} from "./PlaygroundActions.js";

/** The page's files; nothing else is served from disk. */
const staticFiles: Readonly<Record<string, { file: string; type: string }>> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/words.js": { file: "words.js", type: "text/javascript; charset=utf-8" },
  "/render.js": { file: "render.js", type: "text/javascript; charset=utf-8" },
  "/style.css": { file: "style.css", type: "text/css; charset=utf-8" },
  "/favicon.svg": { file: "favicon.svg", type: "image/svg+xml" },
};

const maxBodyBytes = 2 * 1024 * 1024;
const keepAliveMs = 15_000;

// Everything the page loads comes from this server; scripts and styles only from files, never inline.
const securityHeaders = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

export interface PlaygroundServer {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  /** Starts answering the API; until then it says the playground is starting. */
  serve(actions: PlaygroundActions): void;
  close(): Promise<void>;
}

/**
 * The playground's web server on 127.0.0.1: the page, a small JSON API for it
 * (and tests), and Server-Sent Events carrying the bot's messages live. It binds
 * its port first, so a port in use is reported before anything else starts.
 */
// Long only as a closure: its handlers, each short, share the server's state (port, readiness, open event streams).
export async function startPlaygroundServer(options: {
  readonly port: number;
  readonly staticDir: string;
  readonly logger: Logger;
}): Promise<PlaygroundServer> {
  const { logger } = options;
  const streams = new Set<ServerResponse>();
  let port = 0;
  let ready: PlaygroundActions | null = null;
  // The page's own words: there while the playground starts, so even "still starting" reads in the visitor's language.
  const words = { languages: wordedLanguages() };
  const actionsOrBusy = (): PlaygroundActions => {
    if (ready === null) throw new PlaygroundRequestError("playground.error.stillStarting", {}, 503);
    return ready;
  };

  const api = async (request: IncomingMessage, pathname: string): Promise<unknown> => {
    if (request.method === "GET" && pathname === "/api/words") return words;
    const actions = actionsOrBusy();
    if (request.method === "GET" && pathname === "/api/state") return actions.state();
    if (request.method !== "POST") throw new PlaygroundRequestError("playground.error.notFound", {}, 404);
    const body = await readJson(request);
    switch (pathname) {
      case "/api/command":
        return actions.runCommand(parse(commandRequest, body));
      case "/api/autocomplete":
        return { choices: await actions.autocomplete(parse(autocompleteRequest, body)) };
      case "/api/click":
        return actions.click(parse(clickRequest, body));
      case "/api/clock":
        return { clock: await actions.moveClock(parse(clockRequest, body)) };
      case "/api/language":
        await actions.setLanguage(parse(languageRequest, body));
        return {};
      default:
        throw new PlaygroundRequestError("playground.error.notFound", {}, 404);
    }
  };

  const openStream = (request: IncomingMessage, response: ServerResponse) => {
    const actions = ready;
    if (actions === null) {
      sendError(request, response, new PlaygroundRequestError("playground.error.stillStarting", {}, 503));
      return;
    }
    response.writeHead(200, { ...securityHeaders, "content-type": "text/event-stream; charset=utf-8", connection: "keep-alive" });
    response.write("retry: 1000\n\n");
    const unsubscribe = actions.subscribe((event) => response.write(`data: ${JSON.stringify(event)}\n\n`));
    const keepAlive = setInterval(() => response.write(": keep-alive\n\n"), keepAliveMs);
    streams.add(response);
    request.on("close", () => {
      clearInterval(keepAlive);
      unsubscribe();
      streams.delete(response);
    });
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    // Only pages served from this address may drive the bot (no DNS rebinding, no cross-site posts).
    if (!isLocalHost(request.headers.host, port)) {
      sendError(request, response, new PlaygroundRequestError("playground.error.localOnly", {}, 403));
      return;
    }
    const pathname = new URL(request.url ?? "/", "http://playground.local").pathname;
    if (pathname === "/api/events" && request.method === "GET") {
      openStream(request, response);
      return;
    }
    if (pathname.startsWith("/api/")) {
      try {
        if (request.method === "POST" && !isJsonRequest(request)) throw new PlaygroundRequestError("playground.error.sendJson", {}, 415);
        sendJson(response, 200, await api(request, pathname));
        return;
      } catch (error) {
        if (error instanceof PlaygroundRequestError) {
          sendError(request, response, error);
          return;
        }
        logger.error({ err: error, path: pathname }, "playground request failed");
        sendError(request, response, new PlaygroundRequestError("playground.error.unexpected", {}, 500));
        return;
      }
    }
    const attachment = /^\/attachments\/(\d+)\/[^/]+$/.exec(pathname);
    if (attachment !== null && request.method === "GET") {
      const file = ready?.file(attachment[1] ?? "") ?? null;
      if (file === null) {
        sendError(request, response, new PlaygroundRequestError("playground.error.notFound", {}, 404));
        return;
      }
      // Anything but a picture is saved, never opened in the page's origin (as Discord's download link does).
      response.writeHead(200, {
        ...securityHeaders,
        "content-type": file.contentType,
        "content-length": file.data.length,
        "content-disposition": `${file.inline ? "inline" : "attachment"}; ${dispositionFilename(file.filename)}`,
      });
      response.end(file.data);
      return;
    }
    const entry = request.method === "GET" ? staticFiles[pathname] : undefined;
    if (entry === undefined) {
      sendError(request, response, new PlaygroundRequestError("playground.error.notFound", {}, 404));
      return;
    }
    const content = await readFile(path.join(options.staticDir, entry.file));
    response.writeHead(200, { ...securityHeaders, "content-type": entry.type, "content-length": content.length });
    response.end(content);
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error({ err: error }, "playground response failed");
      if (!response.headersSent) sendError(request, response, new PlaygroundRequestError("playground.error.unexpected", {}, 500));
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    serve(actions) {
      ready = actions;
    },
    async close() {
      for (const stream of streams) stream.end();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new PlaygroundRequestError("playground.error.invalid", {
      problem: issue === undefined ? "" : `${issue.path.join(".")} ${issue.message}`.trim(),
    });
  }
  return result.data;
}

/** A file name for content-disposition: an ASCII fallback and the exact name (RFC 6266, RFC 5987). */
function dispositionFilename(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (mark) => `%${mark.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

function isJsonRequest(request: IncomingMessage): boolean {
  return (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() === "application/json";
}

function isLocalHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) throw new PlaygroundRequestError("playground.error.tooLarge", {}, 413);
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    throw new PlaygroundRequestError("playground.error.jsonBody");
  }
}

/**
 * The language a request asks for first (`Accept-Language`): the page sends its viewer's Discord locale ("es-ES");
 * a browser's own "es" or "es-MX" counts too. English when none is shipped.
 */
export function languageOfRequest(acceptLanguage: string | undefined): Language {
  const tag = (acceptLanguage ?? "").split(",")[0]?.split(";")[0]?.trim() ?? "";
  const primary = tag.split("-")[0]?.toLowerCase() ?? "";
  return shippedLanguageOfLocale(tag) ?? (isLanguage(primary) ? primary : defaultLanguage);
}

/** A refusal worded in the language the request asks for. */
function sendError(request: IncomingMessage, response: ServerResponse, error: PlaygroundRequestError): void {
  const language = languageOfRequest(request.headers["accept-language"]);
  sendJson(response, error.status, { error: translatorFor(language).plain(error.key, error.paramsIn(language)) });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...securityHeaders,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}
