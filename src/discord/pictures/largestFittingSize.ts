/**
 * The first of `sizes` (listed largest first) at which `fits` says the text fits, or undefined when none does:
 * a smaller font rather than a cut text, down to the smallest size the caller allows.
 */
export function largestFittingSize(sizes: readonly number[], fits: (size: number) => boolean): number | undefined {
  return sizes.find(fits);
}
