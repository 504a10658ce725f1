const FILLED = "▰";
const EMPTY = "▱";

/**
 * "▰▰▰▱▱▱▱▱▱▱" for 3 of 10. Cells fill only when fully earned, so the bar is
 * full only when everything is done; nothing to do shows an empty bar.
 */
export function progressBar(done: number, total: number, width = 10): string {
  const cells = Math.max(0, Math.trunc(width));
  const filled = total > 0 ? Math.min(cells, Math.max(0, Math.floor((done * cells) / total))) : 0;
  return FILLED.repeat(filled) + EMPTY.repeat(cells - filled);
}
