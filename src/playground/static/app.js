import { avatar, BOT_COLOR, el, formatTimestamp, relativeTime, renderMessageSafely, roleLabel } from "./render.js";
import { canSpeak, dateLocale, say, sayParts, speak, speakingLanguage, speakingLocale, wordMarkedElements } from "./words.js";

// Option types of Discord's application command schema.
const OptionType = {
  Subcommand: 1,
  Group: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
};

const state = {
  server: null,
  channels: [],
  users: [],
  roles: [],
  /** The languages a person's Discord can be set to: { locale, label }. */
  languages: [],
  /** The same languages with the page's own words in each: { locale, label, language, words } (GET /api/words). */
  wordedLanguages: [],
  bot: null,
  commands: [],
  clock: null,
  messages: new Map(),
  viewerId: null,
  /** A channel id, or "dm" for the viewer's direct messages. */
  channelId: null,
  /** The command being composed: { path: "cohort create", description, options: [...] } */
  command: null,
  /** Ephemeral replies the viewer dismissed. */
  dismissed: new Set(),
};

const $ = (id) => document.getElementById(id);

// ------------------------------------------------------------------ network

async function api(path, body) {
  if (path !== "/api/language") await languageSaved;
  // The server words what it refuses in the language the page speaks.
  const headers = { "accept-language": speakingLocale() ?? navigator.language };
  const response = await fetch(
    path,
    body === undefined
      ? { headers }
      : { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) },
  );
  const data = await response.json().catch(() => ({}));
  if (!response.ok)
    throw new Error(data.error ?? (canSpeak() ? say("requestFailed", { status: response.status }) : String(response.status)));
  return data;
}

/** The page's own words in every language of the picker; they answer even while the playground starts. */
async function loadWords() {
  state.wordedLanguages = (await api("/api/words")).languages;
  speakTo(null);
}

async function loadState() {
  const data = await api("/api/state");
  state.server = data.server;
  state.channels = data.channels;
  state.users = data.users;
  state.languages = data.languages;
  state.roles = data.roles;
  state.bot = data.bot;
  state.commands = data.commands;
  state.clock = data.clock;
  state.messages = new Map(data.messages.map((message) => [message.id, message]));
  // A reload keeps who the visitor acts as and where (this tab only); a restarted playground has new ids, so they start over.
  const remembered = (key, known) => {
    const value = sessionStorage.getItem(key);
    return value !== null && known(value) ? value : null;
  };
  state.viewerId ??= remembered(viewerKey, (id) => data.users.some((user) => user.id === id)) ?? data.defaultUserId;
  state.channelId ??=
    remembered(channelKey, (id) => id === "dm" || data.channels.some((channel) => channel.id === id)) ?? data.defaultChannelId;
}

const viewerKey = "playground.viewer";
const channelKey = "playground.channel";
/** The language the page last spoke in this tab, for the moments before it knows who the viewer is. */
const languageKey = "playground.language";

/**
 * Opens the live connection and resolves once it is open. Events that arrive before the page has drawn its
 * first state wait in `pending`, so nothing the bot sends while the page opens is lost or drawn twice.
 */
function listen() {
  return new Promise((resolve, reject) => {
    const events = new EventSource("/api/events");
    let opened = false;
    let lost = false;
    events.onerror = () => {
      if (opened) lost = true;
      // A refused first connection is not retried by the browser: say so rather than wait forever.
      else if (events.readyState === EventSource.CLOSED) reject(new Error(say("connectionRefused")));
    };
    events.onopen = () => {
      // A restarted playground is a new demo server: start over rather than show stale ids.
      if (lost) location.reload();
      opened = true;
      resolve();
    };
    events.onmessage = (event) => receive(JSON.parse(event.data));
  });
}

/** Live events held until the first state is drawn; null once they are applied as they come. */
let pending = [];

function receive(data) {
  if (pending !== null) pending.push(data);
  else applyEvent(data);
}

function applyEvent(data) {
  if (data.type === "message") upsertMessage(data.message);
  else if (data.type === "delete") removeMessage(data.id);
  else if (data.type === "clock") refresh();
  else if (data.type === "members") updateMembers(data.users);
}

