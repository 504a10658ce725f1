// Draws Discord messages with DOM nodes only: every piece of text goes through
// createTextNode, so nothing the bot (or a user) writes can become HTML.

import { dateLocale, say, sayParts } from "./words.js";

const MARKDOWN_ESCAPABLE = /[\\*_~`|>#\-[\]()<:@!.+=]/;

/** An element with a class and children (strings become text nodes). */
export function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

// ------------------------------------------------------------------ time

const timestampFormats = {
  t: { hour: "2-digit", minute: "2-digit" },
  T: { hour: "2-digit", minute: "2-digit", second: "2-digit" },
  d: { day: "2-digit", month: "2-digit", year: "numeric" },
  D: { day: "numeric", month: "long", year: "numeric" },
  f: { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" },
  F: { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" },
};

/** A Date for epoch milliseconds, or null when JavaScript cannot represent that instant (beyond ±8.64e15 ms, NaN). */
function dateAt(ms) {
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? date : null;
}

/** `<t:unix:style>` in the viewer's own time zone; R is relative to the playground's clock. Null for an instant no date can hold. */
export function formatTimestamp(unixSeconds, style, nowMs) {
  const date = dateAt(unixSeconds * 1000);
  if (date === null) return null;
  if (style === "R") return relativeTime(date.getTime() - nowMs);
  return new Intl.DateTimeFormat(dateLocale(), timestampFormats[style] ?? timestampFormats.f).format(date);
}

export function relativeTime(deltaMs) {
  const format = new Intl.RelativeTimeFormat(dateLocale(), { numeric: "auto" });
  const seconds = Math.round(deltaMs / 1000);
  const units = [
    ["year", 31_536_000],
    ["month", 2_592_000],
    ["week", 604_800],
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, "second");
}

/** "Today at 10:30", "Yesterday at 21:15" or a date, as Discord labels messages (against the playground's clock). */
export function messageTime(atMs, nowMs) {
  const at = dateAt(atMs);
  const now = dateAt(nowMs);
  if (at === null || now === null) return "";
  const clock = new Intl.DateTimeFormat(dateLocale(), timestampFormats.t).format(at);
  const dayStart = (date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
  const days = Math.round((dayStart(now) - dayStart(at)) / 86_400_000);
  if (days === 0) return say("todayAt", { time: clock });
  if (days === 1) return say("yesterdayAt", { time: clock });
  return `${new Intl.DateTimeFormat(dateLocale(), timestampFormats.d).format(at)} ${clock}`;
}

// ------------------------------------------------------------------ markdown

/**
 * Discord's Markdown, the parts bots use: **bold**, *italic*, __underline__,
 * ~~strike~~, `code`, ```blocks```, ||spoilers||, > quotes, # headings, -# small
 * text, - lists, [links](https://…), mentions and <t:…> timestamps.
 */
export function markdown(text, context) {
  const fragment = document.createDocumentFragment();
  const parts = String(text ?? "").split(/```(?:[a-z0-9+-]*\n)?([\s\S]*?)```/i);
  parts.forEach((part, index) => {
    if (index % 2 === 1) {
      fragment.append(el("pre", "code-block", el("code", null, part.replace(/\n$/, ""))));
      return;
    }
    appendLines(fragment, part, context);
  });
  return fragment;
}

function appendLines(parent, text, context) {
  if (text === "") return;
  const lines = text.split("\n");
  let paragraph = null;
  let quote = null;
  const flushParagraph = () => {
    if (paragraph) parent.append(paragraph);
    paragraph = null;
  };
  lines.forEach((line, index) => {
    const quoted = /^>\s?(.*)$/.exec(line);
    if (quoted) {
      flushParagraph();
      if (!quote) {
        quote = el("blockquote", "quote");
        parent.append(quote);
      } else {
        quote.append(el("br"));
      }
      quote.append(...inline(quoted[1], context));
      return;
    }
    quote = null;
    const heading = /^(#{1,3})\s+(.+)$/.exec(line);
    const small = /^-#\s+(.+)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.+)$/.exec(line);
    if (heading) {
      flushParagraph();
      parent.append(el(`h${heading[1].length + 2}`, "md-heading", ...inline(heading[2], context)));
    } else if (small) {
      flushParagraph();
      parent.append(el("div", "md-small", ...inline(small[1], context)));
    } else if (bullet) {
      flushParagraph();
      parent.append(el("div", "md-bullet", el("span", "md-bullet-mark", "•"), el("span", null, ...inline(bullet[1], context))));
    } else {
      if (!paragraph) paragraph = el("div", "md-line");
      else paragraph.append(el("br"));
      paragraph.append(...inline(line, context));
      if (index === lines.length - 1) flushParagraph();
    }
  });
  flushParagraph();
}

const delimiters = [
  ["**", "strong", null],
  ["__", "u", null],
  ["~~", "s", null],
  ["||", "span", "spoiler"],
  ["*", "em", null],
  ["_", "em", null],
];

/** Inline Markdown to nodes. */
export function inline(text, context) {
  const nodes = [];
  let buffer = "";
  const flush = () => {
    if (buffer !== "") nodes.push(document.createTextNode(buffer));
    buffer = "";
  };
  let index = 0;
  while (index < text.length) {
    const rest = text.slice(index);
    const character = text[index];
    if (character === "\\" && index + 1 < text.length && MARKDOWN_ESCAPABLE.test(text[index + 1])) {
      buffer += text[index + 1];
      index += 2;
      continue;
    }
    if (character === "`") {
      const close = text.indexOf("`", index + 1);
      if (close > index + 1) {
        flush();
        nodes.push(el("code", "inline-code", text.slice(index + 1, close)));
        index = close + 1;
        continue;
      }
    }
    if (character === "<") {
      const special = specialToken(rest, context);
      if (special) {
        flush();
        nodes.push(special.node);
        index += special.length;
        continue;
      }
    }
    if (character === "[") {
      const link = /^\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/.exec(rest);
      if (link) {
        flush();
        const anchor = el("a", "md-link", ...inline(link[1], context));
        anchor.href = link[2];
        anchor.target = "_blank";
        anchor.rel = "noopener noreferrer";
        nodes.push(anchor);
        index += link[0].length;
        continue;
      }
    }
    const delimiter = delimiters.find(([mark]) => rest.startsWith(mark));
    if (delimiter && opensAt(text, index, delimiter[0])) {
      const [mark, tag, className] = delimiter;
      const close = findClosing(text, index + mark.length, mark);
      if (close > index + mark.length) {
        flush();
        nodes.push(el(tag, className, ...inline(text.slice(index + mark.length, close), context)));
        index = close + mark.length;
        continue;
      }
    }
    buffer += character;
    index += 1;
  }
  flush();
  return nodes;
}

