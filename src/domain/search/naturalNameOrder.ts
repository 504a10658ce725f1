/** One collator per locale: building one costs far more than a comparison, and autocomplete runs at every keystroke. */
const collators = new Map<string, Intl.Collator>();

/**
 * How names sort in a list read in `locale`: numbers by value ("Bulk 2" before "Bulk 10"), letters as the
 * locale orders them, capitals and accents alike; names that still compare equal keep the id order.
 */
export function naturalNameOrder(
  locale: string,
): (a: { readonly id: number; readonly name: string }, b: { readonly id: number; readonly name: string }) => number {
  let collator = collators.get(locale);
  if (collator === undefined) {
    collator = new Intl.Collator(locale, { numeric: true, sensitivity: "base" });
    collators.set(locale, collator);
  }
  const compare = collator.compare;
  return (a, b) => compare(a.name, b.name) || a.id - b.id;
}