function applyPending() {
  const held = pending;
  pending = null;
  for (const data of held) applyEvent(data);
}

async function refresh() {
  await loadState();
  renderClock();
  renderMessages();
}

// ------------------------------------------------------------------ rendering

const renderContext = {
  now: () => state.clock?.now ?? Date.now(),
  userName: (id) => (id === state.bot?.id ? state.bot.name : (state.users.find((user) => user.id === id)?.name ?? say("unknownName"))),
  roleName: (id) => state.roles.find((role) => role.id === id)?.name ?? say("deletedRole"),
  channelName: (id) => state.channels.find((channel) => channel.id === id)?.name ?? say("unknownName"),
  click: (messageId, customId, button) => clickButton(messageId, customId, button),
  dismiss: (messageId) => {
    state.dismissed.add(messageId);
    $("messages")
      .querySelector(`[data-message-id="${CSS.escape(messageId)}"]`)
      ?.remove();
  },
};

function viewer() {
  return state.users.find((user) => user.id === state.viewerId);
}

/** The language the page speaks: the viewer's Discord language, as Discord's own client does. */
function spokenLanguage() {
  const locale = viewer()?.locale;
  if (!locale) return undefined;
  const languages = state.wordedLanguages;
  return (
    languages.find((language) => language.locale === locale) ?? languages.find((language) => language.language === locale.split("-")[0])
  );
}

/**
 * Speaks the viewer's language, or before the page knows the viewer the one it last spoke in this tab, or the
 * browser's, or the first; remembered for a reload. `redraw` draws what already shows in it.
 */
function speakTo(redraw) {
  const languages = state.wordedLanguages;
  const browser = navigator.language.split("-")[0];
  const language =
    spokenLanguage() ??
    languages.find((candidate) => candidate.language === sessionStorage.getItem(languageKey)) ??
    languages.find((candidate) => candidate.language === browser) ??
    languages[0];
  if (!language) return;
  speak(language);
  sessionStorage.setItem(languageKey, language.language);
  wordMarkedElements();
  redraw?.();
}

/** Everything drawn with words, drawn again in the language the page now speaks. */
function redrawAll() {
  renderServer();
  renderChannels();
  renderHeader();
  renderViewer();
  renderClock();
  renderMessages();
  // The standing hint; a command being composed keeps its own (it is cleared when the language changes).
  if (!state.command) showHint("");
}

/**
 * A command's, option's or choice's name or description in the viewer's Discord language, as Discord's client
 * shows it (the bot registers `name_localizations` and `description_localizations`); the request still names it in English.
 */
function localized(item, field) {
  return item?.[`${field}_localizations`]?.[viewer()?.locale] ?? item?.[field] ?? "";
}

function isShown(message) {
  if (state.dismissed.has(message.id)) return false;
  if (message.visibleToUserId && message.visibleToUserId !== state.viewerId) return false;
  if (state.channelId === "dm") return message.dmUserId === state.viewerId;
  return message.channelId === state.channelId;
}

function sortedMessages() {
  return [...state.messages.values()].sort((a, b) => a.at - b.at || a.id.length - b.id.length || (a.id < b.id ? -1 : 1));
}

function renderMessages() {
  const list = $("messages");
  list.replaceChildren();
  const shown = sortedMessages().filter(isShown);
  const channel = state.channels.find((candidate) => candidate.id === state.channelId);
  const welcome = el("div", "channel-welcome", el("div", "welcome-icon", state.channelId === "dm" ? "✉" : "#"));
  welcome.append(
    el(
      "h2",
      null,
      state.channelId === "dm" ? say("dmWelcome", { bot: state.bot?.name }) : say("channelWelcome", { channel: channel?.name }),
    ),
    el("p", null, say(state.channelId === "dm" ? "dmWelcomeText" : "channelWelcomeText")),
  );
  list.append(welcome);
  for (const message of shown) list.append(renderMessageSafely(message, renderContext));
  list.scrollTop = list.scrollHeight;
}

