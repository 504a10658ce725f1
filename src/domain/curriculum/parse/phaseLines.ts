/** Lines inside a Markdown phase: objective, reading time, checkpoint, sub-groups, "choose one" tracks and topics. */
import { ItemKind } from "../curriculumModel.js";
import { DocumentFormat, type DraftSection } from "./draft.js";
import {
  applyEstimate,
  endsWithDuration,
  parseKindedItem,
  reportItemWithoutCheckbox,
  reportRepeatedCheckpoint,
  STRONGLY_KINDED_ITEM,
} from "./items.js";
import { BOLD_LABEL, MARKDOWN_BULLET, MARKDOWN_CHECKBOX, cleanInline } from "./markdownText.js";
import { ProblemCode } from "./problemCodes.js";
import type { ProblemList } from "./ProblemList.js";
import { excerpt, type LineLedger } from "./sourceLines.js";
import { showsSomething } from "../../text/hiddenCharacters.js";

export interface PhaseState {
  readonly group: string | null;
  readonly chooseOne: boolean;
}

interface PhaseLine {
  readonly section: DraftSection;
  readonly line: number;
  readonly problems: ProblemList;
  readonly ledger: LineLedger;
}

/** Reads one line of a phase and returns the group state for the next one. */
export function readPhaseLine(
  section: DraftSection,
  text: string,
  line: number,
  state: PhaseState,
  problems: ProblemList,
  ledger: LineLedger,
): PhaseState {
  const at: PhaseLine = { section, line, problems, ledger };
  const bullet = MARKDOWN_BULLET.exec(text);
  if (bullet !== null) {
    const body = (bullet[1] ?? "").trim();
    if (!reportedAsItemWithoutCheckbox(at, text, body)) readTopic(at, body, state);
    return state;
  }
  const label = BOLD_LABEL.exec(text);
  if (label !== null)
    return readLabel(at, cleanInline((label[1] ?? "").replace(/:\s*$/, "")), (label[2] ?? "").replace(/^:\s*/, "").trim(), state);
  if (section.items.length === 0) {
    section.summary.push(cleanInline(text));
    ledger.use(line);
  } else {
    // Prose after the topics would otherwise vanish: the author meant something by it.
    problems.add(line, ProblemCode.UnexpectedLine, {
      text: excerpt(text),
      section: excerpt(section.heading),
      format: DocumentFormat.Markdown,
    });
  }
  return state;
}

/**
 * "- Required -- Title (30 min)", "- Optional: Title (30 min)", "- **Optional** -- Title (30 min)": a topic only
 * by mistake (its kind and time would stay in its title), so refused. Read after cleanInline, so bold is no disguise.
 */
const KIND_LED_BULLET = /^(?:required|optional|reference)\s*(?:--|—|–|:)(.*)$/i;

function reportedAsItemWithoutCheckbox(at: PhaseLine, text: string, body: string): boolean {
  const rest = KIND_LED_BULLET.exec(cleanInline(body))?.[1];
  if (rest === undefined || !endsWithDuration(rest)) return false;
  reportItemWithoutCheckbox(at.problems, at.line, { text, heading: at.section.heading, rest });
  at.section.rejectedItems++;
  return true;
}

function pushTopic(
  at: PhaseLine,
  title: string,
  kind: ItemKind,
  group: string | null,
  track: string | null,
  minutes: number | null = null,
): void {
  if (!showsSomething(title)) {
    at.problems.add(at.line, ProblemCode.EmptyTopic, { section: excerpt(at.section.heading) });
    at.section.rejectedItems++;
    return;
  }
  at.section.items.push({ title, kind, minutes, group, track, line: at.line });
  at.ledger.use(at.line);
}

/** "- topic", "- [ ] Required -- Title (30 min)", or in a "choose one" group "- **Track:** details". */
function readTopic(at: PhaseLine, body: string, state: PhaseState): void {
  const checkbox = MARKDOWN_CHECKBOX.exec(body);
  if (checkbox !== null && STRONGLY_KINDED_ITEM.test(checkbox[1] ?? "")) {
    const item = parseKindedItem((checkbox[1] ?? "").trim(), at.line, at.problems);
    if (item === null) at.section.rejectedItems++;
    else pushTopic(at, cleanInline(item.title), item.kind, state.group, null, item.minutes);
    return;
  }
  const topic = checkbox === null ? body : (checkbox[1] ?? "");
  const label = state.chooseOne ? BOLD_LABEL.exec(topic) : null;
  if (label !== null) {
    const track = cleanInline((label[1] ?? "").replace(/:\s*$/, ""));
    const details = cleanInline((label[2] ?? "").replace(/^:\s*/, ""));
    // A label that shows nothing is refused, as a group label of nothing is: the item would keep it in its title.
    // Without topics either, the line is an empty topic.
    if (!showsSomething(track)) {
      if (!showsSomething(details)) pushTopic(at, details, ItemKind.Optional, state.group, null);
      else {
        at.problems.add(at.line, ProblemCode.TrackWithoutName, { text: excerpt(details) });
        at.section.rejectedItems++;
      }
      return;
    }
    pushTopic(at, details === "" ? track : `${track}: ${details}`, ItemKind.Optional, state.group, track);
  } else {
    pushTopic(at, cleanInline(topic), ItemKind.Required, state.group, null);
  }
}

/** "**Objective:** …", "**Estimated time:** …", "**Checkpoint:** …", or a group label ("**SQL Deep Dive:**"). */
function readLabel(at: PhaseLine, name: string, rest: string, state: PhaseState): PhaseState {
  const { section, line, problems, ledger } = at;
  if (/^(?:objective|goals?|summary|focus)$/i.test(name)) {
    if (rest !== "") section.summary.push(cleanInline(rest));
    // A phase's Objective is its checkpoint prompt (posted on the phase's last study day) unless it has its own Checkpoint.
    if (rest !== "" && /^objective$/i.test(name) && section.checkpoint === null) section.checkpoint = cleanInline(rest);
    ledger.use(line);
    return state;
  }
  if (/^(?:estimated(?: reading)? time|reading time|time)$/i.test(name)) {
    applyEstimate(section, rest, line, problems);
    ledger.use(line);
    return state;
  }
  if (/^checkpoint$/i.test(name)) {
    readCheckpoint(at, rest);
    return state;
  }
  // A label of only invisible characters shows as nothing: no group.
  const group = showsSomething(name) ? name : null;
  if (rest === "") {
    ledger.use(line);
    return { group, chooseOne: /\b(?:choose|pick)\b/i.test(name) };
  }
  // "**For all:** Design patterns, …" is one topic in its own group.
  pushTopic(at, cleanInline(rest), ItemKind.Required, group, null);
  return { group, chooseOne: false };
}

function readCheckpoint(at: PhaseLine, rest: string): void {
  const { section, line, problems } = at;
  // checkpointLine is null while the checkpoint is the Objective's: an explicit Checkpoint replaces it.
  if (section.checkpoint !== null && section.checkpointLine !== null) {
    reportRepeatedCheckpoint(section, line, problems);
  } else if (rest === "") {
    problems.add(line, ProblemCode.CheckpointNotInline);
  } else {
    section.checkpoint = cleanInline(rest);
    section.checkpointLine = line;
    at.ledger.use(line);
  }
}
