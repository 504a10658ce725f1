import {
  CohortStatus,
  isRunning,
  type Cohort,
  type JoinOutcome,
  type MemberRecord,
  type RunningStatus,
} from "../domain/cohort/cohortModel.js";
import {
  type BreakCalendar,
  calendarWeekCount,
  courseEndDate,
  courseHasEnded,
  firstReadingWeek,
  isPastFirstReadingDays,
} from "../domain/schedule/cohortBreaks.js";
import { courseFitsCalendar, latestCourseStart } from "../domain/schedule/calendarReach.js";
import { isLanguageCode, memberLocaleOf } from "../domain/cohort/languageCode.js";
import { dayInfoOfDate } from "../domain/schedule/dayInfo.js";
import { invalidDateError } from "./invalidDateError.js";
import { dayNotBeforeAfterZoneMove, memberDateOf, memberTimeZone, memberToday } from "../domain/schedule/memberDay.js";
import { showsSomething } from "../domain/text/hiddenCharacters.js";
import { nameAsShown } from "../domain/text/nameAsShown.js";
import { codePointCount, echoedValue, shortenedText } from "../domain/text/characters.js";
import { lookAlikeNames } from "../domain/cohort/lookAlikeNames.js";
import {
  addDays,
  formatClock,
  isValidTimeZone,
  localDateOf,
  parseClock,
  parseLocalDate,
  type Clock,
} from "../domain/schedule/localTime.js";
import { closedCohortError, ClosedWordings, readsAsEnded, type ClosedWording, type CohortNameCode } from "./closedCohortError.js";
import { canonicalTimeZone, refuseAbbreviatedZone, typedTimeZone, unknownTimeZoneError } from "./typedTimeZone.js";
import { latestPassedClock } from "../domain/schedule/latestPassedClock.js";
import { nextDailyInstant } from "../domain/schedule/nextDailyInstant.js";
import { weekPostsAfterStartEdit, type WeekPostChanges, type WeekPostsAfterStartEdit } from "../domain/schedule/weekPostsAfterStartEdit.js";
import { DEFAULT_COHORT_SETTINGS, type CohortSettings } from "../domain/schedule/scheduleTypes.js";
import { CohortSettingsProblem, validateCohortSettings } from "../domain/schedule/validateCohortSettings.js";
import type { NewAuditEntry } from "../db/repositories/AuditRepository.js";
import type { BoardRedraws, CohortChanges, CohortRepository } from "../db/repositories/CohortRepository.js";
import type { CurriculumRepository } from "../db/repositories/CurriculumRepository.js";
import type { MemberRepository, UserLocale } from "../db/repositories/MemberRepository.js";
import type { ReminderRepository } from "../db/repositories/ReminderRepository.js";
import type { ScheduledPostRepository } from "../db/repositories/ScheduledPostRepository.js";
import { UserError } from "../errors.js";
import type { Logger } from "../logging/createLogger.js";
import { AuditAction, type AuditValues } from "../domain/audit/auditAction.js";
import type { AuditLog } from "./AuditLog.js";
import { ChannelCheck, type ChannelGateway } from "./ChannelGateway.js";
import { findCurriculumByOption } from "./findCurriculumByOption.js";
import type { RoleDirectory, RoleListingFailure } from "./RoleDirectory.js";
import { boardPresentation, BoardVisibility, CohortBoard, isCohortBoard } from "../domain/privacy/boardPresentation.js";
import { rowIdOf } from "../domain/rowId.js";
import { matchScore, typedWordsOf } from "../domain/search/matchScore.js";
import { naturalNameOrder } from "../domain/search/naturalNameOrder.js";
import { stillMember } from "./stillMember.js";

/** A user's active membership: the cohort and their member record in it. */
export interface Membership {
  readonly cohort: Cohort;
  readonly member: MemberRecord;
}

export interface Choice {
  readonly name: string;
  readonly value: string;
}

export interface CohortSettingsInput {
  readonly start?: string | undefined;
  readonly timeZone?: string | undefined;
  readonly announceDay?: number | undefined;
  readonly announceTime?: string | undefined;
  readonly includeOptional?: boolean | undefined;
}

/** The cohort's privacy settings, shared by create and edit. */
export interface CohortBoardInput {
  /** names | aliases | off. */
  readonly leaderboard?: string | undefined;
  /** A role whose members are never ranked; null removes it. */
  readonly excludeRoleId?: string | null | undefined;
  /**
   * When the command ran: the time of the role's listing (the wall clock when left out). On create,
   * also what a start date is checked against (a course already over is refused); left out (seeds,
   * test fixtures that set up history), no start date is refused for being in the past.
   */
  readonly now?: Date | undefined;
}

export interface CreateCohortInput extends CohortSettingsInput, CohortBoardInput {
  readonly guildId: string;
  /** Language code of the channel's posts ("en" when left out). */
  readonly language?: string | undefined;
  readonly actorId: string;
  readonly name: string;
  readonly curriculum: string;
  readonly channelId: string;
  readonly start: string;
}

export interface ReminderRequest {
  readonly guildId: string;
  readonly userId: string;
  readonly cohort: string | null;
  /** "HH:MM" as typed, or null when left out. */
  readonly time: string | null;
  /** IANA name as typed (or `followCohortZone`), or null when left out. */
  readonly timeZone: string | null;
  readonly off: boolean | null;
  readonly now: Date;
  /** The caller's Discord locale (`interaction.locale`): stored with a change on all their memberships in the server, for their DMs' language. */
  readonly locale?: string | null;
}

/** `/remind timezone:cohort`: drop a chosen zone, so the reminder (and the member's day) follows the cohort's again. */
export const followCohortZone = "cohort";

/** What `timezone:` takes for it, in any case: the choice's value, and the Spanish word typed without picking the choice. */
const followCohortWords: ReadonlySet<string> = new Set([followCohortZone, "cohorte"]);

function isFollowCohortZone(typed: string | null): boolean {
  return typed !== null && followCohortWords.has(typed.trim().toLowerCase());
}

/** The `/remind` caller's locale, to store on all their memberships in the server (UserLocale); null when it has none usable. */
function localeOfCaller({ guildId, userId, locale }: ReminderRequest): UserLocale | null {
  const stored = memberLocaleOf(locale);
  return stored === null ? null : { guildId, userId, locale: stored };
}

/**
 * FollowsCohort: the reminder is off and the zone kept for the member dropped (`timezone:cohort` while off, or with `off:True`).
 * TurnedOffForGood: turned off once no more reminders come (remindersOver), so it cannot be turned on again.
 */
export const ReminderChange = {
  Shown: "shown",
  Set: "set",
  TurnedOff: "turned-off",
  TurnedOffForGood: "turned-off-for-good",
  AlreadyOff: "already-off",
  FollowsCohort: "follows-cohort",
} as const;
export type ReminderChange = (typeof ReminderChange)[keyof typeof ReminderChange];

export interface ReminderSettingView {
  readonly cohort: Cohort;
  readonly member: MemberRecord;
  readonly change: ReminderChange;
  /** "HH:MM" in `timeZone`; null when the member has no reminder. */
  readonly time: string | null;
  readonly timeZone: string | null;
  /** The zone the member chose with `timezone:` (kept while the reminder is off), or null: the cohort's. */
  readonly chosenZone: string | null;
  /**
   * When the reminder time next comes (null when off); ReminderService.withNextReminder narrows it to a day
   * with reading (whether one is sent then depends on that day's reading being unfinished).
   */
  readonly nextAt: Date | null;
  /** The member's day when a move west holds it (memberToday) ahead of their zone's day now; else null. */
  readonly dayHeld: string | null;
}

export interface EditCohortInput extends CohortSettingsInput, CohortBoardInput {
  readonly guildId: string;
  readonly cohort: string;
  readonly name?: string | undefined;
  readonly channelId?: string | undefined;
  readonly language?: string | undefined;
  /** The admin editing (for the audit trail). */
  readonly actorId?: string | undefined;
}

export interface EditedCohort {
  readonly cohort: Cohort;
  /** Weeks whose post already went out at a time a start-date edit moved: it stays up, and the week is announced again. */
  readonly weekPostsLeftUp: readonly number[];
  /** False when every value given was the cohort's already (no audit line was written). */
  readonly changed: boolean;
}

/** A language code as the Discord layer offers them ("en", "pt-BR"); which ones are shipped is its business. */
function checkLanguage(language: string | undefined): string | undefined {
  if (language !== undefined && !isLanguageCode(language)) throw new UserError("input.invalidLanguage", { value: language.slice(0, 20) });
  return language;
}