function upsertMessage(message) {
  state.messages.set(message.id, message);
  const list = $("messages");
  const existing = list.querySelector(`[data-message-id="${CSS.escape(message.id)}"]`);
  if (!isShown(message)) {
    existing?.remove();
    markUnread(message);
    return;
  }
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 120;
  const node = renderMessageSafely(message, renderContext);
  if (existing) existing.replaceWith(node);
  else list.append(node);
  if (nearBottom || !existing) list.scrollTop = list.scrollHeight;
}

function removeMessage(id) {
  state.messages.delete(id);
  $("messages")
    .querySelector(`[data-message-id="${CSS.escape(id)}"]`)
    ?.remove();
}

/**
 * Channels with something new, and people with unread direct messages ("dm:<user id>"): a DM to someone the
 * page is not acting as (the admin's nudge to Lena) shows as unread once the page acts as them.
 */
const unread = new Set();

function unreadKey(key, userId = state.viewerId) {
  return key === "dm" ? `dm:${userId}` : key;
}

function markUnread(message) {
  if (message.visibleToUserId && message.visibleToUserId !== state.viewerId) return;
  const key = message.channelId ?? (message.dmUserId ? unreadKey("dm", message.dmUserId) : null);
  if (!key) return;
  unread.add(key);
  renderUnread();
}

function renderUnread() {
  // What the viewer is looking at is read.
  unread.delete(unreadKey(state.channelId));
  for (const entry of document.querySelectorAll("[data-channel]"))
    entry.classList.toggle("unread", unread.has(unreadKey(entry.dataset.channel)));
}

function renderServer() {
  // The server's name from now on, not the "Loading…" the page's words put there.
  delete $("server-name").dataset.words;
  $("server-name").textContent = state.server.name;
  $("server-icon").textContent = state.server.name
    .split(/\s+/)
    .map((word) => word[0])
    .join("")
    .slice(0, 3);
  $("server-icon").title = state.server.name;
}

function renderChannels() {
  const list = $("channel-list");
  list.replaceChildren(el("div", "list-heading", say("textChannels")));
  const entry = (key, label, mark) => {
    const button = el(
      "button",
      `channel${state.channelId === key ? " active" : ""}`,
      el("span", "channel-mark", mark),
      el("span", null, label),
    );
    button.type = "button";
    button.dataset.channel = key;
    button.addEventListener("click", () => {
      state.channelId = key;
      sessionStorage.setItem(channelKey, key);
      renderChannels();
      renderHeader();
      renderMessages();
    });
    return button;
  };
  for (const channel of state.channels) list.append(entry(channel.id, channel.name, "#"));
  list.append(el("div", "list-heading", say("directMessages")), entry("dm", state.bot?.name ?? "", "✉"));
  renderUnread();
}

/** Phones: as in style.css, the chat takes the whole width and texts get shorter. */
const narrowScreen = window.matchMedia("(max-width: 760px)");

function renderHeader() {
  const channel = state.channels.find((candidate) => candidate.id === state.channelId);
  $("channel-name").textContent = channel ? channel.name : (state.bot?.name ?? "");
  $("channel-topic").textContent = channel?.topic ?? say("directMessages");
  document.querySelector(".hash").textContent = channel ? "#" : "✉";
  const composing = state.channelId !== "dm";
  $("composer").classList.toggle("disabled", !composing);
  $("command-input").disabled = !composing;
  const roomy = !narrowScreen.matches;
  $("command-input").placeholder = !composing
    ? say("commandsInChannelsOnly")
    : roomy
      ? say("commandPlaceholderIn", { channel: channel?.name })
      : say("commandPlaceholderShort");
}

/** The member list's group headings, and how the "You are" picker tells people apart (by their words' keys). */
const roleTitles = { admin: "groupAdmin", member: "groupMembers", newcomer: "groupNewcomers" };
const roleHints = { admin: "viewerAdmin", newcomer: "viewerNewcomer" };

