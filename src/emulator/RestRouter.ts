import type { IncomingMessage } from "node:http";
import type { DiscordErrorBody } from "./DiscordRestError.js";
import { DiscordRestError, restErrors } from "./DiscordRestError.js";
import type { RateLimiter } from "./RateLimiter.js";
import type { RequestBody } from "./readRequestBody.js";
import { readRequestBody } from "./readRequestBody.js";

export interface RestRequest {
  method: string;
  /** The path below `/api/v10`, e.g. `/channels/123/messages`. */
  path: string;
  /** The matched route template, e.g. `/channels/:channelId/messages`. */
  route: string;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** Reads (once) the JSON or multipart body. */
  body(): Promise<RequestBody>;
}

export interface RestResponse {
  status: number;
  /** JSON body; left out for 204. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestRoute {
  method: string;
  template: string;
  /** Routes used with an interaction/webhook token need no bot token, as on Discord. */
  auth: "bot" | "none";
  handle(request: RestRequest): Promise<RestResponse> | RestResponse;
}

/** A request as seen by `failNext` matchers and the request log. */
export interface RestRequestSummary {
  method: string;
  path: string;
  route: string | null;
}

export type RouteMatcher = string | RegExp | ((request: RestRequestSummary) => boolean);

export interface RequestLogEntry extends RestRequestSummary {
  status: number;
  at: number;
  /** Failed on purpose by `failNext`. */
  injected: boolean;
}

export interface FaultOptions {
  /** JSON body to send instead of Discord's generic one for the status. */
  body?: DiscordErrorBody | undefined;
  /** For 429: the Retry-After in seconds (default 0.05 so clients retry quickly). */
  retryAfterSeconds?: number | undefined;
  /** The request is carried out first (a message is stored), then answered with the fault: the answer was lost. */
  afterHandling?: boolean | undefined;
}

interface Fault {
  matcher: RouteMatcher;
  status: number;
  remaining: number;
  options: FaultOptions;
}

/** The response to the next request matching `matcher` waits until released: still "on the wire". */
interface Hold {
  matcher: RouteMatcher;
  arrived: () => void;
  released: Promise<void>;
}

/** What `holdNext` gives the test: when the held request came in, and the release. */
export interface HeldRequest {
  readonly arrived: Promise<void>;
  release(): void;
}

interface CompiledRoute {
  route: RestRoute;
  segments: string[];
  literalCount: number;
}

const MAX_LOG_ENTRIES = 5000;

/**
 * Matches `/api/v10/...` requests against route templates, checks the bot token, applies injected
 * faults, turns thrown DiscordRestErrors into Discord's JSON errors and records every request.
 */
export class RestRouter {
  private readonly routes: CompiledRoute[] = [];
  private readonly faults: Fault[] = [];
  private readonly holds: Hold[] = [];
  private readonly log: RequestLogEntry[] = [];

  constructor(
    private readonly options: {
      token: string;
      onUnknownRoute: (summary: RestRequestSummary) => void;
      onHandlerError: (error: unknown, summary: RestRequestSummary) => void;
      onRequest: (entry: RequestLogEntry) => void;
      /** Discord-like rate limits; none when left out. */
      rateLimiter?: RateLimiter | undefined;
    },
  ) {}

  add(routes: readonly RestRoute[]): void {
    for (const route of routes) {
      const segments = splitPath(route.template);
      this.routes.push({ route, segments, literalCount: segments.filter((s) => !s.startsWith(":")).length });
    }
    // Prefer the most specific template, so `/users/@me` wins over `/users/:userId`.
    this.routes.sort((a, b) => b.literalCount - a.literalCount);
  }

  failNext(matcher: RouteMatcher, status: number, times: number, options: FaultOptions): void {
    this.faults.push({ matcher, status, remaining: times, options });
  }

  holdNext(matcher: RouteMatcher): HeldRequest {
    let arrived = (): void => undefined;
    let release = (): void => undefined;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.push({ matcher, arrived, released });
    return { arrived: arrival, release };
  }

  requestLog(): RequestLogEntry[] {
    return this.log.map((entry) => ({ ...entry }));
  }

  clearRequestLog(): void {
    this.log.length = 0;
  }

  async handle(request: IncomingMessage, path: string, query: URLSearchParams): Promise<RestResponse> {
    const method = (request.method ?? "GET").toUpperCase();
    const segments = splitPath(path);
    const pathMatches = this.routes.filter((candidate) => matchSegments(candidate.segments, segments) !== null);
    const match = pathMatches.find((candidate) => candidate.route.method === method);
    const summary: RestRequestSummary = { method, path, route: match?.route.template ?? null };
    const hold = this.holds.find((candidate) => matches(candidate.matcher, summary));
    if (hold !== undefined) this.holds.splice(this.holds.indexOf(hold), 1);

    const response = await this.respond(request, match, pathMatches.length > 0, segments, summary, query);
    if (hold !== undefined) {
      hold.arrived();
      // Answered from the state on arrival, delivered late: what Discord said may be out of date by then.
      await hold.released;
    }
    const entry: RequestLogEntry = { ...summary, status: response.status, at: Date.now(), injected: response.injected };
    this.log.push(entry);
    if (this.log.length > MAX_LOG_ENTRIES) this.log.shift();
    this.options.onRequest(entry);
    return response;
  }