/** `_` only opens emphasis at a word's start, as in Discord (snake_case stays as it is). */
function opensAt(text, index, mark) {
  if (mark !== "_") return true;
  return index === 0 || !/[A-Za-z0-9]/.test(text[index - 1]);
}

/** The closing delimiter, skipping escaped characters and code spans. */
function findClosing(text, from, mark) {
  let index = from;
  while (index < text.length) {
    if (text[index] === "\\") {
      index += 2;
      continue;
    }
    if (text[index] === "`") {
      const close = text.indexOf("`", index + 1);
      if (close > 0) {
        index = close + 1;
        continue;
      }
    }
    if (text.startsWith(mark, index)) {
      // `*` must not be half of `**`.
      if (mark.length === 1 && text[index + 1] === mark) {
        index += 2;
        continue;
      }
      if (mark === "_" && index + 1 < text.length && /[A-Za-z0-9]/.test(text[index + 1])) {
        index += 1;
        continue;
      }
      return index;
    }
    index += 1;
  }
  return -1;
}

/** A role as Discord names it in mentions and pickers: "@Server Manager", and @everyone (already "@everyone") once. */
export function roleLabel(name) {
  return name.startsWith("@") ? name : `@${name}`;
}

/** `<t:…>`, `<@user>`, `<@&role>`, `<#channel>`, custom emoji. */
function specialToken(rest, context) {
  const stamp = /^<t:(-?\d{1,13})(?::([tTdDfFR]))?>/.exec(rest);
  if (stamp) {
    const seconds = Number(stamp[1]);
    const shown = formatTimestamp(seconds, stamp[2] ?? "f", context.now());
    // Out of range for any date: Discord shows the markup as typed, and so do we.
    if (shown === null) return { node: document.createTextNode(stamp[0]), length: stamp[0].length };
    const node = el("time", "timestamp", shown);
    node.dateTime = new Date(seconds * 1000).toISOString();
    node.title = formatTimestamp(seconds, "F", context.now()) ?? "";
    return { node, length: stamp[0].length };
  }
  const user = /^<@!?(\d+)>/.exec(rest);
  if (user) return { node: el("span", "mention", `@${context.userName(user[1])}`), length: user[0].length };
  const role = /^<@&(\d+)>/.exec(rest);
  if (role) return { node: el("span", "mention", roleLabel(context.roleName(role[1]))), length: role[0].length };
  const channel = /^<#(\d+)>/.exec(rest);
  if (channel) return { node: el("span", "mention", `#${context.channelName(channel[1])}`), length: channel[0].length };
  const emoji = /^<a?:(\w+):\d+>/.exec(rest);
  if (emoji) return { node: document.createTextNode(`:${emoji[1]}:`), length: emoji[0].length };
  return null;
}