function checkBoard(value: string | undefined): CohortBoard | undefined {
  if (value === undefined) return undefined;
  // Discord only sends the offered choices.
  if (!isCohortBoard(value)) throw new Error(`unknown leaderboard setting ${value.slice(0, 20)}`);
  return value;
}

/**
 * How old the members' exclude_role marks may be before a board lists the role again. Between
 * listings, every member's own interactions keep their own mark current (noteRoles), so this bounds
 * only how long a role change shows for a member who has not used the bot since.
 */
export const exclusionMarksMaxAgeMs = 5 * 60 * 1000;
/**
 * How long a process trusts what it read of a guild's exclude_roles (see noteRoles). Set or changed
 * in this process, it is forgotten at once; from another process, it is picked up within this time
 * (and the /cohort edit that set it has listed the holders already).
 */
const guildExcludeRolesTtlMs = 60 * 1000;

/**
 * Longest cohort name, in code points (an emoji or a bold "𝐁" is one): Discord's API counts choice names (100 at
 * most) in code points; how the app counts the `name` option's max_length is undocumented, and code points are safe either way.
 */
const maxNameLength = 80;

/** Cohorts alike in other capitals named in the "which one?" answer: legacy twins are few, and each name is at most 80 characters. */
const maxAlikeListed = 10;
/** Autocomplete shows at most 25 choices. */
export const maxChoices = 25;
/** The newest cohorts that may hold the typed words autocomplete matches: more typed finds older ones. */
const maxCohortsMatched = 1000;
type CohortName = Pick<Cohort, "id" | "name">;

/**
 * At most `max` characters (Discord's limit on a choice's name is 100, counted in code points as its API counts
 * them: an 80-character name of emoji or bold "𝐁" letters fits whole), "…" ending a cut, never splitting
 * a character as people see it (half an emoji is not text Discord takes; half a family shows other people).
 */
export function truncateChoiceName(name: string, max = 100): string {
  return shortenedText(name, max);
}

/** A choice's name: `name` followed by `suffix` (" #12"), the name cut (truncateChoiceName) to keep the suffix whole within `max`. */
export function choiceNameWithSuffix(name: string, suffix: string, max = 100): string {
  return `${truncateChoiceName(name, max - codePointCount(suffix))}${suffix}`;
}

/** `/join`'s outcome, for the Discord layer to word. */
export interface JoinView {
  readonly cohort: Cohort;
  readonly outcome: JoinOutcome;
  /** Offer *Start from this week* / *Catch up*. */
  readonly lateJoin: boolean;
  /**
   * Already a member, now under this display name (their name changed since it was stored; stored in each of their
   * cohorts of the server); null: unchanged. `onBoards`: this cohort's public boards show them by it (not by an
   * alias, nor not at all: `/privacy`, the cohort's `leaderboard`, its exclude_role).
   */
  readonly renamed: { readonly name: string; readonly onBoards: boolean } | null;
  /** Back after `/leave` with a daily reminder set: it comes again, at this time in this zone; null: none. */
  readonly reminderBack: { readonly time: string; readonly timeZone: string } | null;
}

/**
 * Cohorts of a guild: creation and settings (admins), membership (members),
 * and resolving the `cohort` option every command shares.
 */
export class CohortService {
  constructor(
    private readonly cohorts: CohortRepository,
    private readonly members: MemberRepository,
    private readonly curricula: CurriculumRepository,
    private readonly channels: ChannelGateway,
    private readonly logger: Logger,
    private readonly roles: RoleDirectory,
    private readonly audit: AuditLog,
    private readonly reminders: ReminderRepository,
    private readonly posts: ScheduledPostRepository,
    private readonly monotonicNow: () => number = () => performance.now(),
  ) {}

  /** Per guild: its cohorts' exclude_roles, and until when that reading is trusted (see noteRoles). */
  private readonly excludeRolesByGuild = new Map<string, { readonly roleIds: readonly string[]; readonly until: number }>();

  /** Listings of an exclude_role still running (see refreshStaleExclusions); close() waits for them. */
  private readonly refreshing = new Set<Promise<void>>();
  /**
   * Cohorts whose role listing Discord refused, warned about once until a listing succeeds again (or the role is taken
   * off). Not cleared when a cohort or its server is deleted: ids are never reused, so a stale entry is a few bytes no
   * one asks about again.
   */
  private readonly listingRefused = new Set<number>();

  /**
   * The cohort a member means: the option when given (an id from autocomplete,
   * or a name typed by hand), else their only cohort in this guild.
   */
  async resolveForMember(guildId: string, userId: string, option: string | null): Promise<Membership> {
    return this.resolveAmong(await this.members.listActiveInGuild(guildId, userId), guildId, userId, option);
  }

  /**
   * resolveForMember's choice among the user's active memberships in the guild, read already (with
   * whatever came with them: a membership the user has is returned as given). Only a `cohort:` option
   * that names none of them takes the long way, and returns the membership alone.
   */
  async resolveAmong<Joined extends Membership>(
    joined: readonly Joined[],
    guildId: string,
    userId: string,
    option: string | null,
  ): Promise<Joined | Membership> {
    if (option !== null && option.trim() !== "") {
      // Buttons name the cohort by id: the memberships read already find it when it is there (anything else takes the long way).
      const match = joined.find(({ cohort }) => namesCohort(option.trim(), cohort));
      if (match !== undefined) return match;
      const cohort = await this.findByOption(guildId, option);
      const member = await this.members.find(cohort.id, userId);
      if (member === null || member.leftAt !== null) throw new UserError("cohort.notJoined", { name: cohort.name });
      return { cohort, member };
    }
    const [only] = joined;
    if (only === undefined) throw new UserError("cohort.notMemberOfAny");
    if (joined.length > 1) throw new UserError("cohort.ambiguous", { names: joined.map(({ cohort }) => cohort.name) });
    return only;
  }

  /** For admin commands and /join: the option, or the guild's only cohort. */
  async resolveInGuild(guildId: string, option: string | null): Promise<Cohort> {
    if (option !== null && option.trim() !== "") return this.findByOption(guildId, option);
    const all = await this.cohorts.listInGuild(guildId);
    const [only] = all;
    if (only === undefined) throw new UserError("cohort.noneInServer");
    if (all.length > 1) throw new UserError("cohort.ambiguousAdmin", { names: all.map((cohort) => cohort.name) });
    return only;
  }

  /** Only ever looks inside `guildId`: a crafted id from another server is "unknown". */
  private async findByOption(guildId: string, option: string): Promise<Cohort> {
    const value = option.trim();
    const id = rowIdOf(value);
    if (id !== null) {
      const byId = await this.cohorts.findInGuild(guildId, id);
      if (byId !== null) return byId;
    }
    // The exact name first: of two cohorts alike from before the name key, each is found by its own spelling.
    const exact = await this.cohorts.findByName(guildId, value);
    if (exact !== null) return exact;
    // Any other capitals name both of them: ask which rather than pick one.
    const alike = await this.cohorts.listByNameKey(guildId, value, maxAlikeListed);
    // Of names alike in other capitals, the one that shows exactly as typed ("SPRING" for "SPRING\u200b" beside "Spring").
    const shownAsTyped = alike.filter((cohort) => nameAsShown(cohort.name) === nameAsShown(value));
    const [asTyped] = shownAsTyped;
    if (asTyped !== undefined && shownAsTyped.length === 1) return asTyped;
    if (alike.length > 1) throw new UserError("cohort.ambiguousName", { name: echoedValue(value), names: lookAlikeNames(alike) });
    const [only] = alike;
    if (only !== undefined) return only;
    throw new UserError("cohort.unknown", { value: echoedValue(value) });
  }

  /** The cohorts `query` finds (`scope`: the user's or the server's), named in natural order for `locale`. */
  async suggest(guildId: string, userId: string, query: string, scope: "joined" | "guild", locale = "en"): Promise<Choice[]> {
    const words = typedWordsOf(query);
    const cohorts = await this.cohorts.namesInGuild(guildId, maxCohortsMatched, words, scope === "joined" ? userId : undefined);
    return choicesOf(cohorts, query, locale);
  }

