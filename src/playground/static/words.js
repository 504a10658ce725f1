// The page's own words (its chrome) in the language it speaks: the bot's message catalogue holds them
// (playground.page.* in src/discord/i18n/locales/), and GET /api/words sends each sentence as pieces,
// text and parameter names, which `sayParts` fills in. Nothing the page shows is worded here.

/** { language: "es", locale: "es-ES", words: { send: ["Enviar"], … } } once the words are loaded. */
let current = null;

/** The page now speaks `language` (an entry of /api/words): its words, and its `lang` for screen readers and hyphenation. */
export function speak(language) {
  current = language;
  document.documentElement.lang = language.language;
}

/** The Discord locale of the language the page speaks ("es-ES"), for the server to word its answers in. */
export function speakingLocale() {
  return current?.locale;
}

/** The code of the language the page speaks ("es"), English until the words are loaded. */
export function speakingLanguage() {
  return current?.language ?? "en";
}

/** Whether the page has its words yet (they come from the server). */
export function canSpeak() {
  return current !== null;
}

/** A sentence's parts in order: text, and each parameter as given (a string, a number, or a node such as a name in its span). */
export function sayParts(key, params = {}) {
  const pieces = current?.words[key];
  if (pieces === undefined) throw new Error(`the page has no words for ${key}`);
  return pieces.map((piece) => {
    if (typeof piece === "string") return piece;
    const value = params[piece.param] ?? "";
    return typeof value === "number" ? String(value) : value;
  });
}

/** A sentence as text (for titles, placeholders, aria labels and text nodes). */
export function say(key, params = {}) {
  return sayParts(key, params)
    .map((part) => (typeof part === "string" ? part : part.textContent))
    .join("");
}

/**
 * The locale of dates and times: the browser's own (its regional format) while the page speaks the browser's
 * language, else the viewer's Discord locale, as Discord's client words timestamps in its own language.
 */
export function dateLocale() {
  if (current === null) return undefined;
  const browserLanguage = (navigator.language ?? "").split("-")[0].toLowerCase();
  return browserLanguage === current.language ? undefined : current.locale;
}

/**
 * The words the page's HTML names by key: data-words (its text), data-words-title, data-words-label
 * (aria-label) and data-words-placeholder.
 */
export function wordMarkedElements(root = document) {
  for (const node of root.querySelectorAll("[data-words]")) node.textContent = say(node.dataset.words);
  for (const node of root.querySelectorAll("[data-words-title]")) node.title = say(node.dataset.wordsTitle);
  for (const node of root.querySelectorAll("[data-words-label]")) node.setAttribute("aria-label", say(node.dataset.wordsLabel));
  for (const node of root.querySelectorAll("[data-words-placeholder]")) node.placeholder = say(node.dataset.wordsPlaceholder);
}
