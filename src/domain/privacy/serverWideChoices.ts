import { BoardVisibility, isBoardVisibility } from "./boardPresentation.js";

/** A member's `/privacy` choices, which are server-wide: one value for all their cohorts in the server. */
export interface PrivacyChoices {
  readonly boardVisibility: BoardVisibility;
  readonly nudges: boolean;
}

const openness: Record<BoardVisibility, number> = { [BoardVisibility.Name]: 2, [BoardVisibility.Alias]: 1, [BoardVisibility.Hidden]: 0 };

/**
 * The choices a member's memberships in one server stand for. `/privacy` writes them to every membership
 * at once, and a cohort joined later (or again) takes them on; memberships that still disagree (a cohort
 * joined before that was so) stand for the most private of their values, so a choice made in one of them
 * is never undone by the others. No memberships: the defaults (shown by name, nudges on).
 */
export function serverWideChoices(memberships: readonly { readonly boardVisibility: string; readonly nudges: boolean }[]): PrivacyChoices {
  let boardVisibility: BoardVisibility = BoardVisibility.Name;
  let nudges = true;
  for (const membership of memberships) {
    const visibility = isBoardVisibility(membership.boardVisibility) ? membership.boardVisibility : BoardVisibility.Hidden;
    if (openness[visibility] < openness[boardVisibility]) boardVisibility = visibility;
    nudges &&= membership.nudges;
  }
  return { boardVisibility, nudges };
}