  /**
   * `/join`'s choices: the cohorts it would take the user into (one they left included: joining brings them back),
   * not those it refuses (ended, finished, or past their last week) nor those they are in already. A name typed in
   * full still gets `/join`'s own answer. Three reads, whatever the number of cohorts.
   */
  async suggestJoinable(guildId: string, userId: string, query: string, now: Date, locale = "en"): Promise<Choice[]> {
    const [cohorts, memberships, curricula] = await Promise.all([
      this.cohorts.listInGuild(guildId),
      this.members.cohortsEverJoined(guildId, userId),
      this.curricula.listVisible(guildId),
    ]);
    const inAlready = new Set(memberships.filter((membership) => membership.active).map((membership) => membership.cohortId));
    const weeksOf = new Map(curricula.map((curriculum) => [curriculum.id, curriculum.totalWeeks]));
    const zoneIn = new Map(memberships.map((membership) => [membership.cohortId, membership.remindTimeZone]));
    const joinable = cohorts.filter((cohort) => {
      if (!isRunning(cohort.status) || inAlready.has(cohort.id)) return false;
      const calendar = courseCalendar(cohort, weeksOf.get(cohort.curriculumId) ?? null);
      // A curriculum that cannot be read is left to /join's answer; the last day offered while the member's day (the
      // /remind zone one who left kept, else the cohort's; the 04:00 rollover) is still in it, as /join takes them then.
      const zone = memberTimeZone(zoneIn.get(cohort.id) ?? null, cohort.settings.timeZone);
      return calendar === null || memberDateOf(now, zone) < courseEndDate(calendar);
    });
    return choicesOf(joinable, query, locale);
  }

  /**
   * `/join`. A first join after week 1 is a late join: the join day is stored (earlier items not done
   * become backlog, not overdue) and `lateJoin` asks the Discord layer to offer *Start from this week* /
   * *Catch up*. A return after `/leave` is one too when it comes in a later course week than the leave;
   * within the same week it is a plain welcome back, nothing reset. A join on the first reading week's weekend
   * (after its last study day) stores the join day too, with no buttons: that week's items are backlog, not overdue.
   */
  async join(
    guildId: string,
    userId: string,
    displayName: string,
    option: string,
    now: Date,
    /** The roles the member holds (their interaction's); left out, their exclude_role mark waits for a listing. */
    roleIds?: ReadonlySet<string>,
    /** The member's Discord locale (`interaction.locale`): stored on all their memberships in the server, for their DMs' language; left out, the stored one stays. */
    locale?: string | null,
  ): Promise<JoinView> {
    const cohort = await this.findByOption(guildId, option);
    // Ended on its planned last day or later, it finished, as /today says: refused as a finished one is.
    if (!isRunning(cohort.status)) throw await this.closedError(cohort, ClosedWordings.join);
    const calendar = await this.calendarOf(cohort);
    const previous = await this.members.find(cohort.id, userId);
    // A new member has no /remind zone yet: their day is the cohort's; one coming back keeps the zone they chose.
    const zone = memberTimeZone(previous?.remindTimeZone ?? null, cohort.settings.timeZone);
    // The course's last day over in the member's day (their zone, the 04:00 rollover), before the closing post marks
    // the cohort finished: refused as a finished one, rather than offering to catch up on a course that is over. Until
    // then the last day is still theirs, as /today and /done read it (its reading counts in /progress only).
    if (calendar !== null && memberDateOf(now, zone) >= courseEndDate(calendar))
      throw new UserError("cohort.finished", { name: cohort.name });
    // Weeks of the member's day (the 04:00 rollover), as their plan reads them: a /join at 02:00 on Monday is still
    // Sunday's, in the week that Sunday ends, and so is a /leave then.
    const weekOn = (instant: Date): number => dayInfoOfDate(cohort.settings, memberDateOf(instant, zone)).weekNumber;
    const week = weekOn(now);
    // After the first week of reading: break weeks opening the course assign nothing to catch up on.
    const afterFirstWeek = week > (calendar === null ? 1 : firstReadingWeek(calendar));
    // Past that week's last study day (its weekend), all it assigned was due before the join: kept as from before
    // they joined (as /today words it), not overdue; still no buttons, which the spec offers after the first week.
    const afterFirstDays =
      afterFirstWeek || (calendar !== null && isPastFirstReadingDays(calendar, cohort.settings.studyDays, memberDateOf(now, zone)));
    // A /leave then /join within moments must not clear the "behind" signal: same week, nothing reset.
    const comesAfter = afterFirstDays && (previous?.leftAt == null || weekOn(previous.leftAt) < week);
    // No Start from this week / Catch up once the cohort's course is over by its own clock: no study day is left to
    // catch up on (a join in the night after its last day, still that day in the member's).
    const late = afterFirstWeek && comesAfter && !(calendar !== null && courseHasEnded(calendar, now));
    const joinedOn = comesAfter ? memberDateOf(now, zone) : null;
    const { member, outcome, renamed } = await this.members.join(cohort.id, userId, displayName, now, joinedOn, memberLocaleOf(locale));
    // The /join interaction carried the member's roles: their mark is right from the first board.
    const excluded = cohort.excludeRoleId !== null && (roleIds === undefined ? member.excluded : roleIds.has(cohort.excludeRoleId));
    if (cohort.excludeRoleId !== null && roleIds !== undefined)
      await this.members.noteExcluded(member.id, cohort.excludeRoleId, excluded, now);
    const shownAs = boardPresentation(cohort.leaderboard, { visibility: member.boardVisibility, excluded });
    // Reminders skip a member who left: one whose reminder was on hears that it comes again.
    const reminderBack =
      outcome === "rejoined" && member.remindTime !== null
        ? { time: member.remindTime, timeZone: memberTimeZone(member.remindTimeZone, cohort.settings.timeZone) }
        : null;
    return {
      cohort,
      outcome,
      lateJoin: late && outcome !== "already",
      renamed: renamed ? { name: member.displayName, onBoards: shownAs === BoardVisibility.Name } : null,
      reminderBack,
    };
  }

  /** The cohort's course calendar (start, zone, curriculum and break weeks); null if its curriculum cannot be read. */
  private async calendarOf(cohort: Cohort): Promise<BreakCalendar | null> {
    return courseCalendar(cohort, await this.totalWeeksOf(cohort));
  }

  /**
   * The refusal of something the cohort, no longer running, does not take, in the `wording` for how it reads:
   * ended before its planned last day, or finished (closedCohortError). Unreadable weeks read as ended, as before.
   */
  async closedError<Ended extends CohortNameCode, Finished extends CohortNameCode>(
    cohort: Cohort,
    wording: ClosedWording<Ended, Finished>,
  ): Promise<UserError<Ended | Finished>> {
    // Only an Ended cohort can read as ended (readsAsEnded): a Finished one's curriculum is not read for nothing.
    const calendar = cohort.status === CohortStatus.Ended ? await this.calendarOf(cohort) : null;
    return closedCohortError(cohort, calendar, wording);
  }

  /** The weeks of the cohort's curriculum (break weeks not included); null if it cannot be read. */
  private async totalWeeksOf(cohort: Cohort): Promise<number | null> {
    const curriculum = (await this.curricula.listVisible(cohort.guildId)).find((candidate) => candidate.id === cohort.curriculumId);
    return curriculum?.totalWeeks ?? null;
  }

  /**
   * `/leave`: also once the course is over (a member of a finished and a running cohort would otherwise have to
   * name `cohort:` forever); `over` then says how it reads, as `/join` will not take them back.
   */
  async leave(
    guildId: string,
    userId: string,
    option: string,
    now: Date,
  ): Promise<{ cohort: Cohort; left: boolean; over: "ended" | "finished" | null }> {
    const cohort = await this.findByOption(guildId, option);
    const left = await this.members.leave(cohort.id, userId, now);
    return { cohort, left, over: left ? await this.courseOverFor(cohort, now) : null };
  }

  /**
   * Whether the course is over as /join sees it (ended, finished, or past its last week before the closing
   * post), and how it reads: "ended" when an admin ended it before its planned last day (readsAsEnded).
   */
  private async courseOverFor(cohort: Cohort, now: Date): Promise<"ended" | "finished" | null> {
    if (cohort.status === CohortStatus.Finished) return "finished";
    const calendar = await this.calendarOf(cohort);
    if (cohort.status === CohortStatus.Ended) return readsAsEnded(cohort, calendar) ? "ended" : "finished";
    return calendar !== null && courseHasEnded(calendar, now) ? "finished" : null;
  }

  async list(guildId: string): Promise<Cohort[]> {
    return this.cohorts.listInGuild(guildId);
  }

  /**
   * A name another cohort of the server has in other capitals is taken too: members could not tell the
   * two apart in a list, and a name typed by hand in other capitals would find only one of them (findByOption).
   */
  private async assertNameFree(guildId: string, name: string, renaming: number | null): Promise<void> {
    const clash = await this.nameClash(guildId, name, renaming);
    if (clash !== undefined) throw new UserError("cohort.nameTaken", { name: clash.name });
  }

  /** Another cohort whose name folds alike, its key plain or with the migration's clash suffix (listByNameKey). */
  private async nameClash(guildId: string, name: string, renaming: number | null): Promise<Cohort | undefined> {
    return (await this.cohorts.listByNameKey(guildId, name)).find((other) => other.id !== renaming);
  }