function renderViewer() {
  const select = $("viewer");
  select.replaceChildren(
    ...state.users.map((user) => {
      const option = el("option", null, roleHints[user.role] ? say(roleHints[user.role], { name: user.name }) : user.name);
      option.value = user.id;
      option.selected = user.id === state.viewerId;
      return option;
    }),
  );
  renderLanguage();
  const you = viewer();
  $("viewer-avatar").replaceWith(Object.assign(avatar(you?.name ?? "?", you?.id ?? "0"), { id: "viewer-avatar" }));
  const members = $("member-list");
  members.replaceChildren();
  for (const role of ["admin", "member", "newcomer"]) {
    const group = state.users.filter((user) => user.role === role);
    if (group.length === 0) continue;
    members.append(el("div", "list-heading", say(roleTitles[role], { count: group.length })));
    for (const user of group) {
      const button = el(
        "button",
        `member${user.id === state.viewerId ? " active" : ""}`,
        avatar(user.name, user.id, true),
        el("span", "member-name", user.name),
      );
      button.type = "button";
      button.title = say("actAs", { name: user.name });
      button.addEventListener("click", () => setViewer(user.id));
      members.append(button);
    }
  }
  members.append(
    el("div", "list-heading", say("groupApps", { count: 1 })),
    el(
      "div",
      "member bot",
      avatar(state.bot?.name ?? "", state.bot?.id ?? "0", true, BOT_COLOR),
      el("span", "member-name", state.bot?.name ?? ""),
      el("span", "app-tag", say("appTag")),
    ),
  );
}

/** The viewer's Discord language, which they may switch as in Discord's settings. */
function renderLanguage() {
  const locale = viewer()?.locale;
  $("language").replaceChildren(
    ...state.languages.map((language) => {
      const option = el("option", null, language.label);
      option.value = language.locale;
      option.lang = language.locale;
      option.selected = language.locale === locale;
      return option;
    }),
  );
}

/** The last language change on its way to the bot; every other request waits for it, so it speaks the new one. */
let languageSaved = Promise.resolve();

function setLanguage(locale) {
  const you = viewer();
  if (!you || you.locale === locale) return;
  const withLocale = (chosen) => state.users.map((user) => (user.id === you.id ? { ...user, locale: chosen } : user));
  state.users = withLocale(locale);
  // The composer's names and descriptions change language with the viewer, and so does the page.
  clearCommand();
  speakTo(redrawAll);
  // Chained, so that quick switches reach the bot in the order they were made.
  languageSaved = languageSaved
    .then(() => api("/api/language", { userId: you.id, locale }))
    .catch((error) => {
      state.users = withLocale(you.locale);
      speakTo(redrawAll);
      showHint(error.message, true);
    });
}

/** Someone joined or left a cohort: regroup the member list (the viewer stays who they are). */
function updateMembers(users) {
  const locale = viewer()?.locale;
  state.users = users;
  if (viewer()?.locale === locale) renderViewer();
  else speakTo(redrawAll);
  keepCommandIfStillUsable(locale);
}

function setViewer(userId) {
  const locale = viewer()?.locale;
  state.viewerId = userId;
  sessionStorage.setItem(viewerKey, userId);
  if (viewer()?.locale === locale) {
    renderViewer();
    renderUnread();
    renderMessages();
  } else speakTo(redrawAll);
  keepCommandIfStillUsable(locale);
}

/** The composer's command stays only in the language it was shown in (`locale`), and only if the viewer may use it. */
function keepCommandIfStillUsable(locale) {
  const spoken = viewer()?.locale === locale;
  if (state.command && (!spoken || !availableCommands().some((entry) => entry.path === state.command.path))) clearCommand();
}