// ------------------------------------------------------------------ messages

export const BOT_COLOR = "#5865f2";
const palette = ["#3ba55c", "#faa61a", "#ed4245", "#eb459e", "#9b59b6", "#1abc9c", "#e67e22"];

/** A round avatar with initials; the bot's is always blurple, people get a colour from their name (stable across restarts). */
export function avatar(name, id, small = false, color = null) {
  const initials = String(name)
    .replace(/\(.*?\)/g, "")
    .split(/[\s._-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0].toUpperCase())
    .join("");
  const node = el("div", small ? "avatar small" : "avatar", initials || "?");
  let hash = 0;
  for (const character of String(name)) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  node.style.setProperty("background-color", color ?? palette[hash % palette.length]);
  node.setAttribute("aria-hidden", "true");
  return node;
}

function colorOf(value) {
  return typeof value === "number" ? `#${value.toString(16).padStart(6, "0")}` : "#1e1f22";
}

export function renderEmbed(embed, context) {
  const node = el("div", "embed");
  node.style.setProperty("--embed-color", colorOf(embed.color));
  if (embed.author?.name) node.append(el("div", "embed-author", embed.author.name));
  if (embed.title) node.append(el("div", "embed-title", ...inline(embed.title, context)));
  if (embed.description) node.append(el("div", "embed-description", markdown(embed.description, context)));
  const fields = embed.fields ?? [];
  let row = null;
  for (const field of fields) {
    if (!field.inline || !row || row.childElementCount >= 3) {
      row = el("div", "embed-field-row");
      node.append(row);
    }
    row.append(
      el(
        "div",
        "embed-field",
        el("div", "embed-field-name", ...inline(field.name, context)),
        el("div", "embed-field-value", markdown(field.value, context)),
      ),
    );
    if (!field.inline) row = null;
  }
  for (const fieldRow of node.querySelectorAll(".embed-field-row"))
    fieldRow.style.setProperty("--columns", String(fieldRow.childElementCount));
  const footerParts = [];
  if (embed.footer?.text) footerParts.push(embed.footer.text);
  const stamped = embed.timestamp ? messageTime(Date.parse(embed.timestamp), context.now()) : "";
  if (stamped !== "") footerParts.push(stamped);
  if (footerParts.length > 0) node.append(el("div", "embed-footer", footerParts.join(" • ")));
  return node;
}

const buttonStyles = { 1: "primary", 2: "secondary", 3: "success", 4: "danger", 5: "link", 6: "premium" };

export function renderComponents(components, message, context) {
  const container = el("div", "components");
  for (const row of components ?? []) {
    if (row.type !== 1) continue;
    const rowNode = el("div", "component-row");
    for (const component of row.components ?? []) {
      if (component.type === 2) rowNode.append(renderButton(component, message, context));
      else rowNode.append(el("div", "select-placeholder", component.placeholder ?? say("selectMenu")));
    }
    container.append(rowNode);
  }
  return container;
}