  /**
   * The database refused the name (its unique name key): a create or rename to the same name in other
   * capitals got there first, after our check. The check's own answer, naming that cohort.
   */
  private async nameTakenMeanwhile(guildId: string, name: string, renaming: number | null): Promise<UserError> {
    const clash = await this.nameClash(guildId, name, renaming);
    return new UserError("cohort.nameTaken", { name: clash?.name ?? name });
  }

  /**
   * The database refused an edit: new settings for a cohort ended or finished since the check (refused as
   * the check would), else a unique violation: the name key when another cohort has the name now, else a weekly post
   * row the edit renames (a tick wrote the week's row meanwhile) or a clash gone since: no name to blame,
   * and the edit may be tried again.
   */
  private async editRefusedMeanwhile(
    guildId: string,
    name: string | undefined,
    cohort: Cohort,
    settingsChanged: boolean,
  ): Promise<UserError> {
    const cohortId = cohort.id;
    const current = settingsChanged ? await this.cohorts.findById(cohortId) : null;
    // Ended since the check, or its closing post went out: refused as the check would have (ClosedWordings.schedule).
    if (current !== null && !isRunning(current.status)) return this.closedError(current, ClosedWordings.schedule);
    // Without a rename the name key cannot be what refused the write (an old cohort alike in other capitals is no clash).
    if (name === undefined) return new UserError("cohort.changedMeanwhile");
    const clash = await this.nameClash(guildId, name, cohortId);
    return clash === undefined ? new UserError("cohort.changedMeanwhile") : new UserError("cohort.nameTaken", { name: clash.name });
  }

  async create(input: CreateCohortInput): Promise<Cohort> {
    const name = normaliseName(input.name);
    const curriculum = findCurriculumByOption(await this.curricula.listVisible(input.guildId), input.curriculum);
    if (curriculum === null) throw new UserError("curriculum.unknown", { value: echoedValue(input.curriculum.trim()) });
    const settings = buildSettings(DEFAULT_COHORT_SETTINGS, { ...input });
    assertCourseFitsCalendar(settings.startDate, curriculum.totalWeeks);
    if (input.now !== undefined) assertCourseNotOver(settings, curriculum.totalWeeks, input.now);
    const language = checkLanguage(input.language);
    await this.assertPostable(input.guildId, input.channelId);
    await this.assertNameFree(input.guildId, name, null);
    const cohort = await this.cohorts.create({
      guildId: input.guildId,
      channelId: input.channelId,
      name,
      curriculumId: curriculum.id,
      settings,
      ...(language === undefined ? {} : { language }),
      ...boardColumns(input),
      createdBy: input.actorId,
    });
    if (cohort === null) throw await this.nameTakenMeanwhile(input.guildId, name, null);
    // Right after the row, before anything that waits on Discord: a tick reads this line's time to decide
    // whether the running week's post is late only since the creation (Scheduler).
    await this.audit.record({
      guildId: input.guildId,
      cohortId: cohort.id,
      actorId: input.actorId,
      action: AuditAction.Create,
      after: { ...auditValuesOf(cohort), curriculum: curriculum.slug },
    });
    this.excludeRolesByGuild.delete(cohort.guildId);
    if (cohort.excludeRoleId !== null) await this.refreshExclusions(cohort, input.now ?? new Date());
    this.logger.info({ cohortId: cohort.id, guildId: input.guildId, curriculum: curriculum.slug }, "cohort created");
    return cohort;
  }

  async edit(input: EditCohortInput): Promise<EditedCohort> {
    const cohort = await this.findByOption(input.guildId, input.cohort);
    const changesSettings = [input.start, input.timeZone, input.announceDay, input.announceTime, input.includeOptional].some(
      (value) => value !== undefined,
    );
    // An ended cohort's schedule stands (its boards closed, streaks frozen at the end), and a finished one's (nothing
    // is left to post, and the course summary's dates and totals stay as they were): no setting moves it.
    if (changesSettings && !isRunning(cohort.status)) throw await this.closedError(cohort, ClosedWordings.schedule);
    const language = checkLanguage(input.language);
    const board = boardColumns(input);
    if (
      !changesSettings &&
      input.name === undefined &&
      input.channelId === undefined &&
      language === undefined &&
      Object.keys(board).length === 0
    )
      throw new UserError("cohort.nothingToEdit");
    const name = input.name === undefined ? undefined : normaliseName(input.name);
    const settings = changesSettings ? buildSettings(cohort.settings, input) : undefined;
    if (settings !== undefined && input.start !== undefined) {
      const totalWeeks = await this.totalWeeksOf(cohort);
      // A curriculum no longer listed: its break weeks at least (the plan cannot be built anyway).
      assertCourseFitsCalendar(settings.startDate, (totalWeeks ?? 0) + cohort.breakWeeks.length);
      if (totalWeeks !== null && input.now !== undefined) assertCourseNotOver(settings, totalWeeks, input.now, cohort.breakWeeks);
    }
    if (input.channelId !== undefined) await this.assertPostable(input.guildId, input.channelId);
    if (name !== undefined) await this.assertNameFree(input.guildId, name, cohort.id);
    const now = input.now ?? new Date();
    const changes = {
      ...(name === undefined ? {} : { name }),
      ...(input.channelId === undefined ? {} : { channelId: input.channelId, channelProblem: null }),
      // Written only over the settings this edit read: another admin's schedule edit meanwhile refuses it (changedMeanwhile).
      ...(settings === undefined ? {} : { settings, settingsRead: cohort.settings }),
      ...(settings?.includeOptional === true && !cohort.settings.includeOptional ? { optionalFrom: optionalFromOf(settings, now) } : {}),
      ...(language === undefined ? {} : { language }),
      ...board,
    };
    const weekPosts = settings === undefined ? null : await this.weekPostsAfter(cohort, settings, now);
    // Written in the row's own transaction: the scheduler reads a moved post's time from this line
    // (Scheduler.lateOnlySinceSet), as it reads a new cohort's from its Create line, and a tick between the two
    // would skip the closing post the edit lets out.
    const values = editValues(cohort, changes);
    // Every value given is the cohort's already: no line in the audit log, and no board redrawn. A new listing of the
    // exclude_role's holders still follows (below): a mark it changes flags the boards itself.
    const changed = Object.keys(values.before).length > 0;
    const line = changed
      ? this.audit.line({ guildId: input.guildId, cohortId: cohort.id, actorId: input.actorId ?? "", action: AuditAction.Edit, ...values })
      : undefined;
    // Nor any column: the values were the cohort's as this edit read it, and writing them would undo, unaudited,
    // another admin's change saved since.
    const written: CohortChanges = changed ? changes : {};
    // The live weekly board shows the name, speaks the language and follows the board settings: edited next. The
    // boards already posted show members as the setting does now, either way: a redraw for any other reason would show
    // the new setting anyway. For every value written, even one as this edit read it: another admin's change saved
    // since, whose redraw may be done, is written over (an edit that writes nothing flags nothing: that change flagged
    // its own). Flagged in the edit's own transaction, so no stop after its commit leaves a board showing what the
    // setting hides.
    const writes = (key: keyof typeof changes) => key in written;
    const boardSetting = writes("leaderboard");
    const redraws: BoardRedraws = {
      live: writes("name") || writes("language") || boardSetting || writes("excludeRoleId"),
      // The board setting: the names it hides must not stay up for the minute between edits.
      liveAtOnce: boardSetting,
      posted: boardSetting,
      at: now,
    };
    const updated =
      settings !== undefined && settings.timeZone !== cohort.settings.timeZone
        ? await this.moveZone(cohort.id, changes, settings.timeZone, now, weekPosts?.changes ?? null, line, redraws)
        : weekPosts === null
          ? await this.cohorts.update(cohort.id, written, line, redraws)
          : await this.cohorts.updateWithWeekPosts(cohort.id, changes, weekPosts.changes, line, redraws);
    if (updated === null) throw await this.editRefusedMeanwhile(input.guildId, name, cohort, settings !== undefined);
    if (weekPosts !== null && weekPosts.changes.setAside.length + weekPosts.changes.takenBack.length > 0)
      this.logger.info(
        {
          cohortId: cohort.id,
          setAside: weekPosts.changes.setAside.length,
          takenBack: weekPosts.changes.takenBack.length,
          postsLeftUp: weekPosts.postsLeftUp,
        },
        "weekly posts follow the new start date",
      );
    if (input.excludeRoleId !== undefined) {
      this.excludeRolesByGuild.delete(updated.guildId);
      // Marks members set from their roles were about the old role: the new listing decides them all.
      if (updated.excludeRoleId !== cohort.excludeRoleId) await this.members.forgetOwnExclusionMarks(cohort.id);
      await this.refreshExclusions(updated, input.now ?? new Date(), updated.excludeRoleId === cohort.excludeRoleId);
    }
    this.logger.info({ cohortId: cohort.id, guildId: input.guildId }, "cohort edited");
    return { cohort: updated, weekPostsLeftUp: weekPosts?.postsLeftUp ?? [], changed };
  }

