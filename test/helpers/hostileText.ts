/** Strings a member or admin could type to make the bot format, link, ping or hide something. */
export const hostileStrings = [
  "[Free Nitro](https://evil.example/claim)",
  "[Free Nitro](<https://evil.example/claim>)",
  "<t:9999999999999:f>",
  "<t:1:R>",
  "<@111111111111111111>",
  "<@!111111111111111111>",
  "<@&222222222222222222>",
  "<#333333333333333333>",
  "</done:444444444444444444>",
  "<:pepe:555555555555555555>",
  "@everyone",
  "@here",
  "**bold** __underline__ *italic* _italic_ ~~strike~~ ||spoiler||",
  "`code` ```block```",
  "# Heading",
  "> quote",
  "- list",
  "1. ordered",
  "-# subtext",
  "line one\n# line two\n> line three",
  "back\\slash \\*escaped\\*",
  "zero\u200bwidth\u2060joined\ufeff",
  "bidi \u202egnirts desrever\u202c done",
  "snake_case_name",
  "😀 family 👨\u200d👩\u200d👧",
  "x".repeat(5000),
] as const;

/**
 * Markup that would be live in Discord: an unescaped masked link, mention,
 * timestamp, emoji or command tag from the corpus, @everyone/@here, or an
 * invisible/bidi character. Returns what it found, for a readable failure.
 */
export function liveMarkup(text: string): string[] {
  const found: string[] = [];
  const live = [
    /(?<!\\)\[[^\]\n]*(?<!\\)\]\((?:<)?https?:/,
    /(?<!\\)<t:(?:9999999999999|1):/,
    /(?<!\\)<@[!&]?(?:111111111111111111|222222222222222222)>/,
    /(?<!\\)<#333333333333333333>/,
    /(?<!\\)<\/done:444444444444444444>/,
    /(?<!\\)<:pepe:555555555555555555>/,
    /@(?:everyone|here)/,
    /(?<!\\)\*\*bold(?<!\\)\*\*/,
    /(?<!\\)\|\|spoiler(?<!\\)\|\|/,
    /(?<!\\)`code(?<!\\)`/,
    /^(?:# Heading|> quote|- list|1\. ordered|-# subtext|# line two|> line three)/m,
    /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u2060\ufeff]/,
  ];
  for (const pattern of live) {
    const match = pattern.exec(text);
    if (match !== null) found.push(match[0]);
  }
  return found;
}
