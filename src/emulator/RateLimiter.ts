import { createHash } from "node:crypto";
import type { RestResponse } from "./RestRouter.js";

/** Discord-like rate limits; both are off unless set, so tests that do not ask for them never see a 429. */
export interface RateLimitOptions {
  /** Requests per second for the whole bot (Discord: 50). Interaction callbacks and webhook follow-ups do not count, as on Discord. */
  globalPerSecond?: number | undefined;
  /** Each route per major parameter (channel, guild, webhook): at most `limit` requests per `windowMs` (Discord: 5 per 5 s to post in a channel). */
  perRoute?: { readonly limit: number; readonly windowMs: number } | undefined;
}

interface Window {
  limit: number;
  remaining: number;
  resetAt: number;
}

export interface RateLimitRequest {
  method: string;
  route: string;
  params: Readonly<Record<string, string>>;
}

/** Either the request may go on (with the bucket's headers for its response) or it gets this 429. */
export type RateLimitVerdict = { readonly limited: RestResponse } | { readonly headers: Record<string, string> };

const seconds = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(3);

/**
 * Counts requests like Discord's rate limiter, in real time (discord.js waits
 * real time for a reset): a global budget per second, and a bucket per route
 * and major parameter. A request over a limit gets a 429 with `retry_after`,
 * the `global` flag and the `X-RateLimit-*` headers; every counted request gets
 * its bucket's Limit, Remaining, Reset, Reset-After and Bucket headers.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  /** Major parameter → the retry_after (ms) its held routes answer with. */
  private readonly holds = new Map<string, number>();
  private global: Window | null = null;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Every route of one major parameter (a channel id, a guild id) answers 429
   * with this `retry_after` until released, as when Discord limits a busy
   * channel for a while.
   */
  hold(majorParameter: string, retryAfterMs: number): void {
    this.holds.set(majorParameter, retryAfterMs);
  }

  release(majorParameter: string): void {
    this.holds.delete(majorParameter);
  }

  check(request: RateLimitRequest): RateLimitVerdict {
    const now = this.now();
    const globalWindow = this.globalWindow(request.route, now);
    if (globalWindow !== null && globalWindow.remaining <= 0) return { limited: globalLimited(globalWindow.resetAt - now) };
    const major = majorParameter(request.params);
    const heldFor = this.holds.get(major);
    const bucket = this.bucketWindow(request, major, now);
    if (heldFor === undefined && bucket === null) {
      if (globalWindow !== null) globalWindow.remaining -= 1;
      return { headers: {} };
    }
    const bucketId = bucketHash(request);
    if (heldFor !== undefined)
      return { limited: bucketLimited(bucketId, { limit: bucket?.limit ?? 1, remaining: 0, resetAt: now + heldFor }, now) };
    if (bucket !== null && bucket.remaining <= 0) return { limited: bucketLimited(bucketId, bucket, now) };
    if (globalWindow !== null) globalWindow.remaining -= 1;
    if (bucket === null) return { headers: {} };
    bucket.remaining -= 1;
    return { headers: bucketHeaders(bucketId, bucket, now) };
  }

  private globalWindow(route: string, now: number): Window | null {
    const perSecond = this.options.globalPerSecond;
    if (perSecond === undefined || route.startsWith("/interactions/") || route.startsWith("/webhooks/")) return null;
    if (this.global === null || this.global.resetAt <= now) this.global = { limit: perSecond, remaining: perSecond, resetAt: now + 1000 };
    return this.global;
  }

  private bucketWindow(request: RateLimitRequest, major: string, now: number): Window | null {
    const perRoute = this.options.perRoute;
    if (perRoute === undefined) return null;
    const key = `${request.method} ${request.route} ${major}`;
    let window = this.windows.get(key);
    if (window === undefined || window.resetAt <= now) {
      window = { limit: perRoute.limit, remaining: perRoute.limit, resetAt: now + perRoute.windowMs };
      this.windows.set(key, window);
    }
    return window;
  }
}

/** Discord's major parameters: a route's limits are kept apart per channel, guild or webhook. */
function majorParameter(params: Readonly<Record<string, string>>): string {
  return params.channelId ?? params.guildId ?? (params.token === undefined ? "" : `${params.applicationId ?? ""}/${params.token}`);
}

function bucketHash(request: RateLimitRequest): string {
  return createHash("sha1").update(`${request.method} ${request.route}`).digest("hex").slice(0, 16);
}

function bucketHeaders(bucket: string, window: Window, now: number): Record<string, string> {
  return {
    "x-ratelimit-limit": String(window.limit),
    "x-ratelimit-remaining": String(Math.max(0, window.remaining)),
    "x-ratelimit-reset": seconds(window.resetAt),
    "x-ratelimit-reset-after": seconds(window.resetAt - now),
    "x-ratelimit-bucket": bucket,
  };
}

function bucketLimited(bucket: string, window: Window, now: number): RestResponse {
  const retryAfter = seconds(window.resetAt - now);
  return {
    status: 429,
    body: { message: "You are being rate limited.", retry_after: Number(retryAfter), global: false },
    headers: { ...bucketHeaders(bucket, { ...window, remaining: 0 }, now), "retry-after": retryAfter, "x-ratelimit-scope": "user" },
  };
}

function globalLimited(retryAfterMs: number): RestResponse {
  const retryAfter = seconds(retryAfterMs);
  return {
    status: 429,
    body: { message: "You are being rate limited.", retry_after: Number(retryAfter), global: true },
    headers: { "retry-after": retryAfter, "x-ratelimit-global": "true", "x-ratelimit-scope": "global" },
  };
}