function renderClock() {
  const clock = state.clock;
  if (!clock) return;
  $("clock-time").textContent = new Intl.DateTimeFormat(dateLocale(), {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(clock.now);
  // The server words the cohort's day and the next post in every language (by code): the page picks the one it speaks.
  const language = speakingLanguage();
  $("clock-day").textContent = clock.cohortDay[language] ?? "";
  const next = $("clock-next");
  if (clock.nextPost) {
    const post = clock.nextPost.label[language] ?? "";
    next.textContent = say("clockNext", { post, when: relativeTime(clock.nextPost.dueAt - clock.now) });
    next.title = say("clockNextTitle", {
      cohort: clock.nextPost.cohortName,
      post,
      when: formatTimestamp(clock.nextPost.dueAt / 1000, "F", clock.now),
    });
  } else {
    next.textContent = say("clockNoPostLeft");
    next.title = "";
  }
  $("next-post").disabled = !clock.nextPost;
}

async function moveClock(action, button) {
  const buttons = document.querySelectorAll("[data-clock]");
  buttons.forEach((candidate) => (candidate.disabled = true));
  try {
    const { clock } = await api("/api/clock", { action });
    state.clock = clock;
    renderClock();
    renderMessages();
  } catch (error) {
    showHint(error.message, true);
  } finally {
    buttons.forEach((candidate) => (candidate.disabled = false));
    renderClock();
    button?.blur();
  }
}

// ------------------------------------------------------------------ commands

/** Commands and sub-commands the viewer may use, flattened: "/cohort create". */
function availableCommands() {
  const isAdmin = viewer()?.role === "admin";
  const entries = [];
  for (const command of state.commands) {
    if (command.type !== undefined && command.type !== 1) continue;
    const restricted = command.default_member_permissions !== null && command.default_member_permissions !== undefined;
    if (restricted && !isAdmin) continue;
    // `path` is what the request names ("cohort create"), `label` what the viewer reads ("cohorte crear").
    const walk = (options, path, label, description) => {
      const nested = (options ?? []).filter((option) => option.type === OptionType.Subcommand || option.type === OptionType.Group);
      if (nested.length === 0) {
        entries.push({ path, label, description, options: options ?? [] });
        return;
      }
      for (const option of nested)
        walk(option.options, `${path} ${option.name}`, `${label} ${localized(option, "name")}`, localized(option, "description"));
    };
    walk(command.options, command.name, localized(command, "name"), localized(command, "description"));
  }
  return entries.sort((a, b) => a.label.localeCompare(b.label));
}

/** The one suggestion list: commands, or an option's autocomplete choices; `owner` is the input it serves. */
const popup = { items: [], index: 0, onPick: null, owner: null };

function showPopup(title, items, onPick, owner) {
  const node = $("popup");
  if (popup.owner && popup.owner !== owner) announcePopup(popup.owner, false);
  popup.items = items;
  popup.index = 0;
  popup.onPick = onPick;
  popup.owner = owner;
  announcePopup(owner, items.length > 0);
  if (items.length === 0) {
    node.hidden = true;
    return;
  }
  node.replaceChildren(el("div", "popup-title", title));
  node.setAttribute("aria-label", title);
  items.forEach((item, index) => {
    const row = el(
      "button",
      `popup-item${index === 0 ? " selected" : ""}`,
      el("span", "popup-label", item.label),
      item.detail ? el("span", "popup-detail", item.detail) : null,
    );
    row.type = "button";
    row.id = `popup-item-${index}`;
    // The focus stays in the input: the list is a listbox it controls, so rows are not Tab stops of their own.
    row.tabIndex = -1;
    row.setAttribute("role", "option");
    row.setAttribute("aria-selected", String(index === 0));
    row.addEventListener("mousedown", (event) => {
      event.preventDefault();
      onPick(item);
    });
    node.append(row);
  });
  node.hidden = false;
}

/**
 * The input a list of suggestions serves is a combobox: screen readers hear the list open and close, and
 * (aria-activedescendant) which suggestion the arrow keys select while the focus stays in the input.
 */
function announcePopup(owner, open) {
  if (!owner) return;
  owner.setAttribute("aria-expanded", String(open));
  if (open) owner.setAttribute("aria-activedescendant", `popup-item-${popup.index}`);
  else owner.removeAttribute("aria-activedescendant");
}

function hidePopup() {
  announcePopup(popup.owner, false);
  $("popup").hidden = true;
  popup.items = [];
  popup.owner = null;
}

/** On blur: close the list unless its input got the focus back or another input owns it by now. */
function hidePopupLater(owner) {
  setTimeout(() => {
    if (popup.owner === owner && document.activeElement !== owner) hidePopup();
  }, 100);
}

function movePopup(step) {
  if (popup.items.length === 0) return false;
  popup.index = (popup.index + step + popup.items.length) % popup.items.length;
  $("popup")
    .querySelectorAll(".popup-item")
    .forEach((row, index) => {
      row.classList.toggle("selected", index === popup.index);
      row.setAttribute("aria-selected", String(index === popup.index));
    });
  popup.owner?.setAttribute("aria-activedescendant", `popup-item-${popup.index}`);
  $("popup").querySelectorAll(".popup-item")[popup.index]?.scrollIntoView({ block: "nearest" });
  return true;
}

function pickFromPopup() {
  const item = popup.items[popup.index];
  if (!item || $("popup").hidden) return false;
  popup.onPick(item);
  return true;
}

function suggestCommands() {
  const typed = $("command-input").value.replace(/^\//, "").trim().toLowerCase();
  if (!$("command-input").value.startsWith("/") && typed !== "") return hidePopup();
  // As on Discord, a command is found by the name shown and by its English name.
  const matches = availableCommands().filter((entry) =>
    [entry.label, entry.path].some((name) => name.toLowerCase().startsWith(typed) || name.toLowerCase().includes(` ${typed}`)),
  );
  showPopup(
    say("commands"),
    matches.map((entry) => ({ label: `/${entry.label}`, detail: entry.description, entry })),
    (item) => chooseCommand(item.entry),
    $("command-input"),
  );
}

function chooseCommand(entry) {
  state.command = entry;
  hidePopup();
  $("command-input").value = "";
  $("command-input").hidden = true;
  const chip = $("command-chip");
  chip.textContent = `/${entry.label}`;
  chip.hidden = false;
  const fields = $("option-fields");
  fields.replaceChildren(...entry.options.map(optionField));
  const first = fields.querySelector("input, select");
  if (first) first.focus();
  else $("send").focus();
  showHint(entry.description);
}

function clearCommand() {
  state.command = null;
  clearTimeout(autocompleteTimer);
  autocompleteSerial += 1;
  $("option-fields").replaceChildren();
  $("command-chip").hidden = true;
  $("command-input").hidden = false;
  $("command-input").value = "";
  hidePopup();
  showHint("");
}

function optionField(option) {
  // The description shows as a caption on phones, where a placeholder that long would be cut.
  const wrapper = el(
    "label",
    `option${option.required ? " required" : ""}`,
    el("span", "option-name", localized(option, "name")),
    el("span", "option-description", localized(option, "description")),
  );
  wrapper.title = localized(option, "description");
  let input;
  if (
    option.choices?.length > 0 ||
    option.type === OptionType.Boolean ||
    option.type === OptionType.Channel ||
    option.type === OptionType.User ||
    option.type === OptionType.Role ||
    option.type === OptionType.Mentionable
  ) {
    input = el("select", "option-input");
    const choices =
      option.type === OptionType.Boolean
        ? [
            { name: say("true"), value: true },
            { name: say("false"), value: false },
          ]
        : option.type === OptionType.Channel
          ? state.channels.map((channel) => ({ name: `#${channel.name}`, value: channel.id }))
          : option.type === OptionType.User || option.type === OptionType.Role || option.type === OptionType.Mentionable
            ? pickableMentions(option.type)
            : option.choices.map((choice) => ({ name: localized(choice, "name"), value: choice.value }));
    const blank = el("option", null, option.required ? say("choose") : "—");
    blank.value = "";
    input.append(blank);
    for (const choice of choices) {
      const entry = el("option", null, choice.name);
      entry.value = JSON.stringify(choice.value);
      input.append(entry);
    }
  } else if (option.type === OptionType.Attachment) {
    input = el("input", "option-input file");
    input.type = "file";
    input.accept = ".md,.txt,text/plain,text/markdown";
  } else {
    input = el("input", "option-input");
    input.type = option.type === OptionType.Integer || option.type === OptionType.Number ? "number" : "text";
    if (option.type === OptionType.Integer) input.step = "1";
    if (option.min_value !== undefined) input.min = String(option.min_value);
    if (option.max_value !== undefined) input.max = String(option.max_value);
    if (option.max_length !== undefined) input.maxLength = option.max_length;
    input.placeholder = localized(option, "description");
    // Wide enough for the whole placeholder where the composer has room (CSS caps it at the row's width).
    input.size = Math.max(12, input.placeholder.length + 2);
    if (option.autocomplete) {
      setCombobox(input);
      input.addEventListener("input", () => {
        delete input.dataset.value;
        requestAutocomplete(option, input);
      });
      input.addEventListener("focus", () => requestAutocomplete(option, input));
      input.addEventListener("blur", () => hidePopupLater(input));
    }
  }
  input.dataset.option = option.name;
  input.dataset.type = String(option.type);
  // The whole description, however narrow the field: it shows under the composer while the field has the focus.
  input.addEventListener("focus", () => showHint(`${localized(option, "name")}: ${localized(option, "description")}`));
  input.addEventListener("keydown", onFieldKey);
  wrapper.append(input);
  return wrapper;
}

/** What a user, role or mentionable option offers, as Discord's pickers do: people, then roles. */
function pickableMentions(type) {
  const people = type === OptionType.Role ? [] : state.users.map((user) => ({ name: user.name, value: user.id }));
  const roles = type === OptionType.User ? [] : state.roles.map((role) => ({ name: roleLabel(role.name), value: role.id }));
  return [...people, ...roles];
}

/** An input that shows the suggestion list (see announcePopup). */
function setCombobox(input) {
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", "popup");
  input.setAttribute("aria-expanded", "false");
}

let autocompleteSerial = 0;
let autocompleteTimer = null;

function requestAutocomplete(option, input) {
  clearTimeout(autocompleteTimer);
  autocompleteTimer = setTimeout(async () => {
    const serial = ++autocompleteSerial;
    if (!state.command || !input.isConnected) return;
    try {
      const { choices } = await api("/api/autocomplete", {
        userId: state.viewerId,
        channelId: state.channelId,
        command: state.command.path,
        options: { ...(await collectOptions({ partial: true })), [option.name]: input.value },
        focused: option.name,
      });
      if (serial !== autocompleteSerial || document.activeElement !== input) return;
      showPopup(
        localized(option, "name"),
        choices.map((choice) => ({ label: choice.name, choice })),
        (item) => {
          input.value = item.choice.name;
          input.dataset.value = String(item.choice.value);
          hidePopup();
        },
        input,
      );
    } catch (error) {
      if (serial === autocompleteSerial) showHint(error.message, true);
    }
  }, 120);
}

async function collectOptions({ partial }) {
  const values = {};
  for (const input of $("option-fields").querySelectorAll("[data-option]")) {
    const name = input.dataset.option;
    const type = Number(input.dataset.type);
    if (input.tagName === "SELECT") {
      if (input.value !== "") values[name] = JSON.parse(input.value);
    } else if (type === OptionType.Attachment) {
      const file = input.files?.[0];
      if (file && !partial) values[name] = { name: file.name, content: await file.text() };
    } else if (input.value.trim() !== "") {
      const raw = input.dataset.value ?? input.value.trim();
      values[name] = type === OptionType.Integer || type === OptionType.Number ? Number(raw) : raw;
    }
  }
  return values;
}

function onFieldKey(event) {
  if (event.key === "ArrowDown" && movePopup(1)) event.preventDefault();
  else if (event.key === "ArrowUp" && movePopup(-1)) event.preventDefault();
  else if ((event.key === "Enter" || event.key === "Tab") && !$("popup").hidden && pickFromPopup()) event.preventDefault();
  else if (event.key === "Escape") {
    event.preventDefault();
    if (!$("popup").hidden) hidePopup();
    else clearCommand();
  } else if (event.key === "Backspace" && event.target.value === "" && event.target === $("option-fields").querySelector("[data-option]")) {
    clearCommand();
    $("command-input").focus();
  }
}

async function runCommand() {
  if (!state.command) return;
  const missing = state.command.options
    .filter((option) => option.required)
    .find((option) => {
      const input = $("option-fields").querySelector(`[data-option="${CSS.escape(option.name)}"]`);
      return !input || (input.type === "file" ? !input.files?.length : input.value.trim() === "");
    });
  if (missing) {
    showHint(say("fillIn", { option: localized(missing, "name") }), true);
    return;
  }
  const request = {
    userId: state.viewerId,
    channelId: state.channelId,
    command: state.command.path,
    options: await collectOptions({ partial: false }),
  };
  clearCommand();
  $("command-input").focus();
  $("send").disabled = true;
  try {
    await api("/api/command", request);
  } catch (error) {
    showHint(error.message, true);
  } finally {
    $("send").disabled = false;
  }
}

async function clickButton(messageId, customId, button) {
  // Disabled while the bot answers; a reply that replaces the message brings fresh buttons anyway.
  button.disabled = true;
  try {
    await api("/api/click", { userId: state.viewerId, messageId, customId });
  } catch (error) {
    showHint(error.message, true);
  } finally {
    button.disabled = false;
  }
}

/** A line under the composer: an option's description, an error, or else the page's standing hint. */
function showHint(text, isError = false) {
  const hint = $("composer-hint");
  if (text) hint.textContent = text;
  else hint.replaceChildren(...sayParts("hint", { slash: el("kbd", null, "/") }));
  hint.classList.toggle("error", isError);
}

// ------------------------------------------------------------------ side panels

/**
 * On narrow screens the channel list and the member list are drawers opened
 * by the header's toggles (wide screens show both and hide the toggles).
 * One drawer at a time; Escape or a click beside it closes it.
 */
function openPanel(panel) {
  document.body.dataset.open = panel ?? "";
  for (const toggle of document.querySelectorAll(".panel-toggle"))
    toggle.setAttribute("aria-expanded", String(toggle.dataset.panel === panel));
  if (panel)
    $(panel === "sidebar" ? "sidebar" : "member-list")
      .querySelector("button, select")
      ?.focus();
}

function closePanel() {
  const open = document.body.dataset.open;
  if (!open) return;
  openPanel(null);
  const toggle = document.querySelector(`.panel-toggle[data-panel="${open}"]`);
  if (toggle && toggle.offsetParent !== null) toggle.focus();
}

/** A drawer closes once it has done its job (a channel or a person picked), so the chat shows. */
function closeDrawerAfterPick() {
  if (document.body.dataset.open) openPanel(null);
}

function wirePanels() {
  for (const toggle of document.querySelectorAll(".panel-toggle")) {
    toggle.addEventListener("click", () =>
      document.body.dataset.open === toggle.dataset.panel ? closePanel() : openPanel(toggle.dataset.panel),
    );
  }
  $("backdrop").addEventListener("click", closePanel);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && document.body.dataset.open) closePanel();
  });
  $("channel-list").addEventListener("click", (event) => event.target.closest?.(".channel") && closeDrawerAfterPick());
  $("member-list").addEventListener("click", (event) => event.target.closest?.("button.member") && closeDrawerAfterPick());
}