  /**
   * After a start-date or zone edit: the weekly posts the new start moves are set aside, so each week is
   * announced at its new time, and the live boards follow their week's new end (weekPostsAfterStartEdit);
   * written in the settings' own transaction. Null when neither changed.
   */
  private async weekPostsAfter(before: Cohort, settings: CohortSettings, now: Date): Promise<WeekPostsAfterStartEdit | null> {
    if (before.settings.startDate === settings.startDate && before.settings.timeZone === settings.timeZone) return null;
    return weekPostsAfterStartEdit(await this.posts.listForCohorts([before.id]), before.settings, settings, now);
  }

  /**
   * Marks who holds the cohort's exclude_role now (they are never ranked), when the role is set or
   * changed. Claimed like a board's listing (whatever the marks' age), so the marks count as fresh
   * from here; a listing Discord refuses (or that fails) leaves the marks as they were and the claim
   * given back, so the next board lists again.
   */
  private async refreshExclusions(cohort: Cohort, now: Date, sameRole = false): Promise<void> {
    if (cohort.excludeRoleId === null) {
      this.listingRefused.delete(cohort.id);
      await this.members.markExcluded(cohort.id, null, new Set(), now);
      return;
    }
    const roleId = await this.cohorts.claimExclusionRefresh(cohort.id, now, null);
    // Not claimed: the role changed again meanwhile, or another listing began this very moment (listingRefused stays
    // as it was: this process learnt nothing new about the intent).
    if (roleId === null) return;
    // A new role's listing decides every mark; the same role set again keeps those of holders who left the server.
    const holders = await this.excludedAfterListing(cohort, roleId, sameRole);
    if (!this.noteListing(cohort.id, holders)) {
      await this.cohorts.releaseExclusionClaim(cohort.id, now);
      return;
    }
    await this.members.markExcluded(cohort.id, roleId, holders, now);
  }

  /**
   * Brings the caller's own exclude_role marks up to date from the roles their interaction carried
   * (Discord sends them with every command and button: no request, no privileged intent). In a guild
   * without an exclude_role (most) that costs nothing but a map lookup; otherwise one indexed read,
   * and a write only for a mark that changed (or once per listing begun since, see below).
   */
  async noteRoles(guildId: string, userId: string, roleIds: ReadonlySet<string>, now: Date): Promise<void> {
    if ((await this.excludeRolesIn(guildId)).length === 0) return;
    for (const mark of await this.members.exclusionMarks(guildId, userId)) {
      const holds = roleIds.has(mark.roleId);
      // Also written, unchanged, once per listing begun since: a listing may have read the member's
      // roles before this interaction, and must not write that older answer over this one.
      const listedSince = mark.listedAt !== null && (mark.markedAt === null || mark.markedAt < mark.listedAt);
      if (holds !== mark.excluded || listedSince) await this.members.noteExcluded(mark.memberId, mark.roleId, holds, now);
    }
  }

  private async excludeRolesIn(guildId: string): Promise<readonly string[]> {
    const known = this.excludeRolesByGuild.get(guildId);
    if (known !== undefined && known.until > this.monotonicNow()) return known.roleIds;
    const roleIds = await this.cohorts.excludeRoleIds(guildId);
    this.excludeRolesByGuild.set(guildId, { roleIds, until: this.monotonicNow() + guildExcludeRolesTtlMs });
    return roleIds;
  }

  /**
   * Lists the cohort's exclude_role again when its marks are older than exclusionMarksMaxAgeMs, for a
   * board about to be shown. The claim (one conditional write) lets one caller list among all processes
   * and interactions that find the marks stale together; the others use the marks as they are.
   * Resolves when the listing is done or after `waitMs`, whichever comes first; a listing still running
   * then finishes in the background (close() waits for it) and the next board shows its result.
   */
  async refreshStaleExclusions(cohort: Cohort, now: Date, waitMs = Number.POSITIVE_INFINITY): Promise<void> {
    const checkedAt = cohort.exclusionsCheckedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
    const staleBefore = new Date(now.getTime() - exclusionMarksMaxAgeMs);
    if (cohort.excludeRoleId === null || checkedAt >= staleBefore.getTime()) return;
    const refresh = this.tracked(this.claimAndList(cohort, now, staleBefore));
    if (waitMs === Number.POSITIVE_INFINITY) return refresh;
    let timer: NodeJS.Timeout | undefined;
    const enough = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
    await Promise.race([refresh, enough]);
    clearTimeout(timer);
  }

  /**
   * Lists the cohort's exclude_role whatever the marks' age, for a board shown once and kept (the
   * closing post's final board must be right). Waited for; a refused listing leaves the marks as they were.
   */
  async refreshExclusionsForFinalBoard(cohort: Cohort, now: Date): Promise<void> {
    if (cohort.excludeRoleId === null) return;
    await this.tracked(this.claimAndList(cohort, now, null));
  }

  /**
   * Who is to be marked excluded after listing `roleId`'s holders: the holders, and with `keepAbsent`, members marked
   * now whom the listing could not see (no longer in the Discord server: their roles are not known, so the mark
   * stays until they are seen again). Else why Discord did not list them.
   */
  private async excludedAfterListing(
    cohort: Cohort,
    roleId: string,
    keepAbsent: boolean,
  ): Promise<ReadonlySet<string> | RoleListingFailure> {
    const marked = keepAbsent ? await this.members.excludedUserIds(cohort.id) : new Set<string>();
    const listing = await this.roles.userIdsWithRole(cohort.guildId, roleId, marked);
    if (typeof listing === "string") return listing;
    const absent = [...marked].filter((userId) => !listing.present.has(userId));
    return absent.length === 0 ? listing.holders : new Set([...listing.holders, ...absent]);
  }

  /** A listing settle() waits for until it is done. */
  private tracked(refresh: Promise<void>): Promise<void> {
    this.refreshing.add(refresh);
    void refresh.finally(() => this.refreshing.delete(refresh));
    return refresh;
  }

  /** Never rejects: a board is still shown, with the marks as they were, when the refresh fails. */
  private async claimAndList(cohort: Cohort, now: Date, staleBefore: Date | null): Promise<void> {
    try {
      // The role listed is the one claimed for (the cohort row as it is now, not as the board read it).
      const roleId = await this.cohorts.claimExclusionRefresh(cohort.id, now, staleBefore);
      if (roleId === null) return;
      const holders = await this.excludedAfterListing(cohort, roleId, true);
      if (this.noteListing(cohort.id, holders)) await this.members.markExcluded(cohort.id, roleId, holders, now);
    } catch (error) {
      this.logger.warn({ err: error, cohortId: cohort.id }, "refreshing the exclude role's marks failed");
    }
  }

  /**
   * Whether a listing of the cohort's exclude_role came back; remembers a refusal for exclusionListingRefused (logged
   * once: without the Server Members intent every listing, every five minutes, is refused) and forgets it on success.
   * A passing failure is logged each time and changes nothing remembered: it says nothing about the intent.
   */
  private noteListing(cohortId: number, holders: ReadonlySet<string> | RoleListingFailure): holders is ReadonlySet<string> {
    if (typeof holders !== "string") {
      this.listingRefused.delete(cohortId);
      return true;
    }
    if (holders === "failed" || !this.listingRefused.has(cohortId))
      this.logger.warn({ cohortId, reason: holders }, "could not list the exclude role's members; exclusions unchanged");
    if (holders === "refused") this.listingRefused.add(cohortId);
    return false;
  }

  /**
   * Whether Discord refused this process's last listing of the cohort's exclude_role (no Server Members intent, most
   * likely): /cohort info and the replies to create and edit say so, the log only once. Known per process.
   */
  exclusionListingRefused(cohortId: number): boolean {
    return this.listingRefused.has(cohortId);
  }

  /** The cohort's exclude_role names a role an admin deleted from the server: nobody is excluded by it any more. */
  excludeRoleDeleted(cohort: Cohort): boolean {
    return cohort.excludeRoleId !== null && this.roles.roleDeleted(cohort.guildId, cohort.excludeRoleId);
  }

  /** Waits for listings still running in the background (before the database closes). */
  async settle(): Promise<void> {
    // A command already running when shutdown began may start one more listing meanwhile.
    while (this.refreshing.size > 0) await Promise.all([...this.refreshing]);
  }

