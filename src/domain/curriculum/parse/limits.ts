/**
 * How big a curriculum may be. Learning paths are tens of weeks with tens of
 * items a section (the built-in ones: 36 weeks, 24 items at most in a
 * section, titles under 90 characters); these bounds leave plenty of room
 * for real documents while keeping every import, plan and reply small.
 */

/** The /curriculum import attachment limit (256 KB): such a file has at most this many characters. */
export const MAX_CURRICULUM_CHARACTERS = 256 * 1024;
/** Longer lines are refused before any pattern runs on them, which keeps matching cheap. */
export const MAX_LINE_CHARACTERS = 10_000;
/** Ten years of weekly reading. */
export const MAX_WEEK = 520;
export const MAX_SECTIONS = 520;
export const MAX_ITEMS_PER_SECTION = 200;
/** Curriculum, section, group and item titles; Discord shows 256 at most in an embed title. */
export const MAX_TITLE_CHARACTERS = 200;
export const MAX_ITEM_MINUTES = 24 * 60;
export const MAX_SECTION_MINUTES = 500 * 60;
/** A garbage file must not produce a wall of text. */
export const MAX_REPORTED_PROBLEMS = 50;
