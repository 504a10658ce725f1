/**
 * The numbers the first `count` namesakes of a name get in join order: 1, 2, 3… with each number whose label is
 * taken (someone's name reads "Sam #1") skipped, so no two labels read the same. `isTaken` says whether a
 * number's label is someone's name, or undefined when that is not known yet (a caller still reading names): then
 * `unknownFrom` is that number and `ordinals` the numbers given before it. Both the roster's numbering
 * (numberedNames) and what it reads for it (RosterService.namesToNumber) count this way. O(count + skipped).
 */
export function namesakeOrdinals(
  count: number,
  isTaken: (ordinal: number) => boolean | undefined,
): { readonly ordinals: number[]; readonly unknownFrom: number | null } {
  const ordinals: number[] = [];
  let ordinal = 0;
  while (ordinals.length < count) {
    ordinal += 1;
    const taken = isTaken(ordinal);
    if (taken === undefined) return { ordinals, unknownFrom: ordinal };
    if (!taken) ordinals.push(ordinal);
  }
  return { ordinals, unknownFrom: null };
}
