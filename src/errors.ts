/** An item offered when a typed title matches several: the Discord layer words it, with what tells it apart. */
export interface ItemChoice {
  readonly title: string;
  readonly sectionTitle: string;
  readonly weekStart: number;
  readonly weekEnd: number;
  /** Its group, where the reply must show it to tell this item apart (null: not shown). */
  readonly group: string | null;
  /** 1-based place among the items of that title, in curriculum order ("#2"), where the reply must show it (null: not shown). */
  readonly ordinal: number | null;
}

type NoParams = Record<string, never>;

/** Why a typed date was refused (domain LocalDateProblem's values): not in the YYYY-MM-DD form, a year before 1000, or no such day. */
type DateProblem = "format" | "year" | "no_such_date";

/** A cohort-local calendar date (YYYY-MM-DD) in a message: the wording layer writes it in the reader's language. */
export interface LocalDateParam {
  readonly localDate: string;
}

/**
 * The codes of domain/'s ChannelProblem, spelt out because this leaf imports no
 * layer; services pass a ChannelProblem here, so tsc reports any drift.
 */
type ChannelProblemCode = "channel_missing" | "no_permission";
/** services' PostPermission codes. */
type PostPermissionCode = "view_channel" | "send_messages" | "embed_links";

/**
 * Every mistake a user can make, by code, with the values its message needs.
 * Names, titles and echoed input stay raw here: whoever words the message
 * (the Discord catalogue, the CLI) makes them inert.
 */
