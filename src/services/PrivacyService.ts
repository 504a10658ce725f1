import { AuditAction } from "../domain/audit/auditAction.js";
import { isDiscordId } from "../shared/discordId.js";
import type { BoardVisibility } from "../domain/privacy/boardPresentation.js";
import type { GuildPurge } from "../domain/privacy/guildPurge.js";
import { serverWideChoices } from "../domain/privacy/serverWideChoices.js";
import { shardOfGuild } from "../domain/privacy/shardOfGuild.js";
import { memberLocaleOf } from "../domain/cohort/languageCode.js";
import type { PrivacyRepository, PurgeBudget } from "../db/repositories/PrivacyRepository.js";
import { UserError } from "../errors.js";
import type { Logger } from "../logging/createLogger.js";
import type { AuditLog } from "./AuditLog.js";
import { discordAttachmentLimitBytes, maxExportBytes } from "./ExportService.js";
import { memberExportFile, type MemberExportFile } from "./memberExportFile.js";
import { OneAtATime } from "./OneAtATime.js";

export interface PrivacySettingsView {
  /** Memberships in this server (left ones included). */
  readonly cohorts: number;
  readonly boardVisibility: BoardVisibility;
  readonly nudges: boolean;
  /** Whether this request changed something. */
  readonly changed: boolean;
}

export interface PrivacyChange {
  readonly guildId: string;
  readonly userId: string;
  readonly boardVisibility: BoardVisibility | null;
  readonly nudges: boolean | null;
  readonly now: Date;
  /** The caller's Discord locale (`interaction.locale`): stored with a change, for their DMs' language. */
  readonly locale?: string | null;
}

/** A copy too large for Discord: said beside whatever else the request did (a saved setting, the delete question). */
export interface MemberExportTooLarge {
  readonly tooLargeMaxMb: number;
}

/**
 * The member's previous copy is still being made or sent, so none was started: said beside whatever else the
 * request did, as a copy too large is (the setting was saved, the delete question still asked).
 */
export interface MemberExportBusy {
  readonly alreadyRunning: true;
}

/** Why no copy comes with the reply. */
export type MemberExportRefusal = MemberExportTooLarge | MemberExportBusy;

export function isExportTooLarge(outcome: MemberExportFile | MemberExportRefusal): outcome is MemberExportTooLarge {
  return "tooLargeMaxMb" in outcome;
}

export function isExportRefused(outcome: MemberExportFile | MemberExportRefusal): outcome is MemberExportRefusal {
  return !("file" in outcome);
}

/** How many rows a deletion would erase or anonymise: memberships, and everything else naming the user. */
export interface StoredCounts {
  readonly memberships: number;
  readonly adminRows: number;
}

/** How many servers one purge pass deletes; the next tick takes the rest. */
const purgesPerTick = 5;

/**
 * How many slices of deletion (PrivacyRepository's PurgeSlices: 50 members, 10 cohorts or 1,000 audit lines
 * each) one purge pass takes, whatever the servers' sizes: a 10,000-member server is deleted over several
 * ticks, not in one that would hold up the scheduler's other work for seconds.
 */
export const defaultPurgeSlicesPerTick = 40;

/**
 * What members control about themselves (`/privacy`): how boards show them,
 * nudges, a copy of their data and its deletion; and deleting a server's
 * data after the bot left it.
 */
/** A member's copy, their turn held until `release` (once its upload is over, or it will not be sent). */
export interface HeldMemberExport extends MemberExportFile {
  readonly release: () => void;
}

export class PrivacyService {
  private readonly exporting = new OneAtATime();
  constructor(
    private readonly privacy: PrivacyRepository,
    private readonly logger: Logger,
    private readonly audit: AuditLog,
    private readonly purgeSlicesPerTick: number = defaultPurgeSlicesPerTick,
  ) {}