  /** Pause, resume or end at `now`; `actorId` is the admin (for the audit trail). */
  async setStatus(guildId: string, option: string, status: AdminStatus, actorId: string, now: Date): Promise<Cohort> {
    const cohort = await this.findByOption(guildId, option);
    const line = (from: RunningStatus) => ({
      guildId,
      cohortId: cohort.id,
      actorId,
      action: statusActions[status],
      // The status the write actually moved the cohort from, not the one first read.
      before: { status: from },
      after: { status },
    });
    if (status !== CohortStatus.Ended) {
      // The line in the status write's transaction: a tick never sees the resume without it (the closing post it lets out).
      const updated = await this.pauseOrResume(cohort, status, (from) => this.audit.line(line(from)));
      this.logger.info({ cohortId: cohort.id, status }, "cohort status changed");
      return updated;
    }
    const { updated, from } = await this.end(cohort, now);
    this.logger.info({ cohortId: cohort.id, status }, "cohort status changed");
    await this.audit.record(line(from));
    return updated;
  }

  /**
   * `/cohort pause`, `resume` and `end`: `setStatus`, and, when the cohort is found finished (a tick sent or gave up
   * its closing post between the write and the read), whether that post went out (ScheduledPostRepository.closingSent).
   */
  async changeStatus(guildId: string, option: string, status: AdminStatus, actorId: string, now: Date): Promise<StatusChangeView> {
    const cohort = await this.setStatus(guildId, option, status, actorId, now);
    return { cohort, closingSent: cohort.status === CohortStatus.Finished && (await this.posts.closingSent(cohort.id)) };
  }

  /**
   * Pauses or resumes with one conditional write: a pause or resume that read the cohort before another admin
   * ended (or paused, or resumed) it is refused as if it came after, and never un-ends it.
   */
  private async pauseOrResume(cohort: Cohort, status: RunningStatus, line: (from: RunningStatus) => NewAuditEntry): Promise<Cohort> {
    const refusal = statusRefusal(cohort, status);
    if (refusal !== null) throw refusal;
    const from = status === CohortStatus.Paused ? CohortStatus.Active : CohortStatus.Paused;
    const updated = await this.cohorts.setStatus(cohort.id, from, status, line(from));
    if (updated !== null) return updated;
    const current = await this.existing(cohort.id);
    throw statusRefusal(current, status) ?? new UserError("cohort.changedMeanwhile");
  }

  /**
   * Ends the cohort at `now` (streaks stand as they were then: an ended cohort takes no more reading). Of two
   * ends at the same moment only one wins; the other is refused as if it came after, so only one audit line
   * and one announcement follow. A pause or resume committed between the read and the write is no refusal:
   * the end is tried again from the status now stored, and says which one it ended from.
   */
  private async end(cohort: Cohort, now: Date): Promise<StatusChange> {
    let current = cohort;
    for (let attempt = 0; attempt < maxEndAttempts; attempt += 1) {
      const refusal = statusRefusal(current, CohortStatus.Ended);
      if (refusal !== null) throw refusal;
      if (!isRunning(current.status)) break;
      const from = current.status;
      const updated = await this.cohorts.end(cohort.id, from, now);
      if (updated !== null) return { updated, from };
      current = await this.existing(cohort.id);
    }
    throw new UserError("cohort.changedMeanwhile");
  }

  /** The cohort as stored now (read again after a conditional write found it changed). */
  private async existing(cohortId: number): Promise<Cohort> {
    const current = await this.cohorts.findById(cohortId);
    if (current === null) throw new Error(`cohort ${cohortId} vanished`);
    return current;
  }

  /** Another member of the same cohort, for /progress member:. */
  async memberOf(cohort: Cohort, userId: string): Promise<MemberRecord> {
    const member = await this.members.find(cohort.id, userId);
    if (member === null) throw new UserError("cohort.otherNotMember", { name: cohort.name });
    return member;
  }

  /**
   * `/remind`: shows, sets or switches off the member's daily reminder (`membership`: resolveForMember's for
   * the request; `ownCourseOver`: their own last study day is behind them, MemberPlanning.planOver, which
   * CohortService cannot build itself; `calendar`: the cohort's, for how an end reads). The time zone defaults to the member's earlier choice, else the cohort's.
   * Every value is checked before anything is stored.
   */
  async reminder(
    request: ReminderRequest,
    membership: Membership,
    ownCourseOver: boolean,
    calendar: BreakCalendar,
  ): Promise<ReminderSettingView> {
    return stillMember(membership.cohort.name, this.changeReminder(request, membership, ownCourseOver, calendar));
  }

  private async changeReminder(
    request: ReminderRequest,
    { cohort, member }: Membership,
    ownCourseOver: boolean,
    calendar: BreakCalendar,
  ): Promise<ReminderSettingView> {
    const view = (updated: MemberRecord, change: ReminderChange): ReminderSettingView =>
      reminderSettingView(cohort, updated, change, request.now);
    const follow = isFollowCohortZone(request.timeZone);
    // timezone:cohort while off (or with off:True) drops the kept zone only: it needs no time and turns nothing on.
    if (follow && request.time === null && (request.off === true || member.remindTime === null)) {
      // Dropping the kept zone moves the member's day (and a streak frozen at the end): once reminders are
      // over, refused, but beside off:True the reminder still goes off, as off:True alone, the zone kept.
      const over = this.remindersOver(cohort, ownCourseOver, calendar);
      if (over !== null && request.off !== true) throw over;
      if (over !== null) return this.switchReminderOff(request, member, view, true);
      const dayNotBefore = dayNotBeforeAfterZoneMove(
        request.now,
        memberZoneOf(member, cohort),
        cohort.settings.timeZone,
        member.dayNotBefore,
      );
      const updated = await this.members.followCohortZone(member.id, request.off === true, localeOfCaller(request), dayNotBefore);
      this.logger.info({ cohortId: cohort.id, memberId: member.id, off: request.off === true }, "reminder zone follows the cohort's");
      return view(updated, ReminderChange.FollowsCohort);
    }
    if (request.off === true) {
      if (request.time !== null || request.timeZone !== null) throw new UserError("remind.offWithTime");
      return this.switchReminderOff(request, member, view, this.remindersOver(cohort, ownCourseOver, calendar) !== null);
    }
    this.refuseWhenRemindersAreOver(cohort, ownCourseOver, calendar);
    if (request.time === null && request.timeZone === null) return view(member, ReminderChange.Shown);
    const timeText = request.time ?? member.remindTime;
    if (timeText === null) throw new UserError("remind.needTime");
    const clock = parseClock(timeText);
    if (clock === null) throw new UserError("input.invalidClock", { value: timeText.trim().slice(0, 20) });
    const typedZone = request.timeZone === null || follow ? null : typedTimeZone(request.timeZone);
    // A stored zone is kept, even one the runtime does not know (while unknown, the member follows the cohort's: memberTimeZone).
    const storedZone = follow ? null : member.remindTimeZone;
    const zoneText = memberTimeZone(typedZone ?? storedZone, cohort.settings.timeZone);
    if (!isValidTimeZone(zoneText)) throw new UserError("input.invalidTimeZone", { value: zoneText.slice(0, 60) });
    // Only a zone the member chose is stored: without one, the reminder (and their day) follows the cohort's, even after /cohort edit timezone:.
    const timeZone = typedZone ?? storedZone;
    // memberToday's rule: a move west holds the member on the day they were in.
    const dayNotBefore = dayNotBeforeAfterZoneMove(request.now, memberZoneOf(member, cohort), zoneText, member.dayNotBefore);
    const setting = { timeZone, locale: localeOfCaller(request), dayNotBefore };
    const stored = await this.setReminderFromNextTime(member.id, clock, setting, request.now);
    this.logger.info(
      { cohortId: cohort.id, memberId: member.id, time: stored.member.remindTime, timeZone: stored.member.remindTimeZone },
      "reminder set",
    );
    // The cohort's zone the setting was stored with: an admin may have moved it since it was read above.
    const storedWith: Cohort = { ...cohort, settings: { ...cohort.settings, timeZone: stored.cohortTimeZone } };
    return reminderSettingView(storedWith, stored.member, ReminderChange.Set, request.now);
  }

  /** `/remind off:True`: the reminder goes off; a chosen zone stays (it is the member's day too). */
  private async switchReminderOff(
    request: ReminderRequest,
    member: MemberRecord,
    view: (updated: MemberRecord, change: ReminderChange) => ReminderSettingView,
    remindersOver: boolean,
  ): Promise<ReminderSettingView> {
    if (member.remindTime === null) return view(member, ReminderChange.AlreadyOff);
    const updated = await this.members.setReminder(member.id, null, localeOfCaller(request));
    this.logger.info({ cohortId: member.cohortId, memberId: member.id }, "reminder switched off");
    return view(updated, remindersOver ? ReminderChange.TurnedOffForGood : ReminderChange.TurnedOff);
  }