function renderButton(component, message, context) {
  const label = [component.emoji?.name, component.label].filter(Boolean).join(" ");
  if (component.style === 5) {
    const link = el("a", "button link", `${label} ↗`);
    if (/^https?:\/\//.test(component.url ?? "")) link.href = component.url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    return link;
  }
  const button = el("button", `button ${buttonStyles[component.style] ?? "secondary"}`, label);
  button.type = "button";
  button.disabled = component.disabled === true;
  button.dataset.customId = component.custom_id;
  button.addEventListener("click", () => context.click(message.id, component.custom_id, button));
  return button;
}

/** Pictures inline under the message, as Discord shows them (scaled to the chat's width); other files as a 📎 download. */
function renderAttachment(attachment) {
  const served = typeof attachment.url === "string" && attachment.url.startsWith("/attachments/");
  const isImage = typeof attachment.contentType === "string" && attachment.contentType.startsWith("image/");
  const line = `📎 ${attachment.filename} · ${Math.ceil(attachment.size / 1024)} KB`;
  if (!served) return el("div", "attachment", line);
  if (!isImage) {
    const download = el("a", "attachment", line);
    download.href = attachment.url;
    download.download = attachment.filename;
    download.title = say("download", { file: attachment.filename });
    return download;
  }
  const image = el("img", "attachment-image");
  image.src = attachment.url;
  image.alt = attachment.description ?? attachment.filename;
  image.title = attachment.description ?? attachment.filename;
  image.loading = "lazy";
  image.decoding = "async";
  const link = el("a", "attachment-image-link", image);
  link.href = attachment.url;
  link.target = "_blank";
  link.rel = "noopener";
  return link;
}

export function renderMessage(message, context) {
  const node = el("article", "message");
  node.dataset.messageId = message.id;
  if (message.visibleToUserId) node.classList.add("ephemeral");
  if (message.interaction) {
    // "Maya used /today": the sentence's word order is the language's, the name and the command keep their styles.
    const user = el("span", "reply-name", message.interaction.userName);
    const sentence = message.interaction.command
      ? sayParts("used", { user, command: el("span", "command-name", `/${message.interaction.command}`) })
      : sayParts("clickedButton", { user });
    // One flex item, so the sentence's own spaces show.
    node.append(
      el("div", "reply-context", avatar(message.interaction.userName, message.interaction.userId, true), el("span", null, ...sentence)),
    );
  }
  const body = el(
    "div",
    "message-body",
    el(
      "div",
      "message-meta",
      el("span", "author", message.author.name),
      message.author.bot ? el("span", "app-tag", say("appTag")) : null,
      el("time", "message-time", messageTime(message.at, context.now())),
    ),
  );
  if (message.loading) body.append(el("div", "thinking", say("thinking", { name: message.author.name })));
  if (message.content) body.append(el("div", "message-content", markdown(message.content, context)));
  for (const embed of message.embeds ?? []) body.append(renderEmbed(embed, context));
  for (const attachment of message.attachments ?? []) body.append(renderAttachment(attachment));
  if ((message.components ?? []).length > 0) body.append(renderComponents(message.components, message, context));
  if (message.hasThread) body.append(el("div", "thread-chip", say("thread")));
  if (message.visibleToUserId) {
    const dismiss = el("button", "dismiss", say("dismiss"));
    dismiss.type = "button";
    dismiss.addEventListener("click", () => context.dismiss(message.id));
    body.append(el("div", "ephemeral-note", el("span", "eye", "👁"), " ", ...sayParts("onlyYou", { dismiss })));
  }
  node.append(avatar(message.author.name, message.author.id, false, message.author.bot ? BOT_COLOR : null), body);
  return node;
}

/**
 * A message, or a placeholder when drawing it fails: whatever one message
 * holds, the rest of the channel still shows.
 */
export function renderMessageSafely(message, context) {
  try {
    return renderMessage(message, context);
  } catch (error) {
    console.error("could not draw message", message?.id, error);
    const node = el(
      "article",
      "message broken",
      el("div", "avatar broken-avatar", "!"),
      el("div", "message-body", el("div", "broken-note", say("brokenMessage"))),
    );
    node.dataset.messageId = String(message?.id ?? "");
    return node;
  }
}