  /** Shows the settings, or changes them on every membership the caller has in the server. */
  async settings(change: PrivacyChange): Promise<PrivacySettingsView> {
    const wantsChange = change.boardVisibility !== null || change.nudges !== null;
    if (wantsChange) {
      const locale = memberLocaleOf(change.locale);
      const updated = await this.privacy.updateSettings(
        change.guildId,
        change.userId,
        {
          ...(change.boardVisibility === null ? {} : { boardVisibility: change.boardVisibility }),
          ...(change.nudges === null ? {} : { nudges: change.nudges }),
          ...(locale === null ? {} : { locale }),
        },
        change.now,
      );
      if (updated === 0) throw new UserError("privacy.notInServer");
    }
    const memberships = await this.privacy.memberships(change.guildId, change.userId);
    if (memberships.length === 0) throw new UserError("privacy.notInServer");
    return { cohorts: memberships.length, ...serverWideChoices(memberships), changed: wantsChange };
  }

  /**
   * `/privacy export:True`: the JSON file. Audit lines, reminder deliveries and completions grow without
   * limit, so the file is written as its rows are read, a page at a time, and a copy larger than Discord
   * accepts is refused (as `/cohort export` is) as soon as it would pass the limit, the rest left unread.
   */
  async export(guildId: string, userId: string, now: Date): Promise<HeldMemberExport | MemberExportRefusal> {
    // One copy per member and server at a time: each holds its file (up to 10 MB) until the upload.
    const release = this.exporting.take(`${guildId}:${userId}`, now);
    if (release === null) return { alreadyRunning: true };
    try {
      const exported = await memberExportFile(this.privacy, { guildId, userId, now }, maxExportBytes);
      if (exported !== null) return { ...exported, release };
    } catch (error) {
      release();
      throw error;
    }
    release();
    // The size the member reads is Discord's limit, not the margin kept under it.
    return { tooLargeMaxMb: discordAttachmentLimitBytes / (1024 * 1024) };
  }

  /**
   * What a deletion would erase (what the confirmation says): memberships, and the rows an admin who never
   * joined is still in: cohorts naming them as creator, audit lines, nudge claims and import previews.
   */
  async stored(guildId: string, userId: string): Promise<StoredCounts> {
    return {
      memberships: (await this.privacy.memberships(guildId, userId)).length,
      adminRows:
        (await this.privacy.cohortsCreated(guildId, userId)) +
        (await this.privacy.auditLines(guildId, userId)) +
        (await this.privacy.nudgesClaimed(guildId, userId)) +
        (await this.privacy.pendingImports(guildId, userId)),
    };
  }

  /** Erases the user's data in the server; `erased` is false when nothing referred to them any more (a second confirmation). */
  async deleteMember(guildId: string, userId: string, now: Date): Promise<{ memberships: number; erased: boolean }> {
    const { memberships, rows, cohortIds } = await this.privacy.deleteMember(guildId, userId, now);
    if (rows === 0) return { memberships, erased: false };
    const result = { memberships, erased: true };
    // One line in the trail of each cohort the user belonged to, created or is named in (not in the server's
    // other cohorts), carrying no user id and no name: only that someone there deleted their data, so a trail
    // whose names went blank says why. The log line below records every deletion.
    for (const cohortId of cohortIds) {
      await this.audit.record({ guildId, cohortId, actorId: "", action: AuditAction.PrivacyDelete });
    }
    this.logger.info({ guildId, memberships: result.memberships }, "member data deleted on request");
    return result;
  }

  /** The bot was removed from a server (not an outage): its data is deleted 30 days later unless it returns. */
  async guildLeft(guildId: string, now: Date): Promise<void> {
    await this.privacy.recordDeparture(guildId, now);
    this.logger.info({ guildId }, "bot removed from server: data scheduled for deletion");
  }

  /**
   * The bot is in these servers (joined again, or found at startup): their pending deletions are cancelled,
   * those of servers `isPresent` no longer has (removed again meanwhile) excepted.
   */
  async guildsPresent(guildIds: readonly string[], isPresent?: (guildId: string) => boolean): Promise<void> {
    const cancelled = await this.privacy.cancelDepartures(guildIds, isPresent);
    if (cancelled > 0) this.logger.info({ cancelled, guilds: guildIds.length }, "bot back in server: deletion cancelled");
  }

