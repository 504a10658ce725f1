/** Markdown syntax shared by the mastery-path reader. */

export const MARKDOWN_HEADING = /^(#{1,6})\s+(.*)$/;
export const MARKDOWN_BULLET = /^(?:[-*+]|\d{1,3}[.)])\s+(.*)$/;
export const MARKDOWN_CHECKBOX = /^\[[ xX✓✔]?\]\s*(.*)$/;
export const BOLD_LABEL = /^\*\*([^*]+?)\*\*\s*(.*)$/;
/** A fence opens with three or more backticks or tildes and an optional info string ("```bash"). */
export const CODE_FENCE = /^(`{3,}|~{3,})/;
export const HORIZONTAL_RULE = /^(?:-{3,}|\*{3,}|_{3,})$/;

/** Removes Markdown emphasis and leading emoji so members read plain text. */
export function cleanInline(text: string): string {
  return text
    .replace(/\*\*|__|`/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(?:[\s\p{Extended_Pictographic}\p{So}\p{Co}]|\uFE0F|\u200D|\u20E3)+/u, "")
    .trim();
}