export interface UserErrorParams {
  "generic.unknownCommand": NoParams;
  /** A command Discord still has in an older shape (a choice, an option or its type changed since): not what the bot reads now. */
  "generic.outdatedCommand": NoParams;
  "generic.unknownButton": NoParams;
  "generic.staleButton": NoParams;
  "generic.guildOnly": NoParams;
  /** Discord refused a reply's file as larger than it accepts there; `cohortExport` for `/cohort export` (it has another format to try). */
  "generic.fileTooLarge": { readonly cohortExport: "yes" | "no" };
  "permissions.manageServerRequired": NoParams;
  "permissions.channelNotPostable": { readonly channelId: string };
  /** The post permissions the bot lacks in the channel (services' PostPermission codes, spelt out as below). */
  "permissions.channelMissingPermissions": { readonly channelId: string; readonly permissions: readonly PostPermissionCode[] };
  "permissions.channelNotText": { readonly channelId: string };
  "cohort.noneInServer": NoParams;
  "cohort.notMemberOfAny": NoParams;
  "cohort.ambiguous": { readonly names: readonly string[] };
  /** `/progress member:` without `cohort:`: the cohorts the caller shares with that member. */
  "cohort.ambiguousShared": { readonly names: readonly string[] };
  /** `/progress member:` about someone in none of the caller's cohorts. */
  "cohort.noneShared": NoParams;
  "cohort.ambiguousAdmin": { readonly names: readonly string[] };
  /** A name typed in other capitals that several cohorts have (alike from before the name key). */
  "cohort.ambiguousName": { readonly name: string; readonly names: readonly string[] };
  "cohort.unknown": { readonly value: string };
  "cohort.notJoined": { readonly name: string };
  "cohort.nameTaken": { readonly name: string };
  /** An edit refused by a unique key while no other cohort has the name: a weekly post row it renames changed meanwhile, or the clash is gone. */
  "cohort.changedMeanwhile": NoParams;
  "cohort.nameInvalid": NoParams;
  /** A name of only characters that show nothing (zero-width spaces, fillers): "nameInvalid" would not say why. */
  "cohort.nameShowsNothing": NoParams;
  "cohort.ended": { readonly name: string };
  /** "cohort.ended" for a cohort an admin ended on its planned last day or later (`endedEarlyOn`): it finished. */
  "cohort.finishedNoCompletions": { readonly name: string };
  /** An admin's post or schedule change for an ended cohort (members get "cohort.ended"). */
  "cohort.endedNoChange": { readonly name: string };
  /** An admin's schedule change for a finished cohort (after its closing post). */
  "cohort.finishedNoChange": { readonly name: string };
  "cohort.alreadyPaused": { readonly name: string };
  "cohort.notPaused": { readonly name: string };
  "cohort.alreadyEnded": { readonly name: string };
  "cohort.nothingToEdit": NoParams;
  "cohort.startCourseOver": { readonly start: LocalDateParam; readonly weeks: number; readonly lastDay: LocalDateParam };
  /** A start so far ahead that the course would come too close to the year 9999; `latest`: the latest start accepted. */
  "cohort.startTooFar": { readonly start: LocalDateParam; readonly latest: LocalDateParam };
  // Privacy (issue 13).
  "posts.boardOff": { readonly name: string };
  "privacy.notInServer": NoParams;
  /** The member's previous `/privacy export:True` is still being built or uploaded. */
  "privacy.exportAlreadyRunning": NoParams;
  "privacy.confirmExpired": NoParams;
  "privacy.invalidGuild": { readonly value: string };
  "privacy.progressPrivate": NoParams;
  "cohort.otherNotMember": { readonly name: string };
  "curriculum.unknown": { readonly value: string };
  "curriculum.none": NoParams;
  "curriculum.pickOne": { readonly titles: readonly string[] };
  "curriculum.fileTooLarge": { readonly maxKb: number };
  "curriculum.fileNotText": NoParams;
  "curriculum.fileUnreadable": NoParams;
  "curriculumImport.unknown": NoParams;
  "curriculumImport.notYours": NoParams;
  "curriculumImport.alreadyApplied": NoParams;
  "curriculumImport.cancelled": NoParams;
  "curriculumImport.expired": NoParams;
  "curriculumImport.stale": NoParams;
  "curriculumImport.slugTaken": { readonly title: string; readonly slug: string };
  "curriculumImport.importerUnavailable": { readonly seconds: number };
  "curriculumImport.importerFailed": NoParams;
  "input.invalidDate": { readonly value: string; readonly reason: DateProblem };
  "input.invalidTimeZone": { readonly value: string };
  /** An unknown zone close to known ones ("Europe/Berln", "New York"): `suggestions`, best first. */
  "input.timeZoneTypo": { readonly value: string; readonly suggestions: readonly string[] };
  /** "EST" typed as a zone: `readAs` is the place the runtime would take it for. */
  "input.timeZoneAbbreviation": { readonly value: string; readonly readAs: string };
  "input.invalidClock": { readonly value: string };
  "input.invalidWeekday": { readonly value: string };
  "input.invalidWeek": { readonly total: number };
  "input.invalidLanguage": { readonly value: string };
  "item.unknown": { readonly value: string };
  /** A "c<cohortId>/i<itemId>" choice of one cohort sent with `cohort:` naming another. */
  "item.otherCohort": { readonly picked: string; readonly cohort: string };
  /** A "c<cohortId>/i<itemId>" value naming no item of the cohort (stale or hand-made). */
  "item.pickAgain": NoParams;
  /** The first of the items a typed title names, and how many more it names (counted, not listed). */
  "item.ambiguous": { readonly choices: readonly ItemChoice[]; readonly unlisted: number };
  /** `timed`: whether the item has a time estimate (without, it is a topic of a path such as the 36-week one). */
  "item.notDone": { readonly title: string; readonly timed: "yes" | "no" };
  /** `/cohort credit undo:True` of an item the member has not done: `userId` is the member. */
  "credit.notDone": { readonly title: string; readonly userId: string; readonly timed: "yes" | "no" };
  // Member plans (issue 12): /pace, /break, /done when:yesterday.
  "pace.invalidDays": { readonly min: number; readonly max: number };
  /** `reset`: whether the sentence pointing at `/pace mode:reset` fits ("no" once the cohort's calendar is over, when it is refused). */
  "pace.extendLimit": { readonly max: number; readonly reset: "yes" | "no" };
  "pace.nothingToCatchUp": NoParams;
  /** `/pace mode:reset` (or its button, drawn before) with no extension or catch-up in force: nothing to clear. */
  "pace.nothingToReset": NoParams;
  /** A catch-up whose plan kept changing under it (other pace changes committed meanwhile): nothing stored. */
  "pace.changedMeanwhile": NoParams;
  "pace.courseOver": { readonly name: string };
  /** `/pace mode:reset` after the course's last day, by a member still reading in their own weeks: it would end their course. */
  "pace.resetAfterCourse": { readonly name: string };
  /** A pace change in a cohort an admin ended before its planned last day (members' "cohort.ended", in /pace's words). */
  "pace.cohortEnded": { readonly name: string };
  /** As "pace.cohortEnded", for an end on the planned last day or later: it finished. */
  "pace.cohortFinished": { readonly name: string };
  "break.notADate": { readonly value: string; readonly reason: DateProblem };
  "break.endsBeforeStart": NoParams;
  "break.tooLong": { readonly max: number };
  "break.startsInThePast": NoParams;
  "break.tooMany": { readonly max: number };
  "break.overlaps": { readonly fromDate: LocalDateParam; readonly toDate: LocalDateParam };
  "done.noYesterday": NoParams;
  /** The cohort had a study day before today, but the member joined (or came back, `returned`) after it. */
  "done.notInCohortYesterday": { readonly returned: "yes" | "no" };
  // Facilitators (/cohort export).
  "export.tooLarge": { readonly maxMb: number };
  /** Another `/cohort export` of the server is still being built or uploaded. */
  "export.alreadyRunning": NoParams;
  "remind.offWithTime": NoParams;
  "remind.needTime": NoParams;
  "checkpoint.noSections": NoParams;
  "checkpoint.unknownSection": NoParams;
  "posts.noCheckpoint": NoParams;
  /** `/cohort announce` of week 1's assignment before its post is due, or of the current checkpoint before the course's first day. */
  "posts.notStarted": { readonly name: string; readonly start: LocalDateParam; readonly kind: "week" | "checkpoint" | "leaderboard" };
  "posts.channelProblem": { readonly problem: ChannelProblemCode; readonly channelId: string };
  "posts.announceFailed": NoParams;
  /** An announcement of several messages of which only the first `posted` went out; announcing it again posts the rest. */
  "posts.announcePartial": {
    readonly kind: "week" | "checkpoint" | "leaderboard";
    readonly week: number;
    readonly section: string;
    readonly posted: number;
    readonly parts: number;
    readonly missing: number;
    readonly channelId: string;
    readonly problem: ChannelProblemCode | "transient";
  };
  /** `/cohort announce` of an announcement another attempt is sending right now (another admin's): this one posts nothing. */
  "posts.announceInProgress": {
    readonly kind: "week" | "checkpoint" | "leaderboard";
    readonly week: number;
    readonly section: string;
    readonly channelId: string;
  };
  "posts.simulationUnknown": { readonly value: string };
  "posts.simulationAmbiguous": { readonly cohorts: readonly string[] };
  // Issue 12 (cohort side): the end of the course and break weeks.
  "cohort.finished": { readonly name: string };
  "checkpoint.courseFinished": { readonly name: string };
  "checkpoint.courseFinishedReadOn": { readonly name: string };
  /** A checkpoint button of a cohort an admin ended: it takes no more answers. */
  "checkpoint.cohortEnded": { readonly name: string };
  /** As "checkpoint.cohortEnded", for an end on the planned last day or later (not the closing post: "checkpoint.courseFinished"). */
  "checkpoint.cohortFinished": { readonly name: string };
  /** A Nudge button of a cohort ended since the roster was shown. */
  "nudge.cohortEnded": { readonly name: string };
  "nudge.cohortFinished": { readonly name: string };
  /** A Nudge button of a member whose own course is over (their last study day passed): nothing is left to read. */
  "nudge.courseOver": { readonly member: string };
  /** Discord refused the Nudge DM for a moment (a server error or a rate limit past its retries). */
  "nudge.failed": { readonly member: string };
  "break.cohortEnded": { readonly name: string };
  "break.cohortFinished": { readonly name: string };
  "remind.courseFinished": { readonly cohort: string };
  "remind.cohortEnded": { readonly name: string };
  "remind.cohortFinished": { readonly name: string };
  "break.notAWeek": BreakParams;
  "break.alreadyBreak": BreakParams;
  "break.notABreak": BreakParams;
  "break.alreadyStarted": BreakParams;
  "break.postSent": BreakParams;
  /** One more break week would bring the course too close to the year 9999 (see cohort.startTooFar). */
  "break.pastCalendar": BreakParams;
}

/** What every `/cohort break` refusal can say. */
interface BreakParams {
  readonly name: string;
  readonly week: number;
  readonly total: number;
}
export type UserErrorCode = keyof UserErrorParams;

/**
 * A mistake the user can fix (unknown item, bad date, missing permission…):
 * a code and the values its message needs, never prose. The Discord layer
 * words it in the reader's language; anything else thrown is a bug, which the
 * router answers with a generic message and a reference id in the log.
 */
export class UserError<Code extends UserErrorCode = UserErrorCode> extends Error {
  readonly params: UserErrorParams[Code];

  constructor(
    readonly code: Code,
    ...params: UserErrorParams[Code] extends NoParams ? [] : [UserErrorParams[Code]]
  ) {
    super(code);
    this.name = "UserError";
    this.params = (params[0] ?? {}) as UserErrorParams[Code];
  }
}

/** `instanceof UserError` that keeps the code's type: a bare `instanceof` on the generic class narrows to UserError<any>. */
export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
