/**
 * What can be wrong with a curriculum document, as codes. The parser never
 * writes prose: the message catalogue (`src/discord/i18n/locales/`, keys `parse.<code>`) holds the words
 * for each code in every language, and each parameter named there is set by
 * the parser (text excerpts are already shortened).
 */
export const ProblemCode = {
  ImporterFailed: "importerFailed",
  ParseTimedOut: "parseTimedOut",
  /** The importer's worker could not load and is restarted after a back-off: nothing is wrong with the file. */
  ImporterUnavailable: "importerUnavailable",
  NotText: "notText",
  FileTooLarge: "fileTooLarge",
  FileEmpty: "fileEmpty",
  MoreProblems: "moreProblems",
  LineTooLong: "lineTooLong",
  ControlCharacters: "controlCharacters",
  CodeBlockUnclosed: "codeBlockUnclosed",
  CodeBlockHidesSection: "codeBlockHidesSection",
  FrontMatterUnclosed: "frontMatterUnclosed",
  FrontMatterHidesSection: "frontMatterHidesSection",
  TitleNotFirst: "titleNotFirst",
  TitleHeadingEmpty: "titleHeadingEmpty",
  TitleMissing: "titleMissing",
  TitleTooLong: "titleTooLong",
  HeadingUnreadable: "headingUnreadable",
  WeekZero: "weekZero",
  WeekRangeBackwards: "weekRangeBackwards",
  WeekBeyondLimit: "weekBeyondLimit",
  HeadingWithoutTitle: "headingWithoutTitle",
  PhaseWithoutWeeks: "phaseWithoutWeeks",
  NoSections: "noSections",
  TooManySections: "tooManySections",
  SectionWithoutItems: "sectionWithoutItems",
  TooManyItems: "tooManyItems",
  DuplicateSection: "duplicateSection",
  DuplicateSectionKey: "duplicateSectionKey",
  FirstWeekNotOne: "firstWeekNotOne",
  WeekGap: "weekGap",
  DuplicateItem: "duplicateItem",
  SectionAfterClosing: "sectionAfterClosing",
  ItemWithoutKind: "itemWithoutKind",
  UnknownKind: "unknownKind",
  ItemWithoutTitle: "itemWithoutTitle",
  DurationUnreadable: "durationUnreadable",
  DurationTooShort: "durationTooShort",
  DurationTooLong: "durationTooLong",
  DurationNotAtEnd: "durationNotAtEnd",
  ItemBeforeFirstSection: "itemBeforeFirstSection",
  ItemOutsidePhase: "itemOutsidePhase",
  ItemAfterClosing: "itemAfterClosing",
  EmptyTopic: "emptyTopic",
  ListLineNotItem: "listLineNotItem",
  ItemWithoutCheckbox: "itemWithoutCheckbox",
  UnexpectedLine: "unexpectedLine",
  GroupWithoutName: "groupWithoutName",
  /** A "choose one" track's bold label shows nothing: its item would have no track and the label in its title. */
  TrackWithoutName: "trackWithoutName",
  NeedsSectionFirst: "needsSectionFirst",
  EstimateRepeated: "estimateRepeated",
  EstimateUnreadable: "estimateUnreadable",
  EstimateTooShort: "estimateTooShort",
  EstimateTooLong: "estimateTooLong",
  CheckpointRepeated: "checkpointRepeated",
  CheckpointWithoutText: "checkpointWithoutText",
  CheckpointNotInline: "checkpointNotInline",
} as const;
export type ProblemCode = (typeof ProblemCode)[keyof typeof ProblemCode];

/** The importer's own refusals (its worker failed, timed out or is restarting): nothing a line of the file could fix. */
const importerProblems: ReadonlySet<ProblemCode> = new Set([
  ProblemCode.ImporterFailed,
  ProblemCode.ParseTimedOut,
  ProblemCode.ImporterUnavailable,
]);

export function isImporterProblem(code: ProblemCode): boolean {
  return importerProblems.has(code);
}

/** Values a message needs: numbers stay numbers so each language formats them its own way. */
export type ProblemParams = Readonly<Record<string, string | number>>;

export interface ParseProblem {
  /** 1-based line of the document the problem is on. */
  readonly line: number;
  readonly code: ProblemCode;
  readonly params: ProblemParams;
}
