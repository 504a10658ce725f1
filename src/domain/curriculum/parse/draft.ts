/** The curriculum while it is being read: mutable, with the line of everything for problems. */
import type { ItemKind } from "../curriculumModel.js";
import type { WeekHeading } from "./weekHeading.js";

/** Which of the two document formats a draft came from; messages show an example in that format. */
export const DocumentFormat = { Plain: "plain", Markdown: "markdown" } as const;
export type DocumentFormat = (typeof DocumentFormat)[keyof typeof DocumentFormat];

export interface DraftItem {
  readonly title: string;
  readonly kind: ItemKind;
  readonly minutes: number | null;
  readonly group: string | null;
  readonly track: string | null;
  readonly line: number;
}

export interface DraftSection {
  /** The heading as written, for messages. */
  readonly heading: string;
  readonly title: string;
  readonly weekStart: number;
  readonly weekEnd: number;
  /** A heading that was already reported as broken; it only collects its items. */
  readonly broken: boolean;
  readonly line: number;
  estimatedMinutes: number | null;
  readonly summary: string[];
  checkpoint: string | null;
  checkpointLine: number | null;
  readonly items: DraftItem[];
  /** Item lines already reported as broken, so the section is not also called empty. */
  rejectedItems: number;
}

export interface DraftCurriculum {
  title: string | null;
  /** Where the title is, for a title that is too long. */
  titleLine: number;
  description: string;
  readonly sections: DraftSection[];
  readonly outcomes: string[];
  readonly checklist: Array<{ readonly title: string; readonly items: string[] }>;
  readonly notes: string[];
  readonly format: DocumentFormat;
}

export function emptyDraft(format: DocumentFormat): DraftCurriculum {
  return { title: null, titleLine: 1, description: "", sections: [], outcomes: [], checklist: [], notes: [], format };
}

export function newSection(heading: string, week: WeekHeading, line: number): DraftSection {
  return {
    heading,
    title: week.title,
    weekStart: week.weekStart,
    weekEnd: week.weekEnd,
    broken: week.problem !== null,
    line,
    estimatedMinutes: null,
    summary: [],
    checkpoint: null,
    checkpointLine: null,
    items: [],
    rejectedItems: 0,
  };
}
