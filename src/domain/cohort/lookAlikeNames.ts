import { nameAsShown } from "../text/nameAsShown.js";
import { labelsWithIdWhereAlike } from "../text/labelsWithIdWhereAlike.js";

/**
 * Cohort names as a list shows them, each followed by its id ("Spring 2027 #12") when another's reads exactly
 * the same as shown (nameAsShown) (two names stored before such characters were dropped from names):
 * otherwise the list would offer identical choices. The id, typed alone, finds that cohort. `fit` writes the
 * name with its id suffix ("" when none), by default as they are.
 */
export function lookAlikeNames(
  cohorts: readonly { readonly id: number; readonly name: string }[],
  fit: (name: string, idSuffix: string) => string = (name, idSuffix) => `${name}${idSuffix}`,
): string[] {
  return labelsWithIdWhereAlike(
    cohorts,
    (cohort) => nameAsShown(cohort.name),
    (cohort, idSuffix) => fit(cohort.name, idSuffix),
  );
}