  /** `/remind` says why no reminder comes rather than promise one (remindersOver). */
  private refuseWhenRemindersAreOver(cohort: Cohort, ownCourseOver: boolean, calendar: BreakCalendar): void {
    const over = this.remindersOver(cohort, ownCourseOver, calendar);
    if (over !== null) throw over;
  }

  /**
   * Why no more reminders come (the error `/remind` answers with), or null while they do: the member's course
   * is over (their own last study day passed, or an admin ended the cohort). A member who finishes late is
   * reminded after the cohort's closing post, until their own end.
   */
  private remindersOver(cohort: Cohort, ownCourseOver: boolean, calendar: BreakCalendar): UserError | null {
    if (ownCourseOver) return new UserError("remind.courseFinished", { cohort: cohort.name });
    // An ended one (`/cohort end`) never sends a reminder again; ended on its planned last day, it finished.
    if (cohort.status === CohortStatus.Ended) return closedCohortError(cohort, calendar, ClosedWordings.remind);
    return null;
  }

  /**
   * A reminder set (or moved) starts with its next time, as the reply says: yesterday's, and today's when
   * its time is past, are recorded as skipped, or the scheduler would take them for ones it missed (it
   * catches up on reminders up to 2 hours late, across midnight too) and send one at once. Stored in the
   * same transaction as the new setting, so no tick (of any process) sees the new time without them, and a
   * setting that cannot be stored leaves the old one's. The marks an earlier setting left go at the same
   * time: their dates were in its zone, and after a move west one of them can be a day whose reminder is
   * still to come. `timeZone` is the member's own (null: they follow `cohortZone`); `locale`, `dayNotBefore`: ReminderSetting's.
   */
  private async setReminderFromNextTime(
    memberId: number,
    clock: Clock,
    {
      timeZone,
      locale,
      dayNotBefore,
    }: { readonly timeZone: string | null; readonly locale: UserLocale | null; readonly dayNotBefore: string | null },
    now: Date,
  ): Promise<{ member: MemberRecord; cohortTimeZone: string }> {
    // The cohort's zone is the one read in the setting's transaction (a zone move may commit meanwhile).
    const marksIn = (cohortZone: string) => {
      // The effective zone: a stored one the runtime does not know is kept, but the cohort's is followed.
      const zone = memberTimeZone(timeZone, cohortZone);
      const today = localDateOf(now, zone);
      const todayPast = localDateOf(nextDailyInstant(now, clock, zone), zone) !== today;
      return [
        { localDate: addDays(today, -1), reason: reminderSetAfterDay },
        ...(todayPast ? [{ localDate: today, reason: reminderSetAfterTime }] : []),
      ];
    };
    const setting = { time: formatClock(clock), timeZone, locale, dayNotBefore };
    // Every setting change's reasons are replaced, even those not written now: they may be an earlier setting's.
    return this.reminders.setReminderSkipping(memberId, setting, marksIn, now, settingChangeReasons);
  }

  /**
   * The cohort's zone moves the reminders of members without a zone of their own (or with one this runtime
   * does not know, kept stored: see memberTimeZone): as after `/remind`, they start with their next time in
   * the new zone. Yesterday's there, and today's whose time is past, are recorded as skipped, and the marks
   * an earlier setting left in the old zone's dates go (a fixed number of statements whatever the number
   * of members: see ReminderRepository.updateCohortMovingZone), in the same transaction as the cohort's update, so
   * no tick sees the new zone without them and an update that fails (a name taken meanwhile) leaves them
   * as they were. Null when the new name is taken.
   */
  private async moveZone(
    cohortId: number,
    changes: CohortChanges,
    zone: string,
    now: Date,
    weekPosts: WeekPostChanges | null,
    line: NewAuditEntry | undefined,
    redraws: BoardRedraws,
  ): Promise<Cohort | null> {
    const today = localDateOf(now, zone);
    const passed = latestPassedClock(today, zone, now);
    const marks = [
      { localDate: addDays(today, -1), upTo: "23:59", reason: zoneChangedAfterDay },
      ...(passed === null ? [] : [{ localDate: today, upTo: passed, reason: zoneChangedAfterTime }]),
    ];
    return this.reminders.updateCohortMovingZone(cohortId, changes, marks, now, settingChangeReasons, weekPosts, line, redraws);
  }

  async memberCount(cohortId: number): Promise<number> {
    return this.members.countActive(cohortId);
  }

  /** Each cohort's active members (0 for one nobody is in), counted together. */
  async memberCounts(cohortIds: readonly number[]): Promise<Map<number, number>> {
    return this.members.countActiveByCohort(cohortIds);
  }

  private async assertPostable(guildId: string, channelId: string): Promise<void> {
    const { check, missing } = await this.channels.checkPostable(guildId, channelId);
    if (check === ChannelCheck.Ok) return;
    if (check === ChannelCheck.NotText) throw new UserError("permissions.channelNotText", { channelId });
    if (missing.length === 0) throw new UserError("permissions.channelNotPostable", { channelId });
    throw new UserError("permissions.channelMissingPermissions", { channelId, permissions: missing });
  }
}

/** `/remind`'s view of the member's setting in `cohort` (its zone is theirs unless they chose one). */
function reminderSettingView(cohort: Cohort, updated: MemberRecord, change: ReminderChange, now: Date): ReminderSettingView {
  const time = updated.remindTime;
  const timeZone = memberTimeZone(updated.remindTimeZone, cohort.settings.timeZone);
  // A stored zone the runtime no longer knows is not one kept for the member: they follow the cohort's.
  const chosenZone = updated.remindTimeZone !== null && isValidTimeZone(updated.remindTimeZone) ? updated.remindTimeZone : null;
  const today = memberToday(now, timeZone, updated.dayNotBefore);
  const dayHeld = today === memberDateOf(now, timeZone) ? null : today;
  if (time === null) return { cohort, member: updated, change, time: null, timeZone: null, chosenZone, nextAt: null, dayHeld };
  return { cohort, member: updated, change, time, timeZone, chosenZone, nextAt: nextDailyInstant(now, time, timeZone), dayHeld };
}

/** Why a reminder day was skipped when `/remind` was set (stored with the day; see setReminderFromNextTime). */
const reminderSetAfterDay = "reminder set after that day";
const reminderSetAfterTime = "reminder set after its time today";
const zoneChangedAfterDay = "cohort time zone changed after that day";
const zoneChangedAfterTime = "cohort time zone changed after its time today";
const settingChangeReasons = [reminderSetAfterDay, reminderSetAfterTime, zoneChangedAfterDay, zoneChangedAfterTime] as const;

const statusActions = {
  [CohortStatus.Active]: AuditAction.Resume,
  [CohortStatus.Paused]: AuditAction.Pause,
  [CohortStatus.Ended]: AuditAction.End,
} as const satisfies Record<AdminStatus, AuditAction>;

/** The statuses an admin sets (a cohort becomes finished by itself). */
export type AdminStatus = Exclude<CohortStatus, typeof CohortStatus.Finished>;

/** The answer to pause, resume and end: the cohort as stored after the change. */
export interface StatusChangeView {
  readonly cohort: Cohort;
  /** Finished: its closing post went out (false when it was skipped or failed for good, and for any other status). */
  readonly closingSent: boolean;
}

/** A status an admin set, and the one the cohort had just before (for the audit trail). */
interface StatusChange {
  readonly updated: Cohort;
  readonly from: RunningStatus;
}

/** An end meets at most a pause and a resume committed meanwhile; more changes than that in a row is refused. */
const maxEndAttempts = 3;

/** Why a cohort as it is cannot be given `status` by an admin, or null when it can. */
function statusRefusal(cohort: Cohort, status: AdminStatus): UserError | null {
  if (cohort.status === CohortStatus.Ended) return new UserError("cohort.alreadyEnded", { name: cohort.name });
  if (cohort.status === CohortStatus.Finished) return new UserError("cohort.finished", { name: cohort.name });
  if (status === CohortStatus.Paused && cohort.status === CohortStatus.Paused)
    return new UserError("cohort.alreadyPaused", { name: cohort.name });
  if (status === CohortStatus.Active && cohort.status !== CohortStatus.Paused)
    return new UserError("cohort.notPaused", { name: cohort.name });
  return null;
}

/** What an audit line keeps of a cohort's settings. */
function auditValuesOf(cohort: Cohort): AuditValues {
  const { settings } = cohort;
  return {
    name: cohort.name,
    channelId: cohort.channelId,
    start: settings.startDate,
    timeZone: settings.timeZone,
    announceDay: settings.announceDay,
    announceTime: settings.announceTime,
    includeOptional: settings.includeOptional,
    language: cohort.language,
    leaderboard: cohort.leaderboard,
    excludeRoleId: cohort.excludeRoleId,
  };
}

