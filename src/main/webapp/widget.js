/*
 * Concierge's traveler widget. A site embeds it with one tag:
 *
 *   <script src="https://desk.example.com/widget.js" async></script>
 *
 * It talks to the server it was loaded from (REST under /api, the WebSocket at /ws/chat) and
 * renders inside a shadow root, so the host page's styles and the widget's never meet.
 * Message text is only ever inserted as text nodes.
 */
(() => {
  "use strict";

  // With async, document.currentScript is set only while this file first runs.
  const SCRIPT_SRC = (document.currentScript || document.querySelector('script[src*="widget.js"]'))
    ?.src;
  if (!SCRIPT_SRC || document.querySelector("concierge-widget")) return;

  const ORIGIN = new URL(SCRIPT_SRC, location.href).origin;
  const SETTINGS = { ...window.ConciergeSettings };
  /** The parameter by which emails and texts link to a chat on the page that hosts the widget. */
  const LINK_PARAM = "concierge-chat";
  const STORE_KEY = `concierge:${ORIGIN}`;

  const ACK_TIMEOUT = 10000; // a message not acknowledged by then is shown as failed
  const PING_EVERY = 20000; // well inside the server's idle limit
  const SILENCE_LIMIT = 8000; // no answer to auth or a ping by then: the socket is dead
  const BACKOFF_FIRST = 500;
  const BACKOFF_MAX = 30000;
  const TYPING_IDLE = 3000; // typing stops after this long without a keystroke
  const TYPING_REFRESH = 4000; // while typing goes on, say so again this often
  const TYPING_SHOWN = 6000; // someone who goes quiet without saying so stops showing as typing
  const SEEN_DELAY = 300;
  const HISTORY_PAGE = 20;
  const TRANSCRIPT_PAGE = 100;
  const PRIORITIES = ["low", "normal", "high", "urgent"];

  /** Every text the traveler sees, by language. */
  const STRINGS = {
    en: {
      launcher: "Chat with us",
      launcherUnread: "Chat with us, {count} unread",
      title: "Chat with us",
      greeting: "Questions about your trip? We're here to help.",
      minimise: "Close the chat window",
      history: "Past chats",
      back: "Back",
      endChat: "End chat",
      intro: "Tell us a little about what you need and a travel expert will be with you shortly.",
      name: "Your name",
      email: "Email",
      optional: "(optional)",
      subject: "Subject",
      subjectHint: "e.g. Changing my flight",
      priority: "Priority",
      priority_low: "Low",
      priority_normal: "Normal",
      priority_high: "High",
      priority_urgent: "Urgent",
      firstMessage: "How can we help?",
      writeSomething: "Please write a message first.",
      start: "Start chat",
      starting: "Starting…",
      conversation: "Conversation",
      messageLabel: "Message",
      messageHint: "Write a message…",
      send: "Send",
      you: "You",
      sending: "Sending…",
      queued: "Waiting for connection…",
      sent: "Sent",
      read: "Read",
      failed: "Not sent",
      retry: "Retry",
      typing: "{name} is typing…",
      waiting: "Waiting for the next available agent…",
      talkingTo: "You are talking to {name}",
      ended: "This chat has ended",
      idle: "",
      connecting: "Connecting…",
      connected: "Connected",
      reconnecting: "Reconnecting…",
      offline: "Offline",
      confirmEnd: "End this chat?",
      confirmHint: "You can read it again later under Past chats.",
      keepChatting: "Keep chatting",
      rateTitle: "How did we do?",
      oneStar: "1 star",
      stars: "{n} stars",
      pickScore: "Please choose from 1 to 5 stars.",
      comment: "Anything you'd like to add?",
      sendRating: "Send rating",
      skip: "Skip",
      thanks: "Thank you for your feedback!",
      youRated: "You rated this chat {n} out of 5.",
      chatEnded: "Thanks for chatting with us.",
      newChat: "Start a new chat",
      loading: "Loading…",
      noChats: "No chats yet.",
      loadMore: "Show more",
      status_pending: "Waiting",
      status_active: "Open",
      status_closed: "Closed",
      untitled: "Chat",
      transcript: "Transcript",
      transcriptEnd: "This chat is closed.",
      dismiss: "Dismiss",
      sessionExpired: "Your session has expired. Please start a new chat.",
      signInAgain: "Your sign-in has expired. Please sign in again.",
      chatGone: "This chat is no longer available.",
      chatElsewhere:
        "This chat was started in another browser. Open the link there, or start a new chat here.",
      networkError: "We could not reach the server. Check your connection and try again.",
      genericError: "Something went wrong. Please try again.",
    },
  };

  const LANGUAGE = pickLanguage(SETTINGS.locale);
  const LOCALE = pickLocale(SETTINGS.locale || navigator.language);

  function pickLanguage(locale) {
    const tag = String(locale || "").toLowerCase();
    if (STRINGS[tag]) return tag;
    const base = tag.split("-")[0];
    return STRINGS[base] ? base : "en";
  }

  function pickLocale(locale) {
    try {
      return Intl.getCanonicalLocales(locale)[0] || "en";
    } catch {
      return "en";
    }
  }

  function t(key, values = {}) {
    const text = STRINGS[LANGUAGE][key] ?? STRINGS.en[key];
    return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
  }

  // ---- storage: the session, the open chat and unsent messages survive a reload ----------------

  const store = loadStore();

  function loadStore() {
    let saved = {};
    try {
      saved = JSON.parse(localStorage.getItem(STORE_KEY)) || {};
    } catch {
      saved = {};
    }
    // The host page's signed-in traveler wins; one who signed out there leaves nothing behind.
    if (SETTINGS.token) return saved.token === SETTINGS.token ? saved : { token: SETTINGS.token };
    return saved.visitor ? saved : {};
  }

  function save() {
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify(store));
    } catch {
      // Storage may be disabled; the widget then remembers nothing across reloads.
    }
  }

  /** A new session, or none: the old one's chat goes with it; whether the panel is open stays. */
  function resetSession(values) {
    for (const key of Object.keys(store)) if (key !== "open") delete store[key];
    Object.assign(store, values);
    save();
  }

  // ---- REST ------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  /** Calls the API; a refusal becomes an ApiError carrying the problem's own words. */
  async function api(method, path, body) {
    const headers = { Accept: "application/json" };
    if (store.token) headers.Authorization = `Bearer ${store.token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response;
    try {
      response = await fetch(`${ORIGIN}/api${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, t("networkError"));
    }
    const data = await response.json().catch(() => null);
    if (response.ok) return data;
    throw new ApiError(response.status, data?.detail || data?.title || t("genericError"));
  }

  function failed(error, fallback) {
    if (error.status === 401) {
      expireSession();
    } else if (fallback) {
      fallback(error.message);
    } else {
      showNotice(error.message);
    }
  }

  // ---- DOM helpers -----------------------------------------------------------------------------

  /** An element; strings among the children become text nodes, never markup. */
  function h(tag, props = {}, ...children) {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (typeof value === "function") element.addEventListener(key.slice(2), value);
      else if (key === "class") element.className = value;
      else element.setAttribute(key, value === true ? "" : String(value));
    }
    element.append(
      ...children
        .flat()
        .filter((child) => child !== null && child !== undefined && child !== false),
    );
    return element;
  }

  const ICONS = {
    chat: [
      [
        "path",
        { d: "M5 4h14a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-8l-5 4v-4H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" },
      ],
    ],
    down: [["path", { d: "M6 9l6 6 6-6" }]],
    back: [["path", { d: "M15 5l-7 7 7 7" }]],
    clock: [
      ["circle", { cx: 12, cy: 12, r: 9 }],
      ["path", { d: "M12 7v5l3 2" }],
    ],
    send: [["path", { d: "M4 12l16-8-6 16-2-7zM12 13l8-9" }]],
    close: [["path", { d: "M6 6l12 12M18 6L6 18" }]],
    agent: [
      ["circle", { cx: 12, cy: 8, r: 4 }],
      ["path", { d: "M4 21a8 8 0 0 1 16 0" }],
    ],
    check: [["path", { d: "M5 12.5l4 4 10-10" }]],
    checks: [["path", { d: "M2 12.5l4 4 9-9M11 16.5l9-9" }]],
    star: [
      [
        "path",
        {
          d: "M12 2l2.65 6.36 6.86.55-5.23 4.48 1.6 6.7L12 16.5l-5.88 3.59 1.6-6.7-5.23-4.48 6.86-.55z",
          fill: "currentColor",
        },
      ],
    ],
  };

  function icon(name) {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("class", `icon icon--${name}`);
    for (const [tag, attributes] of ICONS[name]) {
      const shape = document.createElementNS("http://www.w3.org/2000/svg", tag);
      for (const [key, value] of Object.entries(attributes)) shape.setAttribute(key, value);
      svg.append(shape);
    }
    return svg;
  }

  function iconButton(name, label, onclick, extraClass = "") {
    return h(
      "button",
      {
        class: `icon-button ${extraClass}`,
        type: "button",
        "aria-label": label,
        title: label,
        onclick,
      },
      icon(name),
    );
  }

  function timeOf(instant) {
    return formatted(instant, { hour: "2-digit", minute: "2-digit" });
  }

  function dateTimeOf(instant) {
    return formatted(instant, { dateStyle: "medium", timeStyle: "short" });
  }

  function formatted(instant, options) {
    const date = new Date(instant);
    return Number.isNaN(date.getTime())
      ? ""
      : new Intl.DateTimeFormat(LOCALE, options).format(date);
  }

  function initials(name) {
    return String(name || "")
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => word[0].toUpperCase())
      .join("");
  }

  /** A clientId for a message: random, so a resend under the same one is recognised. */
  function newClientId() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  // ---- the shell: launcher, panel, header ------------------------------------------------------

  const ui = {};
  let host;
  let shadow;
  let currentView = "form";

  function buildShell() {
    host = document.createElement("concierge-widget");
    // The host page's rules can still reach this one element: reset it, so nothing inherits inward.
    host.style.setProperty("all", "initial", "important");
    shadow = host.attachShadow({ mode: "open" });

    ui.launcher = h(
      "button",
      {
        class: "launcher",
        type: "button",
        "aria-expanded": "false",
        "aria-controls": "cw-panel",
        "aria-label": t("launcher"),
        onclick: togglePanel,
      },
      icon("chat"),
      icon("down"),
      (ui.badge = h("span", { class: "badge", "aria-hidden": "true", hidden: true })),
    );
    ui.avatar = h("span", { class: "avatar", "aria-hidden": "true" });
    ui.subtitle = h("p", { class: "subtitle" });
    ui.connText = h("span");
    ui.conn = h("p", { class: "conn", role: "status" }, h("span", { class: "dot" }), ui.connText);
    ui.historyButton = iconButton("clock", t("history"), showHistory);
    ui.endButton = h("button", { class: "end", type: "button", onclick: askToEnd }, t("endChat"));
    ui.statusbar = h("div", { class: "statusbar" }, ui.conn, ui.endButton);
    ui.noticeText = h("span");
    ui.notice = h(
      "div",
      { class: "notice", role: "alert", hidden: true },
      ui.noticeText,
      iconButton("close", t("dismiss"), () => {
        ui.notice.hidden = true;
      }),
    );
    ui.body = h("div", { class: "body" });
    ui.panel = h(
      "section",
      {
        class: "panel",
        id: "cw-panel",
        role: "dialog",
        "aria-labelledby": "cw-title",
        hidden: true,
      },
      h(
        "header",
        { class: "head" },
        ui.avatar,
        h("div", { class: "head-text" }, h("h2", { id: "cw-title" }, t("title")), ui.subtitle),
        h(
          "div",
          { class: "head-actions" },
          ui.historyButton,
          iconButton("close", t("minimise"), closePanel),
        ),
      ),
      ui.statusbar,
      ui.notice,
      ui.body,
    );
    ui.frame = h("div", { class: "cw", hidden: true, onkeydown: onKeydown }, ui.panel, ui.launcher);
    const styles = h("link", { rel: "stylesheet", href: `${ORIGIN}/widget/widget.css` });
    // Shown once styled, so the page never flashes a bare form.
    const reveal = () => {
      ui.frame.hidden = false;
    };
    styles.addEventListener("load", reveal);
    styles.addEventListener("error", reveal);
    shadow.append(styles, ui.frame);
    document.body.append(host);
  }

  function panelOpen() {
    return !ui.panel.hidden;
  }

  function togglePanel() {
    if (panelOpen()) closePanel();
    else openPanel(true);
  }

  function openPanel(moveFocus) {
    ui.panel.hidden = false;
    ui.frame.classList.add("is-open");
    ui.launcher.setAttribute("aria-expanded", "true");
    store.open = true;
    save();
    if (moveFocus) focusView();
    if (currentView === "chat") scrollToEnd();
    markSeen();
    showUnread();
  }

  function closePanel() {
    stopTyping();
    ui.panel.hidden = true;
    ui.frame.classList.remove("is-open");
    ui.launcher.setAttribute("aria-expanded", "false");
    store.open = false;
    save();
    ui.launcher.focus();
    showUnread();
  }

  function onKeydown(event) {
    if (event.key !== "Escape" || !panelOpen()) return;
    event.preventDefault();
    if (convo.confirming) cancelEnd();
    else closePanel();
  }

  /** Moves focus to where the traveler would start in the current view. */
  function focusView() {
    if (currentView === "chat") focusFooter();
    else
      (
        ui.body.querySelector("[tabindex='-1']") ||
        ui.body.querySelector("input, textarea, select, button")
      )?.focus();
  }

  function show(view, element) {
    currentView = view;
    ui.body.replaceChildren(element);
    renderHeader();
  }

  function renderHeader() {
    const chat = convo.chat;
    const agent = chat?.agent;
    let subtitle = t("greeting");
    if (chat?.status === "pending") subtitle = t("waiting");
    else if (chat?.status === "active" && agent) subtitle = t("talkingTo", { name: agent.name });
    else if (chat?.status === "closed") subtitle = t("ended");
    else if (store.chatId) subtitle = "";
    ui.subtitle.textContent = subtitle;
    ui.avatar.replaceChildren(agent ? initials(agent.name) : icon("agent"));
    ui.endButton.hidden = currentView !== "chat" || !chat || chat.status === "closed";
    ui.historyButton.hidden =
      !store.token || currentView === "history" || currentView === "transcript";
    renderStatusbar();
  }

  function renderStatusbar() {
    ui.statusbar.hidden = ui.conn.hidden && ui.endButton.hidden;
  }

  function showNotice(text) {
    ui.noticeText.textContent = text;
    ui.notice.hidden = false;
  }

  // ---- connection ------------------------------------------------------------------------------

  const socket = {
    ws: null,
    ready: false,
    wanted: false,
    attempt: 0,
    retry: 0,
    ping: 0,
    silence: 0,
    joined: null,
  };
  function setConnState(state) {
    ui.conn.hidden = state === "idle";
    ui.conn.dataset.state = state;
    ui.connText.textContent = t(state);
    renderStatusbar();
  }

  function connect() {
    socket.wanted = true;
    if (socket.ws || !store.token) return;
    clearTimeout(socket.retry);
    if (!navigator.onLine) {
      setConnState("offline");
      return;
    }
    setConnState(socket.attempt ? "reconnecting" : "connecting");
    const ws = new WebSocket(`${ORIGIN.replace(/^http/, "ws")}/ws/chat`);
    socket.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: "auth", token: store.token }));
    ws.onmessage = (event) => {
      clearTimeout(socket.silence);
      onFrame(JSON.parse(event.data));
    };
    ws.onclose = (event) => socketClosed(event.code);
    expectAnswerWithin(SILENCE_LIMIT);
  }

  /** A socket that answers nothing in time is dead even if the browser has not noticed. */
  function expectAnswerWithin(ms) {
    clearTimeout(socket.silence);
    socket.silence = setTimeout(() => {
      dropSocket();
      reconnectLater();
    }, ms);
  }

  function socketClosed(code) {
    dropSocket();
    if (code === 4401) expireSession();
    else reconnectLater();
  }

  /** Exponential backoff with jitter, so a desk coming back is not hit by every widget at once. */
  function reconnectLater() {
    if (!socket.wanted) {
      setConnState(navigator.onLine ? "idle" : "offline");
      return;
    }
    if (!navigator.onLine) {
      setConnState("offline");
      return;
    }
    const ceiling = Math.min(BACKOFF_MAX, BACKOFF_FIRST * 2 ** socket.attempt);
    socket.attempt += 1;
    setConnState("reconnecting");
    clearTimeout(socket.retry);
    socket.retry = setTimeout(connect, ceiling / 2 + Math.random() * (ceiling / 2));
  }

  function dropSocket() {
    const ws = socket.ws;
    clearInterval(socket.ping);
    clearTimeout(socket.silence);
    socket.ws = null;
    socket.ready = false;
    socket.joined = null;
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = null;
      ws.close();
    }
    holdOutbox();
  }

  function disconnect() {
    socket.wanted = false;
    clearTimeout(socket.retry);
    dropSocket();
    setConnState(navigator.onLine ? "idle" : "offline");
  }

  function send(frame) {
    if (!socket.ready) return false;
    socket.ws.send(JSON.stringify(frame));
    return true;
  }

  function onFrame(frame) {
    switch (frame.type) {
      case "ready":
        return onReady();
      case "joined":
        socket.joined = frame.roomId;
        return applyChat(frame.chat);
      case "message":
        return addMessage(frame.message);
      case "ack":
        return onAck(frame);
      case "typing":
        return onTyping(frame);
      case "read":
        return onRead(frame);
      case "chat":
        return applyChat(frame.chat);
      case "error":
        return onError(frame);
      default:
        return undefined;
    }
  }

  function onReady() {
    socket.ready = true;
    socket.attempt = 0;
    setConnState("connected");
    socket.ping = setInterval(() => {
      send({ type: "ping" });
      expectAnswerWithin(SILENCE_LIMIT);
    }, PING_EVERY);
    joinConversation();
  }

  /** Joins with the last seq held: the server replays exactly what is missing. */
  function joinConversation() {
    if (!store.chatId) return;
    send({ type: "join", roomId: store.chatId, afterSeq: convo.heldThrough });
    flushOutbox();
  }

  function onError(frame) {
    const pending = convo.outbox.find((item) => item.clientId === frame.ref);
    if (pending) {
      fail(pending, frame.message);
    } else if (
      frame.code === "not_found" &&
      frame.ref === store.chatId &&
      socket.joined !== store.chatId
    ) {
      newChat(panelOpen());
      showNotice(t("chatGone"));
    } else {
      showNotice(frame.message);
    }
  }

  function expireSession() {
    const signedInByHost = !store.visitor;
    disconnect();
    resetSession({});
    forgetConversation();
    showForm(false);
    showNotice(t(signedInByHost ? "signInAgain" : "sessionExpired"));
  }

  // ---- the conversation ------------------------------------------------------------------------

  let convo = newConversation();

  function newConversation() {
    return {
      chat: null,
      messages: new Map(), // by seq
      heldThrough: 0, // every seq up to this one is held
      outbox: [], // the traveler's messages not yet acknowledged, in order
      agentRead: 0,
      readSent: 0,
      typers: new Map(),
      seenTimer: 0,
      footer: null,
      confirming: false,
      ending: false,
      skipped: false,
    };
  }

  function forgetConversation() {
    clearTimeout(convo.seenTimer);
    for (const item of convo.outbox) clearTimeout(item.timer);
    for (const typer of convo.typers.values()) clearTimeout(typer.timer);
    convo = newConversation();
    delete host.dataset.chatId;
    delete host.dataset.chatStatus;
  }

  /** A fresh transcript for store.chatId, with any messages still waiting to be sent. */
  function resetConversation() {
    forgetConversation();
    host.dataset.chatId = store.chatId;
    ui.log = h("ol", {
      class: "log",
      role: "log",
      "aria-live": "polite",
      "aria-relevant": "additions",
      "aria-label": t("conversation"),
      tabindex: "0",
    });
    ui.typing = h("p", { class: "typing", hidden: true });
    ui.input = h("textarea", {
      rows: "1",
      maxlength: "4000",
      placeholder: t("messageHint"),
      "aria-label": t("messageLabel"),
      oninput: onComposerInput,
      onkeydown: enterSubmits,
      onblur: stopTyping,
    });
    ui.composer = h(
      "form",
      { class: "composer", onsubmit: onComposerSubmit },
      ui.input,
      h(
        "button",
        { class: "send", type: "submit", "aria-label": t("send"), title: t("send") },
        icon("send"),
      ),
    );
    ui.footer = h("div", { class: "footer" });
    ui.chatView = h("div", { class: "chat" }, ui.log, ui.typing, ui.footer);
    for (const saved of store.unsent || []) {
      const item = { ...saved, state: "queued" };
      convo.outbox.push(item);
      item.node = messageNode({ text: item.text, sentAt: item.sentAt, sender: { role: "user" } });
      showState(item.node, "queued");
      ui.log.append(item.node);
    }
  }

  function beginConversation(chat, moveFocus) {
    if (socket.ready && store.chatId && store.chatId !== chat.id)
      send({ type: "leave", roomId: store.chatId });
    store.chatId = chat.id;
    store.unsent = [];
    save();
    resetConversation();
    applyChat(chat);
    showChat(moveFocus);
    if (socket.ready) joinConversation();
    else connect();
  }

  function resumeConversation() {
    resetConversation();
    showChat(false);
    connect();
  }

  function newChat(moveFocus) {
    disconnect();
    store.chatId = null;
    store.unsent = [];
    save();
    forgetConversation();
    showForm(moveFocus);
  }

  function showChat(moveFocus) {
    show("chat", ui.chatView);
    renderFooter();
    if (moveFocus) focusView();
    scrollToEnd();
    markSeen();
  }

  function applyChat(chat) {
    if (chat.id !== store.chatId) return;
    convo.chat = chat;
    host.dataset.chatStatus = chat.status;
    for (const [userId, seq] of Object.entries(chat.readMarkers || {})) {
      if (userId === chat.traveler.id) convo.readSent = Math.max(convo.readSent, seq);
      else convo.agentRead = Math.max(convo.agentRead, seq);
    }
    if (chat.status === "closed") clearTypers();
    refreshReadMarks();
    renderHeader();
    renderFooter();
    showUnread();
  }

  function isMine(message) {
    return message.sender.role === "user"; // the traveler is the only user in their chat
  }

  function messageNode(message) {
    if (message.type === "system") {
      return h(
        "li",
        { class: "msg msg--system", "data-seq": message.seq },
        h("p", { class: "msg-text" }, message.text),
      );
    }
    const mine = isMine(message);
    return h(
      "li",
      { class: `msg ${mine ? "msg--mine" : "msg--theirs"}`, "data-seq": message.seq },
      h(
        "span",
        { class: mine ? "sr-only" : "msg-sender" },
        mine ? `${t("you")}:` : message.sender.name,
      ),
      h("p", { class: "msg-text" }, message.text),
      h(
        "span",
        { class: "msg-meta" },
        h("time", { datetime: message.sentAt }, timeOf(message.sentAt)),
      ),
    );
  }

  /** Shows where one of the traveler's messages stands: sending, queued, sent, read or failed. */
  function showState(node, state, detail) {
    node.dataset.state = state;
    node.querySelector(".msg-state")?.remove();
    node.querySelector(".msg-error")?.remove();
    const marks = { sent: icon("check"), read: icon("checks") };
    node
      .querySelector(".msg-meta")
      .append(h("span", { class: `msg-state msg-state--${state}` }, marks[state], t(state)));
    if (state === "failed") {
      node.append(
        h(
          "span",
          { class: "msg-error" },
          detail ? h("span", {}, detail) : null,
          h("button", { class: "retry", type: "button", onclick: () => retry(node) }, t("retry")),
        ),
      );
    }
  }

  function addMessage(message) {
    if (message.roomId && message.roomId !== store.chatId) return;
    if (convo.messages.has(message.seq)) return;
    convo.messages.set(message.seq, message);
    while (convo.messages.has(convo.heldThrough + 1)) convo.heldThrough += 1;
    const pending =
      message.clientId && convo.outbox.find((item) => item.clientId === message.clientId);
    const node = pending ? settle(pending, message.seq) : messageNode(message);
    placeBySeq(node, message.seq);
    if (message.type !== "system" && isMine(message))
      showState(node, message.seq <= convo.agentRead ? "read" : "sent");
    if (!isMine(message) && convo.typers.delete(message.sender.id)) renderTyping();
    markSeenSoon();
    showUnread();
  }

  /** Keeps the transcript in seq order, with messages still on their way after all the others. */
  function placeBySeq(node, seq) {
    const stick = atBottom() || node.classList.contains("msg--mine");
    const next = [...ui.log.children].find(
      (child) => child !== node && (!child.dataset.seq || Number(child.dataset.seq) > seq),
    );
    ui.log.insertBefore(node, next || null);
    if (stick) scrollToEnd();
  }

  function atBottom() {
    return ui.log.scrollHeight - ui.log.scrollTop - ui.log.clientHeight < 80;
  }

  function scrollToEnd() {
    if (ui.log) ui.log.scrollTop = ui.log.scrollHeight;
  }

  function onRead(frame) {
    if (frame.roomId !== store.chatId || frame.userId === convo.chat?.traveler.id) return;
    convo.agentRead = Math.max(convo.agentRead, frame.seq);
    refreshReadMarks();
  }

  function refreshReadMarks() {
    for (const node of ui.log.querySelectorAll(".msg--mine[data-seq]")) {
      const state = Number(node.dataset.seq) <= convo.agentRead ? "read" : "sent";
      if (node.dataset.state !== state) showState(node, state);
    }
  }

  /** A replay brings many messages at once: one read marker covers them all. */
  function markSeenSoon() {
    clearTimeout(convo.seenTimer);
    convo.seenTimer = setTimeout(markSeen, SEEN_DELAY);
  }

  /** Tells the desk what the traveler has seen: only while the panel shows the conversation. */
  function markSeen() {
    if (
      !store.chatId ||
      !panelOpen() ||
      currentView !== "chat" ||
      document.visibilityState !== "visible"
    )
      return;
    const seq = convo.heldThrough;
    if (seq > convo.readSent && send({ type: "read", roomId: store.chatId, seq }))
      convo.readSent = seq;
  }

  function showUnread() {
    let count = 0;
    if (!panelOpen()) {
      for (const message of convo.messages.values()) {
        if (message.seq > convo.readSent && message.type !== "system" && !isMine(message))
          count += 1;
      }
    }
    ui.badge.textContent = count > 9 ? "9+" : String(count);
    ui.badge.hidden = count === 0;
    ui.launcher.setAttribute("aria-label", count ? t("launcherUnread", { count }) : t("launcher"));
  }

  // ---- sending ---------------------------------------------------------------------------------

  function onComposerSubmit(event) {
    event.preventDefault();
    const text = ui.input.value.trim();
    if (!text || !store.chatId) return;
    ui.input.value = "";
    autoGrow();
    stopTyping();
    const item = { clientId: newClientId(), text, sentAt: new Date().toISOString() };
    convo.outbox.push(item);
    keepOutbox();
    item.node = messageNode({ text, sentAt: item.sentAt, sender: { role: "user" } });
    ui.log.append(item.node);
    scrollToEnd();
    transmit(item);
  }

  /** Sends one queued message; without a connection it waits for the next one. */
  function transmit(item) {
    clearTimeout(item.timer);
    const sent = send({
      type: "message",
      roomId: store.chatId,
      clientId: item.clientId,
      text: item.text,
    });
    item.state = sent ? "sending" : "queued";
    showState(item.node, item.state);
    if (sent) item.timer = setTimeout(() => ackMissing(item), ACK_TIMEOUT);
  }

  /** The traveler decides whether to send again; meanwhile a ping finds out if the socket is dead. */
  function ackMissing(item) {
    fail(item, "");
    if (send({ type: "ping" })) expectAnswerWithin(SILENCE_LIMIT);
  }

  function flushOutbox() {
    for (const item of convo.outbox) if (item.state !== "failed") transmit(item);
  }

  /** A lost connection: whatever was on its way goes again, under the same clientId, later. */
  function holdOutbox() {
    for (const item of convo.outbox) {
      if (item.state === "sending") {
        clearTimeout(item.timer);
        item.state = "queued";
        showState(item.node, "queued");
      }
    }
  }

  function fail(item, detail) {
    clearTimeout(item.timer);
    item.state = "failed";
    showState(item.node, "failed", detail);
  }

  function retry(node) {
    const item = convo.outbox.find((candidate) => candidate.node === node);
    if (!item) return;
    transmit(item);
    ui.input?.focus();
  }

  function onAck(frame) {
    const item = convo.outbox.find((candidate) => candidate.clientId === frame.clientId);
    if (!item) return;
    addMessage({
      id: frame.id,
      seq: frame.seq,
      clientId: item.clientId,
      type: "text",
      text: item.text,
      sentAt: item.sentAt,
      sender: { role: "user", name: t("you") },
    });
  }

  /** A queued message is stored: it leaves the outbox and takes its place in the transcript. */
  function settle(item, seq) {
    clearTimeout(item.timer);
    convo.outbox.splice(convo.outbox.indexOf(item), 1);
    keepOutbox();
    item.node.dataset.seq = seq;
    return item.node;
  }

  function keepOutbox() {
    store.unsent = convo.outbox.map(({ clientId, text, sentAt }) => ({ clientId, text, sentAt }));
    save();
  }

  function enterSubmits(event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      event.target.form.requestSubmit();
    }
  }

  function autoGrow() {
    ui.input.style.height = "auto";
    ui.input.style.height = `${Math.min(ui.input.scrollHeight, 120)}px`;
  }

  // ---- typing ----------------------------------------------------------------------------------

  const typingOut = { active: false, sentAt: 0, idle: 0 };

  function onComposerInput() {
    autoGrow();
    if (!ui.input.value.trim()) {
      stopTyping();
      return;
    }
    const now = Date.now();
    if (!typingOut.active || now - typingOut.sentAt > TYPING_REFRESH) {
      if (send({ type: "typing", roomId: store.chatId, typing: true }))
        Object.assign(typingOut, { active: true, sentAt: now });
    }
    clearTimeout(typingOut.idle);
    typingOut.idle = setTimeout(stopTyping, TYPING_IDLE);
  }

  function stopTyping() {
    clearTimeout(typingOut.idle);
    if (typingOut.active) send({ type: "typing", roomId: store.chatId, typing: false });
    typingOut.active = false;
  }

  function onTyping(frame) {
    if (frame.roomId !== store.chatId || frame.user.role === "user") return;
    const id = frame.user.id;
    clearTimeout(convo.typers.get(id)?.timer);
    convo.typers.delete(id);
    if (frame.typing) {
      const timer = setTimeout(() => {
        convo.typers.delete(id);
        renderTyping();
      }, TYPING_SHOWN);
      convo.typers.set(id, { name: frame.user.name, timer });
    }
    renderTyping();
  }

  function clearTypers() {
    for (const typer of convo.typers.values()) clearTimeout(typer.timer);
    convo.typers.clear();
    renderTyping();
  }

  function renderTyping() {
    const names = [...convo.typers.values()].map((typer) => typer.name);
    ui.typing.hidden = names.length === 0;
    ui.typing.replaceChildren(
      h("span", { class: "dots", "aria-hidden": "true" }, h("i"), h("i"), h("i")),
      t("typing", { name: names.join(", ") }),
    );
  }

  // ---- the footer: composer, confirmation, rating, end ----------------------------------------

  const FOOTERS = {
    composer: () => ui.composer,
    confirm: buildConfirm,
    rating: buildRating,
    ended: buildEnded,
  };

  function renderFooter() {
    const chat = convo.chat;
    let mode = "composer";
    if (chat?.status === "closed") mode = chat.rating || convo.skipped ? "ended" : "rating";
    else if (convo.confirming) mode = "confirm";
    if (mode === convo.footer) return;
    const hadFocus = ui.footer.contains(shadow.activeElement);
    convo.footer = mode;
    ui.footer.replaceChildren(FOOTERS[mode]());
    if (hadFocus) focusFooter();
  }

  /**
   * Focus goes to the footer's first control, unless it is in the footer already: a socket frame
   * and a REST answer may both report the same change, and the second must not pull focus back.
   */
  function focusFooter() {
    if (ui.footer.contains(shadow.activeElement)) return;
    (
      ui.footer.querySelector("[data-autofocus]") ||
      ui.footer.querySelector("textarea, input, button")
    )?.focus();
  }

  function askToEnd() {
    convo.confirming = true;
    if (currentView !== "chat") showChat(false);
    renderFooter();
    focusFooter();
  }

  function cancelEnd() {
    convo.confirming = false;
    renderFooter();
    focusFooter();
  }

  function buildConfirm() {
    return h(
      "div",
      { class: "confirm", role: "group", "aria-labelledby": "cw-confirm" },
      h("p", { id: "cw-confirm", class: "confirm-title" }, t("confirmEnd")),
      h("p", { class: "muted" }, t("confirmHint")),
      h(
        "div",
        { class: "row" },
        h(
          "button",
          { class: "btn btn--ghost", type: "button", onclick: cancelEnd },
          t("keepChatting"),
        ),
        h(
          "button",
          { class: "btn btn--danger", type: "button", "data-autofocus": true, onclick: endChat },
          t("endChat"),
        ),
      ),
    );
  }

  async function endChat() {
    if (convo.ending) return;
    convo.ending = true;
    try {
      const chat = await api("POST", `/chat/${encodeURIComponent(store.chatId)}/close`);
      convo.confirming = false;
      applyChat(chat);
      focusFooter();
    } catch (error) {
      failed(error);
      if (error.status !== 401) cancelEnd();
    } finally {
      convo.ending = false;
    }
  }

  function buildRating() {
    const error = h("p", { class: "form-error", role: "alert", hidden: true });
    const stars = [1, 2, 3, 4, 5].map((n) =>
      h(
        "label",
        { class: "star" },
        h("input", { type: "radio", name: "score", value: n, class: "sr-only" }),
        icon("star"),
        h("span", { class: "sr-only" }, n === 1 ? t("oneStar") : t("stars", { n })),
      ),
    );
    const form = h(
      "form",
      { class: "rating" },
      h("fieldset", {}, h("legend", {}, t("rateTitle")), h("div", { class: "stars" }, stars)),
      h(
        "label",
        { class: "label", for: "cw-comment" },
        t("comment"),
        " ",
        h("span", { class: "optional" }, t("optional")),
      ),
      h("textarea", { id: "cw-comment", name: "comment", rows: "2", maxlength: "1000" }),
      error,
      h(
        "div",
        { class: "row" },
        h("button", { class: "btn btn--ghost", type: "button", onclick: skipRating }, t("skip")),
        h("button", { class: "btn btn--primary", type: "submit" }, t("sendRating")),
      ),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      rate(form, error);
    });
    return form;
  }

  async function rate(form, error) {
    const score = Number(new FormData(form).get("score"));
    const showError = (text) => {
      error.textContent = text;
      error.hidden = false;
    };
    if (!score) {
      showError(t("pickScore"));
      form.querySelector("input").focus();
      return;
    }
    const comment = form.elements.comment.value.trim();
    try {
      const chat = await api(
        "POST",
        `/chat/${encodeURIComponent(store.chatId)}/rating`,
        comment ? { score, comment } : { score },
      );
      applyChat(chat);
      focusFooter();
    } catch (failure) {
      failed(failure, showError);
    }
  }

  function skipRating() {
    convo.skipped = true;
    renderFooter();
    focusFooter();
  }

  function buildEnded() {
    const rating = convo.chat.rating;
    return h(
      "div",
      { class: "ended" },
      h("p", { class: "ended-title" }, rating ? t("thanks") : t("chatEnded")),
      rating ? h("p", { class: "muted" }, t("youRated", { n: rating.score })) : null,
      h(
        "button",
        { class: "btn btn--primary", type: "button", onclick: () => newChat(true) },
        t("newChat"),
      ),
    );
  }

  // ---- the pre-chat form -----------------------------------------------------------------------

  function showForm(moveFocus) {
    show("form", buildForm());
    if (moveFocus) focusView();
  }

  function field(id, label, optional, control) {
    return h(
      "div",
      { class: "field" },
      h(
        "label",
        { class: "label", for: id },
        label,
        optional ? [" ", h("span", { class: "optional" }, t("optional"))] : null,
      ),
      control,
    );
  }

  function buildForm() {
    const error = h("p", { class: "form-error", role: "alert", hidden: true });
    const submit = h("button", { class: "btn btn--primary btn--wide", type: "submit" }, t("start"));
    // A traveler with a session already has a name on it.
    const identity = store.token
      ? []
      : [
          field(
            "cw-name",
            t("name"),
            true,
            h("input", {
              id: "cw-name",
              name: "name",
              autocomplete: "name",
              maxlength: "100",
              value: SETTINGS.name,
            }),
          ),
          field(
            "cw-email",
            t("email"),
            true,
            h("input", {
              id: "cw-email",
              name: "email",
              type: "email",
              autocomplete: "email",
              maxlength: "200",
              value: SETTINGS.email,
            }),
          ),
        ];
    const form = h(
      "form",
      { class: "form" },
      h("p", { class: "intro" }, t("intro")),
      identity,
      field(
        "cw-subject",
        t("subject"),
        true,
        h("input", {
          id: "cw-subject",
          name: "subject",
          maxlength: "200",
          placeholder: t("subjectHint"),
        }),
      ),
      field(
        "cw-priority",
        t("priority"),
        false,
        h(
          "select",
          { id: "cw-priority", name: "priority" },
          PRIORITIES.map((p) =>
            h("option", { value: p, selected: p === "normal" }, t(`priority_${p}`)),
          ),
        ),
      ),
      field(
        "cw-message",
        t("firstMessage"),
        false,
        h("textarea", {
          id: "cw-message",
          name: "message",
          rows: "3",
          required: true,
          maxlength: "4000",
          onkeydown: enterSubmits,
        }),
      ),
      error,
      submit,
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      startChat(form, submit, error);
    });
    return form;
  }

  async function startChat(form, submit, error) {
    const data = Object.fromEntries(new FormData(form));
    const showError = (text) => {
      error.textContent = text;
      error.hidden = false;
    };
    if (!data.message.trim()) {
      showError(t("writeSomething"));
      return;
    }
    if (submit.disabled) return;
    submit.disabled = true;
    submit.textContent = t("starting");
    error.hidden = true;
    try {
      beginConversation(await startWithSession(data), true);
      ui.notice.hidden = true;
    } catch (failure) {
      showError(failure.message);
      submit.disabled = false;
      submit.textContent = t("start");
    }
  }

  async function startWithSession(data) {
    const body = { message: data.message.trim(), priority: data.priority };
    if (data.subject.trim()) body.subject = data.subject.trim();
    try {
      await ensureSession(data);
      return await api("POST", "/chat/start", body);
    } catch (error) {
      if (error.status !== 401) throw error;
      resetSession({}); // the saved session expired: a fresh one starts this chat
      await ensureSession(data);
      return api("POST", "/chat/start", body);
    }
  }

  async function ensureSession({ name = "", email = "" }) {
    if (store.token) return;
    const body = {};
    if (name.trim()) body.name = name.trim();
    if (email.trim()) body.email = email.trim();
    const session = await api("POST", "/auth/visitor", body);
    resetSession({ token: session.token, visitor: true });
  }

  // ---- past chats ------------------------------------------------------------------------------

  function pageOf(title, back, ...content) {
    const heading = h("h3", { tabindex: "-1" }, title);
    return h(
      "div",
      { class: "page" },
      h("div", { class: "page-head" }, iconButton("back", t("back"), back), heading),
      content,
    );
  }

  async function showHistory() {
    const list = h("ul", { class: "history" });
    const status = h("p", { class: "muted pad" }, t("loading"));
    const more = h(
      "button",
      { class: "btn btn--ghost more", type: "button", hidden: true },
      t("loadMore"),
    );
    let cursor = null;
    const load = async () => {
      try {
        const query = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
        const page = await api("GET", `/chat/history?limit=${HISTORY_PAGE}${query}`);
        list.append(...page.items.map(historyItem));
        cursor = page.nextCursor;
        more.hidden = !cursor || page.items.length === 0;
        status.textContent = t("noChats");
        status.hidden = list.children.length > 0;
      } catch (error) {
        failed(error, (text) => {
          status.textContent = text;
        });
      }
    };
    more.addEventListener("click", load);
    show("history", pageOf(t("history"), leaveHistory, status, list, more));
    focusView();
    await load();
  }

  function historyItem(chat) {
    return h(
      "li",
      {},
      h(
        "button",
        { class: "history-item", type: "button", onclick: () => openPastChat(chat) },
        h("span", { class: "history-subject" }, chat.subject || t("untitled")),
        h("span", { class: `chip chip--${chat.status}` }, t(`status_${chat.status}`)),
        h("span", { class: "history-meta" }, dateTimeOf(chat.lastMessageAt || chat.createdAt)),
      ),
    );
  }

  function openPastChat(chat) {
    if (chat.status === "closed") showTranscript(chat);
    else if (chat.id === store.chatId) showChat(true);
    else beginConversation(chat, true);
  }

  function leaveHistory() {
    if (store.chatId) showChat(true);
    else showForm(true);
  }

  /** A closed chat, read-only, fetched page by page. */
  async function showTranscript(chat) {
    const log = h("ol", { class: "log log--transcript", "aria-label": t("transcript") });
    const status = h("p", { class: "muted pad" }, t("loading"));
    const end = h(
      "p",
      { class: "transcript-end" },
      t("transcriptEnd"),
      chat.rating ? ` ${t("youRated", { n: chat.rating.score })}` : "",
    );
    show(
      "transcript",
      pageOf(
        chat.subject || t("untitled"),
        showHistory,
        h("p", { class: "page-sub" }, dateTimeOf(chat.createdAt)),
        status,
        log,
        end,
      ),
    );
    focusView();
    try {
      for (let after = 0; ; ) {
        const page = await api(
          "GET",
          `/chat/${encodeURIComponent(chat.id)}/messages?after=${after}&limit=${TRANSCRIPT_PAGE}`,
        );
        log.append(...page.items.map(messageNode));
        if (!page.nextCursor || page.items.length === 0) break;
        after = page.nextCursor;
      }
      status.hidden = true;
    } catch (error) {
      failed(error, (text) => {
        status.textContent = text;
      });
    }
  }

  // ---- start -----------------------------------------------------------------------------------

  function watchNetwork() {
    addEventListener("offline", () => {
      clearTimeout(socket.retry);
      dropSocket();
      setConnState("offline");
    });
    addEventListener("online", () => {
      socket.attempt = 0;
      if (socket.wanted) connect();
      else setConnState("idle");
    });
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState !== "visible") return;
      markSeen();
      // A phone that slept may have lost its socket: try now rather than after the backoff.
      if (socket.wanted && !socket.ws) connect();
    });
  }

  /**
   * A link from an email or text names a chat (`?concierge-chat=<id>`): open it, if this browser's
   * session may see it. The parameter is then taken out of the address, so a reload does not
   * open the chat again over whatever the traveler did since.
   */
  async function openLinkedChat() {
    const url = new URL(location.href);
    const id = url.searchParams.get(LINK_PARAM);
    if (!id) return;
    url.searchParams.delete(LINK_PARAM);
    history.replaceState(history.state, "", url);
    openPanel(false);
    if (!store.token) {
      showNotice(t("chatElsewhere"));
      return;
    }
    try {
      openPastChat(await api("GET", `/chat/${encodeURIComponent(id)}`));
    } catch (error) {
      if (error.status === 404) showNotice(t("chatElsewhere"));
      else failed(error);
    }
  }

  function boot() {
    buildShell();
    setConnState(navigator.onLine ? "idle" : "offline");
    if (store.token && store.chatId) resumeConversation();
    else showForm(false);
    if (store.open) openPanel(false);
    watchNetwork();
    openLinkedChat();
  }

  if (document.body) boot();
  else document.addEventListener("DOMContentLoaded", boot, { once: true });
})();
