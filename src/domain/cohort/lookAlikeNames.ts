import { nameAsShown } from "../text/nameAsShown.js";

/**
 * Cohort names as a list shows them, each followed by its id ("Spring 2027 #12") when another's reads exactly
 * the same as shown (nameAsShown) (two names stored before such characters were dropped from names):
 * otherwise the list would offer identical choices. The id, typed alone, finds that cohort.
 */
export function lookAlikeNames(cohorts: readonly { readonly id: number; readonly name: string }[]): string[] {
  const shown = cohorts.map((cohort) => nameAsShown(cohort.name));
  const seen = new Map<string, number>();
  for (const name of shown) seen.set(name, (seen.get(name) ?? 0) + 1);
  return cohorts.map((cohort, at) => ((seen.get(shown[at] ?? "") ?? 0) > 1 ? `${cohort.name} #${cohort.id}` : cohort.name));
}