/**
 * An edit's audit values: the settings `changes` change on `cohort`, before and after, and the channel's flag
 * the edit of the channel cleared (in `before` only: the scheduler reads it as the channel usable again, for
 * the closing post that waited on it, also when the same channel was picked again).
 */
function editValues(cohort: Cohort, changes: CohortChanges): { before: AuditValues; after: AuditValues } {
  const values = changedValues(auditValuesOf(cohort), auditValuesOf({ ...cohort, ...changes }));
  const cleared = changes.channelProblem === null && cohort.channelProblem !== null;
  return cleared ? { ...values, before: { ...values.before, channelProblem: cohort.channelProblem } } : values;
}

/** Only the values an edit changed, before and after. */
function changedValues(before: AuditValues, after: AuditValues): { before: AuditValues; after: AuditValues } {
  const keys = Object.keys(after).filter((key) => before[key] !== after[key]);
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key] ?? null])),
    after: Object.fromEntries(keys.map((key) => [key, after[key] ?? null])),
  };
}

/**
 * A new cohort (or a new start date) whose whole course already lies in the past would never post, remind or rank
 * anyone, and /join would offer to catch up on a course that is over: the start date is refused.
 * A start date in the course's last weeks stays allowed (a cohort set up once it is running).
 */
function assertCourseNotOver(settings: CohortSettings, totalWeeks: number, now: Date, breakWeeks: readonly number[] = []): void {
  const calendar = { startDate: settings.startDate, timeZone: settings.timeZone, curriculumWeeks: totalWeeks, breakWeeks };
  if (!courseHasEnded(calendar, now)) return;
  throw new UserError("cohort.startCourseOver", {
    start: { localDate: settings.startDate },
    // Break weeks are part of the course's length, as the members' calendar counts them.
    weeks: calendarWeekCount(calendar),
    lastDay: { localDate: addDays(courseEndDate(calendar), -1) },
  });
}

/**
 * A start so far ahead that the course would come too close to the year 9999 cannot be planned (its dates, with
 * their room for extensions and breaks, cannot be written): refused, as a date that does not exist is, instead of
 * failing every reply and tick that plans it. Checked whether or not `now` is known.
 */
function assertCourseFitsCalendar(startDate: string, calendarWeeks: number): void {
  if (courseFitsCalendar(startDate, calendarWeeks)) return;
  throw new UserError("cohort.startTooFar", { start: { localDate: startDate }, latest: { localDate: latestCourseStart(calendarWeeks) } });
}

/** A name as people will read it: invisible and reordering characters dropped (replies drop them anyway), one way of writing accents, single spaces. */
function normaliseName(raw: string): string {
  const name = nameAsShown(raw);
  // Joiners, fillers and the like are not dropped (some belong in text), but a name of only them shows nothing.
  // A name typed with only invisible characters is told so: "1 to 80 characters" alone would not say why.
  if (!showsSomething(name)) throw new UserError(raw.trim() === "" ? "cohort.nameInvalid" : "cohort.nameShowsNothing");
  // Counted in code points (as Discord's API counts choice names; its max_length count is undocumented): safe either way.
  if (codePointCount(name) > maxNameLength) throw new UserError("cohort.nameInvalid");
  return name;
}

/**
 * The settings `input` asks for on top of `base`, normalised (canonical zone,
 * HH:MM); a bad value changes nothing. Validity is domain/'s validateCohortSettings.
 */
export function buildSettings(
  base: Omit<CohortSettings, "startDate"> & { startDate?: string },
  input: CohortSettingsInput,
): CohortSettings {
  const zone = input.timeZone === undefined ? base.timeZone : input.timeZone.trim();
  if (input.timeZone !== undefined) refuseAbbreviatedZone(zone);
  const clock = input.announceTime === undefined ? null : parseClock(input.announceTime);
  const settings: CohortSettings = {
    startDate: input.start === undefined ? (base.startDate ?? "") : (parseLocalDate(input.start) ?? input.start),
    timeZone: isValidTimeZone(zone) ? canonicalTimeZone(zone) : zone,
    studyDays: base.studyDays,
    includeOptional: input.includeOptional ?? base.includeOptional,
    announceDay: input.announceDay ?? base.announceDay,
    announceTime: input.announceTime === undefined ? base.announceTime : clock === null ? input.announceTime : formatClock(clock),
    checkpointTime: base.checkpointTime,
    // A new cohort gets the current rule (the defaults'), an edited one keeps its own.
    planRule: base.planRule,
  };
  const [problem] = validateCohortSettings(settings);
  if (problem !== undefined) throw settingsProblemError(problem, settings);
  return settings;
}

function settingsProblemError(problem: CohortSettingsProblem, settings: CohortSettings): UserError {
  switch (problem) {
    case CohortSettingsProblem.StartDate:
      return invalidDateError(settings.startDate);
    case CohortSettingsProblem.TimeZone:
      return unknownTimeZoneError(settings.timeZone);
    case CohortSettingsProblem.AnnounceTime:
      return new UserError("input.invalidClock", { value: settings.announceTime.slice(0, 20) });
    case CohortSettingsProblem.AnnounceDay:
      return new UserError("input.invalidWeekday", { value: String(settings.announceDay) });
    default:
      // Study days and the checkpoint time are not options of any command: a bad one is a bug, not a user's mistake.
      throw new RangeError(`Invalid cohort settings: ${problem}`);
  }
}

/** The board settings given, as repository columns; @everyone (or no role) means nobody is excluded. */
function boardColumns(input: CohortBoardInput & { readonly guildId: string }): {
  leaderboard?: CohortBoard;
  excludeRoleId?: string | null;
} {
  const leaderboard = checkBoard(input.leaderboard);
  const excludeRoleId = input.excludeRoleId === input.guildId ? null : input.excludeRoleId;
  return {
    ...(leaderboard === undefined ? {} : { leaderboard }),
    ...(excludeRoleId === undefined ? {} : { excludeRoleId }),
  };
}

/**
 * Whether `findByOption` would certainly find `cohort` for this option: its
 * id, or (for an option that is not all digits, which findByOption tries as
 * an id first) its exact name.
 */
function namesCohort(option: string, cohort: Cohort): boolean {
  const id = cohortIdOption(option);
  return id === null ? option === cohort.name : id === cohort.id;
}

/** The cohort id a `cohort:` option names (buttons and autocomplete send ids), or null for none or a name (resolveAmong's reading). */
export function cohortIdOption(option: string | null): number | null {
  const value = option?.trim() ?? "";
  return rowIdOf(value);
}

/**
 * When Optional items turned on at `now` count from (`Cohort.optionalFrom`): that moment (ISO) once the course has
 * begun, read per member as the day it fell in, in their zone (`memberOptionalFrom`), so what was due before in
 * their days stays off their overdue list (no wall at once); null before.
 */
function optionalFromOf(settings: CohortSettings, now: Date): string | null {
  return localDateOf(now, settings.timeZone) > settings.startDate ? now.toISOString() : null;
}

/**
 * The best matches of `query` among `cohorts`, at most Discord's 25 choices, each valued by its cohort's id; equal
 * matches in natural name order ("Bulk 2" before "Bulk 10").
 */
function choicesOf(cohorts: readonly CohortName[], query: string, locale: string): Choice[] {
  const byName = naturalNameOrder(locale);
  const listed = cohorts
    .map((cohort) => ({ cohort, score: matchScore(cohort.name, query) }))
    .filter((entry) => entry.score >= 0)
    .sort((a, b) => b.score - a.score || byName(a.cohort, b.cohort))
    .slice(0, maxChoices)
    .map(({ cohort }) => cohort);
  // Names alike once hidden characters are dropped carry their id, as the item choices' cohort labels do.
  const names = lookAlikeNames(listed, (name, idSuffix) => choiceNameWithSuffix(name, idSuffix));
  return listed.map((cohort, at) => ({ name: names[at] ?? cohort.name, value: String(cohort.id) }));
}

/** The cohort's course calendar, its curriculum having `curriculumWeeks` weeks; null when those cannot be read (null). */
function courseCalendar(cohort: Cohort, curriculumWeeks: number | null): BreakCalendar | null {
  if (curriculumWeeks === null) return null;
  const { startDate, timeZone } = cohort.settings;
  return { startDate, timeZone, curriculumWeeks, breakWeeks: cohort.breakWeeks };
}

/** The zone the member's day is in now: their own, else the cohort's. */
function memberZoneOf(member: MemberRecord, cohort: Cohort): string {
  return memberTimeZone(member.remindTimeZone, cohort.settings.timeZone);
}
