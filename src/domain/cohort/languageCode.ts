/**
 * A language code's shape: "en", "fil", "pt-BR". It names a locale file (src/discord/i18n/locales/) and is
 * what a cohort's language may be set to: one rule for both, so every language the bot loads can be picked.
 */
const languageCodePattern = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** Longer codes are no language anyone ships (BCP 47 tags in use stay well within it). */
const maxLanguageCodeLength = 35;

export function isLanguageCode(value: string): boolean {
  return value.length <= maxLanguageCodeLength && languageCodePattern.test(value);
}

/**
 * A member's Discord locale ("es-419") as stored for their DMs: one of a language code's shape (every Discord
 * locale has it), else none, so what is stored stays short whatever an interaction carries.
 */
export function memberLocaleOf(locale: string | null | undefined): string | null {
  return locale !== null && locale !== undefined && isLanguageCode(locale) ? locale : null;
}
