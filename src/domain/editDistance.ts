/**
 * Letters added, dropped or changed between two words, two swapped neighbours counting as one
 * ("berln" → "berlin" is 1, "amercia" → "america" is 1). Only distances up to `limit` are worked
 * out: past it the answer is `limit + 1`, found as soon as every way through costs more.
 */
export function editDistance(a: string, b: string, limit: number): number {
  const beyond = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return beyond;
  // Three rolling rows: the one before the previous is needed for a swap of neighbours.
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? beyond) + 1, (current[j - 1] ?? beyond) + 1, (previous[j - 1] ?? beyond) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (beforePrevious[j - 2] ?? beyond) + 1);
      current.push(best);
      rowBest = Math.min(rowBest, best);
    }
    // Every cell of a row only grows further down: once all exceed the limit, so does the answer.
    if (rowBest > limit) return beyond;
    beforePrevious = previous;
    previous = current;
  }
  return Math.min(previous[b.length] ?? beyond, beyond);
}