// ------------------------------------------------------------------ start

function wire() {
  wirePanels();
  narrowScreen.addEventListener("change", renderHeader);
  const input = $("command-input");
  setCombobox(input);
  input.addEventListener("input", suggestCommands);
  input.addEventListener("focus", () => input.value.startsWith("/") && suggestCommands());
  input.addEventListener("blur", () => hidePopupLater(input));
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && movePopup(1)) event.preventDefault();
    else if (event.key === "ArrowUp" && movePopup(-1)) event.preventDefault();
    else if ((event.key === "Enter" || event.key === "Tab") && pickFromPopup()) event.preventDefault();
    else if (event.key === "Escape") hidePopup();
  });
  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    if (!state.command) {
      if (!pickFromPopup()) showHint(say("pickCommand"), true);
      return;
    }
    void runCommand();
  });
  $("viewer").addEventListener("change", (event) => setViewer(event.target.value));
  $("language").addEventListener("change", (event) => setLanguage(event.target.value));
  for (const button of document.querySelectorAll("[data-clock]"))
    button.addEventListener("click", () => moveClock(button.dataset.clock, button));
}

async function start() {
  wire();
  await loadWords();
  showHint("");
  // Open the live connection before reading the state: whatever the bot sends meanwhile is in one or the other.
  await listen();
  await loadState();
  speakTo(redrawAll);
  applyPending();
  document.body.dataset.ready = "true";
}

start().catch((error) => {
  // Without its words (the server did not answer at all) the page can only pass on the browser's own.
  const text = canSpeak() ? say("couldNotLoad", { reason: error.message }) : error.message;
  document.body.replaceChildren(el("p", "fatal", text));
});