  private async respond(
    request: IncomingMessage,
    match: CompiledRoute | undefined,
    pathKnown: boolean,
    segments: string[],
    summary: RestRequestSummary,
    query: URLSearchParams,
  ): Promise<RestResponse & { injected: boolean }> {
    // A fault after handling is used up only by a request the route carried out (not one refused or rate-limited).
    const fault = this.findFault(summary);
    if (fault && fault.options.afterHandling !== true) {
      this.useFault(fault);
      return { ...faultResponse(fault), injected: true };
    }
    if (!match) {
      // Drain the body so keep-alive connections stay usable.
      request.resume();
      if (pathKnown) {
        return { status: 405, body: { message: "405: Method Not Allowed", code: 0 }, injected: false };
      }
      this.options.onUnknownRoute(summary);
      return { ...errorResponse(restErrors.notFound()), injected: false };
    }
    if (match.route.auth === "bot" && request.headers.authorization !== `Bot ${this.options.token}`) {
      request.resume();
      return { ...errorResponse(restErrors.unauthorized()), injected: false };
    }
    const params = matchSegments(match.segments, segments) ?? {};
    const verdict = this.options.rateLimiter?.check({ method: summary.method, route: match.route.template, params }) ?? { headers: {} };
    if ("limited" in verdict) {
      request.resume();
      return { ...verdict.limited, injected: false };
    }
    let bodyPromise: Promise<RequestBody> | undefined;
    const restRequest: RestRequest = {
      method: summary.method,
      path: summary.path,
      route: match.route.template,
      params,
      query,
      body: () => (bodyPromise ??= readRequestBody(request)),
    };
    try {
      const response = await match.route.handle(restRequest);
      if (fault && this.useFault(fault)) return { ...faultResponse(fault), injected: true };
      return { ...response, headers: { ...verdict.headers, ...response.headers }, injected: false };
    } catch (error) {
      if (error instanceof DiscordRestError) return { ...errorResponse(error), injected: false };
      this.options.onHandlerError(error, summary);
      return { status: 500, body: { message: "500: Internal Server Error", code: 0 }, injected: false };
    } finally {
      if (!bodyPromise) request.resume();
    }
  }

  private findFault(summary: RestRequestSummary): Fault | undefined {
    return this.faults.find((candidate) => candidate.remaining > 0 && matches(candidate.matcher, summary));
  }

  /** Counts one use of the fault; false when other requests used it up meanwhile (while this one was handled). */
  private useFault(fault: Fault): boolean {
    if (fault.remaining <= 0) return false;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return true;
  }
}

function errorResponse(error: DiscordRestError): RestResponse {
  return { status: error.status, body: error.body };
}

function faultResponse(fault: Fault): RestResponse {
  if (fault.status === 429) {
    const retryAfter = fault.options.retryAfterSeconds ?? 0.05;
    return {
      status: 429,
      body: fault.options.body ?? { message: "You are being rate limited.", retry_after: retryAfter, global: false, code: 0 },
      headers: { "retry-after": String(retryAfter), "x-ratelimit-scope": "user" },
    };
  }
  return {
    status: fault.status,
    body: fault.options.body ?? { message: `${fault.status}: ${statusText(fault.status)}`, code: 0 },
  };
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
  };
  return texts[status] ?? "Error";
}

/**
 * A string matcher is a route template (`POST /channels/:channelId/messages`) or a concrete path
 * (`POST /channels/123/messages`), with or without the method in front.
 */
function matches(matcher: RouteMatcher, summary: RestRequestSummary): boolean {
  if (typeof matcher === "function") return matcher(summary);
  const line = `${summary.method} ${summary.path}`;
  if (matcher instanceof RegExp) return matcher.test(line);
  const [first, second] = matcher.trim().split(/\s+/, 2);
  const method = second === undefined ? null : (first ?? "").toUpperCase();
  const target = second ?? first ?? "";
  if (method !== null && method !== summary.method) return false;
  return target === summary.path || target === summary.route;
}

function splitPath(path: string): string[] {
  return path.split("/").filter((segment) => segment !== "");
}

function matchSegments(template: string[], actual: string[]): Record<string, string> | null {
  if (template.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let index = 0; index < template.length; index += 1) {
    const expected = template[index] ?? "";
    const value = actual[index] ?? "";
    if (expected.startsWith(":")) {
      params[expected.slice(1)] = safeDecode(value);
    } else if (expected !== value) {
      return null;
    }
  }
  return params;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