  /**
   * A shard's session began: Discord's READY listed `present`, every server of the shard the bot is in
   * (those in an outage too, as unavailable). A server with data here that belongs to the shard and is
   * not listed was removed while the bot was offline, when no GuildDelete could arrive: its departure
   * is recorded now, so the scheduler leaves it alone and its data goes 30 days later. Returns the
   * servers recorded.
   *
   * A READY listing none of the shard's servers with data, when that would record several, is taken
   * for a start with another application's token (its bot is in none of them), not for several
   * removals while offline: nothing is recorded, 30 days before everything would be deleted.
   * `isPresent`: as for guildsPresent.
   */
  async shardSessionStarted(
    shard: { id: number; count: number },
    present: readonly string[],
    now: Date,
    isPresent?: (guildId: string) => boolean,
  ): Promise<string[]> {
    await this.guildsPresent(present, isPresent);
    const listed = new Set(present);
    const known = (await this.privacy.guildsWithData()).filter((guildId) => shardOfGuild(guildId, shard.count) === shard.id);
    const gone = known.filter((guildId) => !listed.has(guildId));
    if (gone.length === 0) return [];
    if (gone.length > 1 && gone.length === known.length) {
      this.logger.warn(
        { shardId: shard.id, knownServers: known.length, listedServers: present.length },
        "session lists none of the servers with data: no departure recorded (another application's token?)",
      );
      return [];
    }
    const recorded = await this.privacy.recordDepartures(gone, now);
    if (recorded.length === 0) return [];
    const sample = recorded.slice(0, 20);
    this.logger.info(
      { shardId: shard.id, count: recorded.length, guilds: sample },
      "bot removed from servers while offline: data scheduled for deletion",
    );
    return recorded;
  }

  /** Deletes one server's data now, to the end (`npm run cli -- purge-guild`; the scheduler's are `purgeDue`'s). */
  async purgeGuild(guildId: string): Promise<GuildPurge> {
    if (!isDiscordId(guildId)) throw invalidServerId(guildId);
    const result = await this.privacy.purgeGuild(guildId);
    this.logger.info({ guildId, ...result }, "server data deleted");
    return result;
  }

  /**
   * The scheduler's job: deletes the servers whose 30 days have passed, and cancels the deletion of
   * those the bot is in after all (`isPresent`: a return its session did not report as one). Idempotent;
   * returns how many were deleted to the end. At most purgeSlicesPerTick slices in all: a server not done
   * when they are spent is carried on with at the next tick; one whose departure was cancelled meanwhile
   * (the bot added back) is left with what remains.
   */
  async purgeDue(
    now: Date,
    isPresent: (guildId: string) => boolean = () => false,
    shard?: { readonly id: number; readonly count: number },
  ): Promise<number> {
    // A process of a sharded bot sees only its shards' servers: the others' are left to their processes,
    // which alone can tell whether the bot is still in them.
    const due = await this.privacy.duePurges(now, purgesPerTick, shard);
    const budget: PurgeBudget = { slicesLeft: this.purgeSlicesPerTick };
    let purged = 0;
    for (const guildId of due) {
      if (isPresent(guildId)) {
        await this.privacy.cancelDepartures([guildId]);
        this.logger.warn({ guildId }, "server due for deletion has the bot: deletion cancelled");
        continue;
      }
      // "" is the built-in curricula's scope, never a server's: nothing to delete. Its row is dropped so it
      // does not stop this tick's other deletions and come back every tick.
      if (guildId === "") {
        await this.privacy.cancelDepartures([guildId]);
        this.logger.warn({ guildId }, "stored server id is empty: departure dropped, nothing deleted");
        continue;
      }
      // The stored id is deleted by whatever its form: refusing it (the check is for ids someone types) would
      // stop this tick's other deletions and come back every tick.
      if (!isDiscordId(guildId)) this.logger.warn({ guildId }, "stored server id is not a Discord id: its data is deleted all the same");
      const result = await this.privacy.purgeDueGuild(guildId, budget);
      if (result !== null) {
        this.logger.info({ guildId, ...result }, "server data deleted");
        purged += 1;
      }
      // Spent: the server stopped partway keeps its departure record, and the next tick carries on with it.
      if (budget.slicesLeft <= 0) break;
    }
    return purged;
  }
}

export function invalidServerId(value: string): UserError {
  return new UserError("privacy.invalidGuild", { value: value.slice(0, 40) });
}
