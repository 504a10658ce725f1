/**
 * Lower-case ASCII slug: "Query Planning & Optimization" → "query-planning-optimization",
 * "Café Ünïcode" → "cafe-unicode". Text with no Latin letters or digits at all
 * (a title in emoji or CJK) gets a short hash instead, so it still has an identity.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug === "") return `x${fnv1a32(text.normalize("NFC")).toString(16).padStart(8, "0")}`;
  return truncateAtHyphen(slug, maxLength);
}

/** Cuts at a word boundary so a long title keeps whole words. */
function truncateAtHyphen(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf("-");
  const shortened = lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut;
  return shortened.replace(/-+$/g, "");
}

/** FNV-1a, 32 bit: a tiny deterministic hash, enough to tell titles apart. */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
