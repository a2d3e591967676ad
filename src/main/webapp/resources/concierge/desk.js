/*
 * The live part of the agent dashboard: the queue, the agent's chats and the team, kept current
 * over the public WebSocket protocol (/ws/chat) and the REST API, with the same guarantees a
 * traveler gets: after any drop the socket rejoins each chat from the last seq it holds, so no
 * message is missing or doubled.
 */
(() => {
  'use strict';

  const root = document.getElementById('desk');
  if (!root) {
    return;
  }

  const TEXT = {
    connecting: 'Connecting…',
    connected: 'Live',
    reconnecting: 'Reconnecting…',
    offline: 'Offline: waiting for the network',
    waiting: 'waiting',
    accept: 'Accept',
    acceptTaken: 'Another agent accepted this chat first.',
    chatGone: 'That chat is no longer waiting.',
    transferredToMe: (subject) => `A chat was handed to you: ${subject}`,
    transferredAway: (name) => `The chat is now with ${name}.`,
    typing: (name) => `${name} is typing…`,
    sending: 'Sending…',
    sent: 'Delivered',
    read: 'Read',
    failed: 'Not sent',
    retry: 'Retry',
    send: 'Send',
    composer: 'Your reply',
    closeChat: 'Close chat',
    confirmClose: 'Close this chat for good?',
    cancel: 'Cancel',
    escalate: 'Escalate',
    escalated: 'Escalated',
    transfer: 'Transfer',
    priority: 'Priority',
    closed: 'This chat is closed.',
    closedBy: (who) => `Closed by ${who}.`,
    dismiss: 'Close tab',
    rated: (score) => `Rated ${score} of 5`,
    untitled: 'No subject',
    you: 'You',
    unread: (n) => `${n} unread`,
    priorities: { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low' },
    statuses: { online: 'Online', away: 'Away', offline: 'Offline' },
    notifyTurnOn: 'Turn on desktop notifications',
    notifyTurnOff: 'Turn off',
    notifyOn: 'Desktop notifications on',
    notifyOnWithPush: 'Desktop notifications on, also while the dashboard is closed',
    notifyBlocked: 'Desktop notifications are blocked in this browser’s settings',
    notifyNoPush:
      'Desktop notifications on while this tab is open; alerts while it is closed are not available in this browser',
    newChat: (chat) =>
      chat.priority === 'urgent'
        ? `Urgent chat: ${chat.subject || TEXT.untitled}`
        : `New chat: ${chat.subject || TEXT.untitled}`,
    newChatBody: (chat) => `${chat.traveler.name} is waiting`,
    newMessage: (name) => `${name} wrote`,
  };
  const PRIORITY_RANK = { urgent: 0, high: 1, normal: 2, low: 3 };
  const PING_EVERY_MS = 20000;
  const PONG_WITHIN_MS = 8000;
  const TYPING_REPEAT_MS = 3000;
  const TYPING_IDLE_MS = 4000;
  const TYPING_SHOWN_MS = 6000;
  const PREVIEW_LENGTH = 140;
  const PUSH_SUBSCRIBE_MS = 15000;
  const SIGN_OUT_WAIT_MS = 3000;
  const NOTIFY_CHOICE = 'concierge:desk-notifications';

  const base = root.dataset.context || '';
  const myId = root.dataset.me;
  const el = (id) => document.getElementById(id);
  const baseTitle = document.title;

  const state = {
    token: null,
    socket: null,
    ready: false,
    attempts: 0,
    reconnectTimer: null,
    pingTimer: null,
    pongTimer: null,
    queue: new Map(),
    chats: new Map(),
    open: [],
    current: null,
    team: new Map(),
    audio: null,
    requestedChat: new URLSearchParams(window.location.search).get('chat'),
    worker: null,
    signingOut: false,
  };

  // ---------------------------------------------------------------- REST

  async function fetchToken() {
    const response = await fetch(`${base}/api/auth/session`, { credentials: 'same-origin' });
    if (response.status === 401) {
      window.location.assign(`${base}/signin.xhtml`);
      throw new Error('signed out');
    }
    if (!response.ok) {
      throw new Error(`session ${response.status}`);
    }
    state.token = (await response.json()).token;
  }

  async function api(method, path, body) {
    const call = () =>
      fetch(`${base}/api${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${state.token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    let response = await call();
    if (response.status === 401) {
      await fetchToken();
      response = await call();
    }
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    return { status: response.status, ok: response.ok, data };
  }

  async function allPages(path) {
    const items = [];
    let cursor = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page = await api(
        'GET',
        `${path}${separator}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
      );
      if (!page.ok) {
        break;
      }
      items.push(...page.data.items);
      cursor = page.data.items.length ? page.data.nextCursor : null;
    } while (cursor && items.length < 1000);
    return items;
  }

  // ---------------------------------------------------------------- socket

  function setConnection(name) {
    const badge = el('connection');
    badge.dataset.state = name;
    badge.textContent = TEXT[name];
  }

  function connect() {
    clearTimeout(state.reconnectTimer);
    if (!navigator.onLine) {
      setConnection('offline');
      return;
    }
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${window.location.host}${base}/ws/chat`);
    state.socket = socket;
    socket.addEventListener('open', () => send({ type: 'auth', token: state.token }));
    socket.addEventListener('message', (event) => {
      heard();
      receive(JSON.parse(event.data));
    });
    socket.addEventListener('close', (event) => {
      if (state.socket !== socket) {
        return;
      }
      dropped(event.code === 4401);
    });
  }

  function dropped(tokenRefused) {
    state.ready = false;
    state.socket = null;
    clearInterval(state.pingTimer);
    clearTimeout(state.pongTimer);
    for (const chat of state.chats.values()) {
      chat.joined = false;
    }
    setConnection(navigator.onLine ? 'reconnecting' : 'offline');
    if (!navigator.onLine) {
      return;
    }
    const delay = Math.min(15000, 500 * 2 ** state.attempts) * (0.5 + Math.random() / 2);
    state.attempts += 1;
    state.reconnectTimer = setTimeout(async () => {
      try {
        if (tokenRefused) {
          await fetchToken();
        }
        connect();
      } catch (error) {
        dropped(tokenRefused);
      }
    }, delay);
  }

  function hangUp() {
    const socket = state.socket;
    if (socket) {
      state.socket = null;
      socket.close();
      dropped(false);
    }
  }

  function send(frame) {
    if (state.socket && state.socket.readyState === WebSocket.OPEN) {
      state.socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  function heard() {
    clearTimeout(state.pongTimer);
    state.pongTimer = null;
  }

  function keepAlive() {
    clearInterval(state.pingTimer);
    state.pingTimer = setInterval(() => {
      if (send({ type: 'ping' }) && !state.pongTimer) {
        state.pongTimer = setTimeout(hangUp, PONG_WITHIN_MS);
      }
    }, PING_EVERY_MS);
  }

  async function onReady() {
    state.ready = true;
    state.attempts = 0;
    setConnection('connected');
    keepAlive();
    await Promise.all([loadQueue(), loadMine(), loadTeam()]);
    if (state.requestedChat) {
      showChat(state.requestedChat);
      state.requestedChat = null;
      window.history.replaceState(null, '', window.location.pathname);
    }
    for (const chat of state.chats.values()) {
      join(chat);
      // Unacknowledged replies go again with their clientId: the server keeps only one of each.
      for (const clientId of chat.pending.keys()) {
        deliver(chat, clientId);
      }
    }
  }

  function join(chat) {
    if (!chat.joined && send({ type: 'join', roomId: chat.id, afterSeq: chat.lastHeldSeq })) {
      chat.joined = true;
    }
  }

  function receive(frame) {
    switch (frame.type) {
      case 'ready':
        onReady();
        break;
      case 'queue':
        onQueue(frame.event, frame.chat);
        break;
      case 'assigned':
        onAssigned(frame.chat);
        break;
      case 'joined':
        onJoined(frame.chat);
        break;
      case 'chat':
        onChat(frame.chat);
        break;
      case 'message':
        onMessage(frame.message);
        break;
      case 'ack':
        onAck(frame);
        break;
      case 'typing':
        onTyping(frame);
        break;
      case 'read':
        onRead(frame);
        break;
      case 'presence':
        onPresence(frame);
        break;
      case 'error':
        onError(frame);
        break;
      default:
        break;
    }
  }

  // ---------------------------------------------------------------- queue

  async function loadQueue() {
    const waiting = await allPages('/chat/agent/unassigned');
    state.queue = new Map(waiting.map((chat) => [chat.id, chat]));
    renderQueue();
  }

  function onQueue(event, chat) {
    const isNew = event === 'added' && !state.queue.has(chat.id);
    if (event === 'removed') {
      state.queue.delete(chat.id);
    } else {
      state.queue.set(chat.id, chat);
    }
    renderQueue();
    if (isNew) {
      chime();
      notify(chat.id, TEXT.newChat(chat), TEXT.newChatBody(chat));
    }
  }

  function queueOrder(a, b) {
    return (
      PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
      Date.parse(a.createdAt) - Date.parse(b.createdAt)
    );
  }

  function renderQueue() {
    const list = el('queue');
    const waiting = [...state.queue.values()].sort(queueOrder);
    list.replaceChildren(...waiting.map(queueItem));
    el('queueCount').textContent = String(waiting.length);
    el('queueEmpty').hidden = waiting.length > 0;
    tickWaiting();
    updateTitle();
  }

  function queueItem(chat) {
    const item = node('li', 'queue-item');
    item.dataset.room = chat.id;
    item.dataset.priority = chat.priority;
    const head = node('div', 'queue-head');
    head.append(
      badge(chat.priority),
      node('span', 'queue-subject', chat.subject || TEXT.untitled)
    );
    const who = node('div', 'queue-who');
    const wait = node('span', 'wait');
    wait.dataset.since = chat.createdAt;
    who.append(node('span', 'traveler', chat.traveler.name), wait);
    const accept = node('button', 'accept', TEXT.accept);
    accept.type = 'button';
    accept.setAttribute('aria-label', `${TEXT.accept}: ${chat.subject || TEXT.untitled}`);
    accept.addEventListener('click', () => acceptChat(chat.id));
    item.append(head, who, accept);
    return item;
  }

  function tickWaiting() {
    const now = Date.now();
    for (const wait of document.querySelectorAll('#queue .wait')) {
      wait.textContent = `${duration(now - Date.parse(wait.dataset.since))} ${TEXT.waiting}`;
    }
  }

  function duration(ms) {
    const seconds = Math.max(0, Math.floor(ms / 1000));
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    const rest = seconds % 60;
    if (hours) {
      return `${hours} h ${String(minutes).padStart(2, '0')} min`;
    }
    if (minutes) {
      return `${minutes} min ${String(rest).padStart(2, '0')} s`;
    }
    return `${rest} s`;
  }

  async function acceptChat(roomId) {
    const answer = await api('POST', `/chat/${roomId}/accept`);
    if (answer.ok) {
      state.queue.delete(roomId);
      renderQueue();
      adopt(answer.data, true);
      return;
    }
    state.queue.delete(roomId);
    renderQueue();
    toast(answer.status === 409 ? TEXT.acceptTaken : TEXT.chatGone, 'warn');
  }

  // ---------------------------------------------------------------- my chats

  async function loadMine() {
    const mine = await allPages('/chat/agent/assigned');
    for (const chat of mine) {
      adopt(chat, false);
    }
    renderMine();
  }

  function adopt(data, show) {
    let chat = state.chats.get(data.id);
    if (!chat) {
      chat = {
        id: data.id,
        data,
        messages: new Map(),
        pending: new Map(),
        lastHeldSeq: 0,
        joined: false,
        typingTimer: null,
        typingSentAt: 0,
        typingIdle: null,
        readSent: 0,
        liveAfter: 0,
        pane: null,
      };
      state.chats.set(data.id, chat);
    }
    chat.data = data;
    join(chat);
    renderMine();
    if (show) {
      openChat(chat.id);
    } else if (chat.pane) {
      renderChatHead(chat);
    }
    return chat;
  }

  function onAssigned(data) {
    const known = state.chats.has(data.id);
    adopt(data, false);
    if (!known) {
      const last = data.transfers && data.transfers[data.transfers.length - 1];
      if (last && last.toAgentId === myId) {
        toast(TEXT.transferredToMe(data.subject || data.traveler.name), 'info');
        chime();
      }
    }
  }

  /** Messages up to the chat's last seq at joining are replayed history, not news to announce. */
  function onJoined(data) {
    const chat = state.chats.get(data.id);
    if (chat) {
      chat.liveAfter = Math.max(chat.liveAfter, data.lastSeq || 0);
    }
    onChat(data);
  }

  function onChat(data) {
    const chat = state.chats.get(data.id);
    if (!chat) {
      return;
    }
    chat.data = data;
    if (data.status === 'active' && data.agent && data.agent.id !== myId) {
      toast(TEXT.transferredAway(data.agent.name), 'info');
      forget(chat);
      return;
    }
    if (chat.pane) {
      renderChatHead(chat);
      renderMarks(chat);
    }
    renderMine();
  }

  function forget(chat) {
    state.chats.delete(chat.id);
    send({ type: 'leave', roomId: chat.id });
    dismiss(chat.id);
    renderMine();
  }

  function unread(chat) {
    const marker = (chat.data.readMarkers && chat.data.readMarkers[myId]) || 0;
    let count = 0;
    for (const message of chat.messages.values()) {
      if (message.seq > marker && message.sender.id !== myId && message.type !== 'system') {
        count += 1;
      }
    }
    return count;
  }

  function renderMine() {
    const active = [...state.chats.values()]
      .filter((chat) => chat.data.status === 'active')
      .sort((a, b) => Date.parse(a.data.assignedAt) - Date.parse(b.data.assignedAt));
    el('mine').replaceChildren(...active.map(mineItem));
    el('mineCount').textContent = String(active.length);
    el('mineEmpty').hidden = active.length > 0;
    renderTabs();
    updateTitle();
  }

  function mineItem(chat) {
    const item = node('li', 'mine-item');
    item.dataset.room = chat.id;
    const open = node('button', 'mine-open');
    open.type = 'button';
    open.append(
      badge(chat.data.priority),
      node('span', 'mine-subject', chat.data.subject || TEXT.untitled),
      node('span', 'traveler', chat.data.traveler.name)
    );
    const count = unread(chat);
    if (count) {
      const dot = node('span', 'unread', String(count));
      dot.setAttribute('aria-label', TEXT.unread(count));
      open.append(dot);
    }
    if (state.current === chat.id) {
      item.classList.add('current');
      open.setAttribute('aria-current', 'true');
    }
    open.addEventListener('click', () => openChat(chat.id));
    item.append(open);
    return item;
  }

  function updateTitle() {
    let count = state.queue.size;
    for (const chat of state.chats.values()) {
      count += unread(chat);
    }
    document.title = count ? `(${count}) ${baseTitle}` : baseTitle;
  }

  // ---------------------------------------------------------------- tabs and panes

  function openChat(roomId) {
    const chat = state.chats.get(roomId);
    if (!chat) {
      return;
    }
    if (!state.open.includes(roomId)) {
      state.open.push(roomId);
    }
    if (!chat.pane) {
      chat.pane = buildPane(chat);
      el('panes').append(chat.pane);
      for (const message of [...chat.messages.values()].sort((a, b) => a.seq - b.seq)) {
        placeMessage(chat, message);
      }
    }
    state.current = roomId;
    for (const other of state.chats.values()) {
      if (other.pane) {
        other.pane.hidden = other.id !== roomId;
      }
    }
    el('workEmpty').hidden = true;
    renderChatHead(chat);
    renderMine();
    scrollToEnd(chat);
    markRead(chat);
    chat.pane.querySelector('textarea').focus();
  }

  function dismiss(roomId) {
    const chat = state.chats.get(roomId);
    state.open = state.open.filter((id) => id !== roomId);
    const pane = chat ? chat.pane : el('panes').querySelector(`[data-room="${roomId}"]`);
    if (pane) {
      pane.remove();
    }
    if (chat) {
      chat.pane = null;
      if (chat.data.status === 'closed') {
        state.chats.delete(roomId);
        send({ type: 'leave', roomId });
      }
    }
    if (state.current === roomId) {
      state.current = null;
      const next = state.open[state.open.length - 1];
      if (next) {
        openChat(next);
        return;
      }
      el('workEmpty').hidden = false;
    }
    renderMine();
  }

  function renderTabs() {
    const tabs = state.open
      .map((id) => state.chats.get(id))
      .filter(Boolean)
      .map((chat) => {
        const tab = node('div', 'tab');
        tab.dataset.room = chat.id;
        const pick = node('button', 'tab-pick');
        pick.type = 'button';
        pick.setAttribute('role', 'tab');
        pick.setAttribute('aria-selected', String(chat.id === state.current));
        pick.append(node('span', 'tab-name', chat.data.traveler.name));
        const count = unread(chat);
        if (count) {
          const dot = node('span', 'unread', String(count));
          dot.setAttribute('aria-label', TEXT.unread(count));
          pick.append(dot);
        }
        pick.addEventListener('click', () => openChat(chat.id));
        const close = node('button', 'tab-close', '×');
        close.type = 'button';
        close.setAttribute('aria-label', `${TEXT.dismiss}: ${chat.data.traveler.name}`);
        close.addEventListener('click', () => dismiss(chat.id));
        if (chat.id === state.current) {
          tab.classList.add('current');
        }
        tab.append(pick, close);
        return tab;
      });
    el('tabs').replaceChildren(...tabs);
  }

  function buildPane(chat) {
    const pane = node('section', 'pane');
    pane.dataset.room = chat.id;
    pane.setAttribute('role', 'tabpanel');

    const head = node('header', 'pane-head');
    const title = node('div', 'pane-title');
    title.append(node('h2', 'pane-subject'), node('p', 'pane-meta'));
    const actions = node('div', 'pane-actions');

    const priorityLabel = node('label', 'priority-label', TEXT.priority);
    const priority = node('select', 'priority');
    for (const value of Object.keys(PRIORITY_RANK)) {
      const option = node('option', null, TEXT.priorities[value]);
      option.value = value;
      priority.append(option);
    }
    priority.addEventListener('change', () => changePriority(chat, priority.value));
    priorityLabel.append(priority);

    const escalate = button('escalate', TEXT.escalate, () => escalateChat(chat));
    const transfer = button('transfer', TEXT.transfer, () => openTransfer(chat));
    const close = button('close', TEXT.closeChat, () => askClose(chat));
    actions.append(priorityLabel, escalate, transfer, close);
    head.append(title, actions);

    const confirm = node('div', 'confirm-close');
    confirm.hidden = true;
    confirm.setAttribute('role', 'alertdialog');
    confirm.setAttribute('aria-label', TEXT.confirmClose);
    confirm.append(
      node('span', null, TEXT.confirmClose),
      button('confirm', TEXT.closeChat, () => closeChat(chat)),
      button('cancel', TEXT.cancel, () => {
        confirm.hidden = true;
        close.focus();
      })
    );

    const transcript = node('ol', 'transcript');
    transcript.setAttribute('role', 'log');
    transcript.setAttribute('aria-live', 'polite');
    transcript.setAttribute('aria-label', `${chat.data.traveler.name}`);

    const typing = node('p', 'typing');
    typing.setAttribute('aria-live', 'polite');

    const composer = node('form', 'composer');
    const input = node('textarea', null);
    input.rows = 2;
    input.maxLength = 4000;
    input.placeholder = TEXT.composer;
    input.setAttribute('aria-label', TEXT.composer);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit(chat, input);
      }
    });
    input.addEventListener('input', () => typed(chat, input.value.trim() !== ''));
    const sendButton = node('button', 'send', TEXT.send);
    sendButton.type = 'submit';
    composer.addEventListener('submit', (event) => {
      event.preventDefault();
      submit(chat, input);
    });
    composer.append(input, sendButton);
    const closedNote = node('p', 'closed-note');
    closedNote.hidden = true;

    pane.append(head, confirm, transcript, typing, composer, closedNote);
    return pane;
  }

  function renderChatHead(chat) {
    const pane = chat.pane;
    const data = chat.data;
    pane.querySelector('.pane-subject').textContent = data.subject || TEXT.untitled;
    const meta = [data.traveler.name, TEXT.priorities[data.priority]];
    if (data.escalated) {
      meta.push(TEXT.escalated);
    }
    if (data.rating) {
      meta.push(TEXT.rated(data.rating.score));
    }
    pane.querySelector('.pane-meta').textContent = meta.join(' · ');
    pane.querySelector('.priority').value = data.priority;
    const active = data.status === 'active';
    pane.querySelector('.priority').disabled = !active;
    pane.querySelector('.escalate').disabled = !active || data.escalated;
    pane.querySelector('.escalate').textContent = data.escalated ? TEXT.escalated : TEXT.escalate;
    pane.querySelector('.transfer').disabled = !active;
    pane.querySelector('.close').disabled = !active;
    pane.querySelector('.composer').hidden = !active;
    const closedNote = pane.querySelector('.closed-note');
    closedNote.hidden = active;
    if (!active) {
      pane.querySelector('.confirm-close').hidden = true;
      closedNote.textContent =
        data.closedBy && data.closedBy.role === 'user'
          ? `${TEXT.closed} ${TEXT.closedBy(data.traveler.name)}`
          : TEXT.closed;
    }
  }

  // ---------------------------------------------------------------- messages

  function onMessage(message) {
    const chat = state.chats.get(message.roomId);
    if (!chat || chat.messages.has(message.seq)) {
      return;
    }
    chat.messages.set(message.seq, message);
    chat.lastHeldSeq = Math.max(chat.lastHeldSeq, message.seq);
    if (message.clientId && chat.pending.has(message.clientId)) {
      chat.pending.get(message.clientId).element.remove();
      chat.pending.delete(message.clientId);
    }
    if (message.sender.id !== myId) {
      clearTyping(chat);
    }
    if (chat.pane) {
      placeMessage(chat, message);
      scrollToEnd(chat);
    }
    const news = message.sender.id !== myId && message.type !== 'system';
    if (chat.id === state.current) {
      markRead(chat);
    } else if (news) {
      chime();
    }
    if (news && message.seq > chat.liveAfter) {
      notify(chat.id, TEXT.newMessage(message.sender.name), preview(message.text));
    }
    renderMine();
  }

  function placeMessage(chat, message) {
    const transcript = chat.pane.querySelector('.transcript');
    const item = messageItem(message);
    const acknowledged = transcript.querySelector(`[data-seq="${message.seq}"]`);
    if (acknowledged) {
      // The sender's own copy, shown since its ack, gives way to the stored message.
      acknowledged.replaceWith(item);
      renderMarks(chat);
      return;
    }
    const later = [...transcript.querySelectorAll('[data-seq]')].find(
      (other) => Number(other.dataset.seq) > message.seq
    );
    const firstPending = transcript.querySelector('.pending');
    transcript.insertBefore(item, later || firstPending || null);
    renderMarks(chat);
  }

  function messageItem(message) {
    const mine = message.sender.id === myId;
    const kind =
      message.type === 'system' ? 'system' : mine ? 'own' : `from-${message.sender.role}`;
    const item = node('li', `message ${kind}`);
    if (message.seq) {
      item.dataset.seq = String(message.seq);
    }
    if (message.type !== 'system') {
      item.append(node('span', 'sender', mine ? TEXT.you : message.sender.name));
    }
    item.append(node('p', 'text', message.text));
    const meta = node('span', 'meta');
    const time = node('time', null, clock(message.sentAt));
    if (message.sentAt) {
      time.dateTime = message.sentAt;
    }
    meta.append(time);
    if (mine && message.type !== 'system') {
      meta.append(node('span', 'mark'));
    }
    item.append(meta);
    return item;
  }

  function renderMarks(chat) {
    if (!chat.pane) {
      return;
    }
    const travelerRead = (chat.data.readMarkers || {})[chat.data.traveler.id] || 0;
    for (const item of chat.pane.querySelectorAll('.message.own[data-seq]')) {
      const mark = item.querySelector('.mark');
      const read = Number(item.dataset.seq) <= travelerRead;
      mark.textContent = read ? TEXT.read : TEXT.sent;
      mark.dataset.state = read ? 'read' : 'sent';
    }
  }

  function clock(iso) {
    const date = iso ? new Date(iso) : new Date();
    return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function scrollToEnd(chat) {
    const transcript = chat.pane && chat.pane.querySelector('.transcript');
    if (transcript) {
      transcript.scrollTop = transcript.scrollHeight;
    }
  }

  function submit(chat, input) {
    const text = input.value.trim();
    if (!text || chat.data.status !== 'active') {
      return;
    }
    input.value = '';
    typed(chat, false);
    const clientId = crypto.randomUUID();
    const element = messageItem({
      type: 'text',
      text,
      sender: { id: myId, role: 'agent' },
      sentAt: new Date().toISOString(),
    });
    element.classList.add('pending');
    element.dataset.client = clientId;
    chat.pending.set(clientId, { text, element });
    chat.pane.querySelector('.transcript').append(element);
    scrollToEnd(chat);
    deliver(chat, clientId);
  }

  function deliver(chat, clientId) {
    const pending = chat.pending.get(clientId);
    const mark = pending.element.querySelector('.mark');
    mark.textContent = TEXT.sending;
    mark.dataset.state = 'sending';
    pending.element.querySelector('.retry')?.remove();
    if (!send({ type: 'message', roomId: chat.id, clientId, text: pending.text })) {
      failed(chat, clientId, null);
    }
  }

  function onAck(ack) {
    for (const chat of state.chats.values()) {
      const pending = chat.pending.get(ack.clientId);
      if (pending) {
        pending.element.dataset.seq = String(ack.seq);
        pending.element.classList.remove('pending');
        chat.pending.delete(ack.clientId);
        if (chat.messages.has(ack.seq)) {
          pending.element.remove();
        }
        renderMarks(chat);
        return;
      }
    }
  }

  function failed(chat, clientId, reason) {
    const pending = chat.pending.get(clientId);
    const mark = pending.element.querySelector('.mark');
    mark.textContent = reason ? `${TEXT.failed}: ${reason}` : TEXT.failed;
    mark.dataset.state = 'failed';
    if (!pending.element.querySelector('.retry')) {
      pending.element.append(button('retry', TEXT.retry, () => deliver(chat, clientId)));
    }
  }

  function onError(frame) {
    for (const chat of state.chats.values()) {
      if (frame.ref && chat.pending.has(frame.ref)) {
        failed(chat, frame.ref, frame.message);
        return;
      }
    }
    if (frame.code === 'not_found' && frame.ref && state.chats.has(frame.ref)) {
      forget(state.chats.get(frame.ref));
      return;
    }
    toast(frame.message, 'warn');
  }

  // ---------------------------------------------------------------- typing and reading

  function typed(chat, typing) {
    clearTimeout(chat.typingIdle);
    const now = Date.now();
    if (!typing) {
      if (chat.typingSentAt) {
        send({ type: 'typing', roomId: chat.id, typing: false });
        chat.typingSentAt = 0;
      }
      return;
    }
    if (now - chat.typingSentAt > TYPING_REPEAT_MS) {
      send({ type: 'typing', roomId: chat.id, typing: true });
      chat.typingSentAt = now;
    }
    chat.typingIdle = setTimeout(() => typed(chat, false), TYPING_IDLE_MS);
  }

  function onTyping(frame) {
    const chat = state.chats.get(frame.roomId);
    if (!chat || !chat.pane) {
      return;
    }
    clearTimeout(chat.typingTimer);
    const line = chat.pane.querySelector('.typing');
    line.textContent = frame.typing ? TEXT.typing(frame.user.name) : '';
    if (frame.typing) {
      chat.typingTimer = setTimeout(() => clearTyping(chat), TYPING_SHOWN_MS);
    }
  }

  function clearTyping(chat) {
    clearTimeout(chat.typingTimer);
    if (chat.pane) {
      chat.pane.querySelector('.typing').textContent = '';
    }
  }

  function markRead(chat) {
    if (document.visibilityState !== 'visible' || chat.id !== state.current) {
      return;
    }
    const last = Math.max(0, ...chat.messages.keys());
    const marker = (chat.data.readMarkers || {})[myId] || 0;
    if (last > marker && last > chat.readSent && send({ type: 'read', roomId: chat.id, seq: last })) {
      chat.readSent = last;
      chat.data.readMarkers = { ...(chat.data.readMarkers || {}), [myId]: last };
      renderMine();
    }
  }

  function onRead(frame) {
    const chat = state.chats.get(frame.roomId);
    if (!chat) {
      return;
    }
    chat.data.readMarkers = { ...(chat.data.readMarkers || {}), [frame.userId]: frame.seq };
    renderMarks(chat);
    renderMine();
  }

  // ---------------------------------------------------------------- actions on a chat

  async function changePriority(chat, priority) {
    const answer = await api('PUT', `/chat/${chat.id}/priority`, { priority });
    settle(chat, answer);
  }

  async function escalateChat(chat) {
    const answer = await api('POST', `/chat/${chat.id}/escalate`, {});
    settle(chat, answer);
  }

  function askClose(chat) {
    const confirm = chat.pane.querySelector('.confirm-close');
    confirm.hidden = false;
    confirm.querySelector('.confirm').focus();
  }

  async function closeChat(chat) {
    const answer = await api('POST', `/chat/${chat.id}/close`, {});
    settle(chat, answer);
  }

  function settle(chat, answer) {
    if (answer.ok) {
      onChat(answer.data);
      return;
    }
    toast((answer.data && answer.data.detail) || `Refused (${answer.status})`, 'warn');
    if (chat.pane) {
      renderChatHead(chat);
    }
  }

  function openTransfer(chat) {
    if (typeof window.conciergeOpenTransfer === 'function') {
      window.conciergeOpenTransfer([{ name: 'roomId', value: chat.id }]);
    }
  }

  // ---------------------------------------------------------------- team

  async function loadTeam() {
    const answer = await api('GET', '/agents');
    if (!answer.ok) {
      return;
    }
    state.team = new Map(answer.data.items.map((agent) => [agent.id, agent]));
    renderTeam();
  }

  function onPresence(frame) {
    const agent = state.team.get(frame.userId);
    if (agent) {
      agent.status = frame.status;
      renderTeam();
    } else {
      loadTeam();
    }
  }

  function renderTeam() {
    const order = { online: 0, away: 1, offline: 2 };
    const people = [...state.team.values()].sort(
      (a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name)
    );
    el('team').replaceChildren(
      ...people.map((agent) => {
        const item = node('li', 'member');
        item.dataset.user = agent.id;
        item.dataset.status = agent.status;
        const dot = node('span', `status-dot status-${agent.status}`);
        dot.setAttribute('aria-hidden', 'true');
        item.append(
          dot,
          node('span', 'member-name', agent.id === myId ? `${agent.name} (${TEXT.you})` : agent.name),
          node('span', 'member-status', TEXT.statuses[agent.status])
        );
        return item;
      })
    );
  }

  // ---------------------------------------------------------------- desktop notifications

  /*
   * System notifications while the dashboard's tab is hidden, and Web Push while it is closed. The
   * browser is asked for permission only when the agent clicks the control in the top bar; the
   * agent's choice to turn them off is kept in this browser.
   */

  const notifications = 'Notification' in window;

  function notificationsOn() {
    return (
      notifications &&
      Notification.permission === 'granted' &&
      localStorage.getItem(NOTIFY_CHOICE) !== 'off'
    );
  }

  function renderNotifyControl(note) {
    const control = el('notify');
    if (!control || !notifications) {
      return;
    }
    control.hidden = false;
    const toggle = el('notifyToggle');
    const line = el('notifyState');
    if (Notification.permission === 'denied') {
      control.dataset.state = 'denied';
      toggle.hidden = true;
      line.textContent = TEXT.notifyBlocked;
    } else if (notificationsOn()) {
      control.dataset.state = 'on';
      toggle.hidden = false;
      toggle.textContent = TEXT.notifyTurnOff;
      line.textContent = note || TEXT.notifyOn;
    } else {
      control.dataset.state = 'off';
      toggle.hidden = false;
      toggle.textContent = TEXT.notifyTurnOn;
      line.textContent = '';
    }
  }

  async function toggleNotifications() {
    if (notificationsOn()) {
      localStorage.setItem(NOTIFY_CHOICE, 'off');
      renderNotifyControl();
      await unsubscribePush();
      return;
    }
    localStorage.setItem(NOTIFY_CHOICE, 'on');
    if (Notification.permission === 'default') {
      await Notification.requestPermission();
    }
    renderNotifyControl();
    if (notificationsOn()) {
      await subscribePush();
    }
  }

  function notify(roomId, title, body) {
    if (document.visibilityState !== 'hidden' || !notificationsOn()) {
      return;
    }
    const options = { body, tag: `chat-${roomId}` };
    try {
      const shown = new Notification(title, options);
      shown.addEventListener('click', () => {
        window.focus();
        shown.close();
        showChat(roomId);
      });
    } catch (pageNotificationsRefused) {
      // Some browsers (Chrome on Android) show notifications only through a service worker.
      if (state.worker) {
        state.worker.showNotification(title, {
          ...options,
          data: { url: `${window.location.origin}${base}/desk/?chat=${encodeURIComponent(roomId)}` },
        });
      }
    }
  }

  /** Brings a chat into view: opens one of mine, or points at one in the queue. */
  function showChat(roomId) {
    if (state.chats.has(roomId)) {
      openChat(roomId);
      return;
    }
    const waiting = document.querySelector(`#queue [data-room="${CSS.escape(roomId)}"]`);
    if (waiting) {
      waiting.scrollIntoView({ block: 'nearest' });
      waiting.classList.add('flash');
      setTimeout(() => waiting.classList.remove('flash'), 3000);
      waiting.querySelector('.accept').focus();
    } else {
      toast(TEXT.chatGone, 'info');
    }
  }

  async function pushRegistration() {
    if (!('serviceWorker' in navigator) || !('PushManager' in window)) {
      return null;
    }
    if (!state.worker) {
      state.worker = await navigator.serviceWorker.register(`${base}/desk/sw.js`, {
        scope: `${base}/desk/`,
      });
    }
    return state.worker;
  }

  /** Subscribes this browser to Web Push with the server's key and hands the subscription over. */
  async function subscribePush() {
    try {
      const registration = await pushRegistration();
      if (!registration) {
        renderNotifyControl(TEXT.notifyNoPush);
        return;
      }
      const key = await api('GET', '/push/key');
      if (!key.ok) {
        throw new Error(`push key ${key.status}`);
      }
      const serverKey = base64urlBytes(key.data.publicKey);
      let subscription = await registration.pushManager.getSubscription();
      if (subscription && !sameBytes(subscription.options.applicationServerKey, serverKey)) {
        await subscription.unsubscribe();
        subscription = null;
      }
      if (!subscription) {
        subscription = await withinTime(
          registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: serverKey }),
          PUSH_SUBSCRIBE_MS
        );
      }
      const saved = await api('POST', '/me/push-subscriptions', subscription.toJSON());
      if (!saved.ok) {
        throw new Error(`push subscription ${saved.status}`);
      }
      renderNotifyControl(TEXT.notifyOnWithPush);
    } catch (unavailable) {
      // No push service within reach (or none at all): notifications still work while open.
      renderNotifyControl(TEXT.notifyNoPush);
      el('notifyState').title = String((unavailable && unavailable.message) || unavailable);
    }
  }

  async function unsubscribePush() {
    try {
      const registration =
        state.worker ||
        ('serviceWorker' in navigator
          ? await navigator.serviceWorker.getRegistration(`${base}/desk/`)
          : null);
      const subscription =
        registration && registration.pushManager
          ? await registration.pushManager.getSubscription()
          : null;
      if (!subscription) {
        return;
      }
      await api('DELETE', `/me/push-subscriptions?endpoint=${encodeURIComponent(subscription.endpoint)}`);
      await subscription.unsubscribe();
    } catch (alreadyGone) {
      // Nothing left to undo.
    }
  }

  /** Signing out ends this browser's pushes first, so the next person here gets none of them. */
  function unsubscribeOnSignOut(event) {
    if (state.signingOut) {
      return;
    }
    event.preventDefault();
    state.signingOut = true;
    const form = event.target;
    const submitter = event.submitter;
    Promise.race([unsubscribePush(), new Promise((done) => setTimeout(done, SIGN_OUT_WAIT_MS))]).finally(
      () => form.requestSubmit(submitter)
    );
  }

  function withinTime(promise, ms) {
    return Promise.race([
      promise,
      new Promise((_, fail) => setTimeout(() => fail(new Error('no answer from the push service')), ms)),
    ]);
  }

  function base64urlBytes(text) {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  }

  function sameBytes(buffer, bytes) {
    const other = buffer ? new Uint8Array(buffer) : new Uint8Array();
    return other.length === bytes.length && other.every((b, i) => b === bytes[i]);
  }

  function preview(text) {
    const line = text.trim().replace(/\s+/g, ' ');
    const points = [...line];
    return points.length <= PREVIEW_LENGTH ? line : `${points.slice(0, PREVIEW_LENGTH - 1).join('').trim()}…`;
  }

  // ---------------------------------------------------------------- small things

  function node(tag, className, text) {
    const element = document.createElement(tag);
    if (className) {
      element.className = className;
    }
    if (text !== undefined) {
      element.textContent = text;
    }
    return element;
  }

  function button(className, text, action) {
    const element = node('button', className, text);
    element.type = 'button';
    element.addEventListener('click', action);
    return element;
  }

  function badge(priority) {
    return node('span', `priority-badge priority-${priority}`, TEXT.priorities[priority]);
  }

  function toast(text, kind) {
    const item = node('div', `toast toast-${kind}`, text);
    el('toasts').append(item);
    setTimeout(() => item.remove(), 5000);
  }

  /** A short two-note chime, made on the spot so no sound file is needed. */
  function chime() {
    try {
      state.audio = state.audio || new AudioContext();
      const audio = state.audio;
      if (audio.state === 'suspended') {
        audio.resume();
      }
      [660, 880].forEach((frequency, index) => {
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        const start = audio.currentTime + index * 0.15;
        tone.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.3);
        tone.connect(gain).connect(audio.destination);
        tone.start(start);
        tone.stop(start + 0.32);
      });
    } catch (unavailable) {
      // A browser without sound still shows the title badge.
    }
  }

  function shortcuts(event) {
    if (!event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const key = event.key.toLowerCase();
    if (key === 'n') {
      const next = [...state.queue.values()].sort(queueOrder)[0];
      if (next) {
        event.preventDefault();
        acceptChat(next.id);
      }
    } else if (key === 'arrowdown' || key === 'arrowup') {
      const ids = state.open;
      if (ids.length) {
        event.preventDefault();
        const at = ids.indexOf(state.current);
        const step = key === 'arrowdown' ? 1 : -1;
        openChat(ids[(at + step + ids.length) % ids.length]);
      }
    } else if (key === 'c') {
      const chat = state.chats.get(state.current);
      if (chat && chat.data.status === 'active') {
        event.preventDefault();
        askClose(chat);
      }
    }
  }

  document.addEventListener('keydown', shortcuts);
  document.addEventListener('visibilitychange', () => {
    const chat = state.chats.get(state.current);
    if (chat) {
      markRead(chat);
    }
  });
  window.addEventListener('offline', () => {
    hangUp();
    setConnection('offline');
  });
  window.addEventListener('online', () => {
    state.attempts = 0;
    connect();
  });
  setInterval(tickWaiting, 1000);
  el('notifyToggle')?.addEventListener('click', toggleNotifications);
  document.getElementById('signOutForm')?.addEventListener('submit', unsubscribeOnSignOut);
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.addEventListener('message', (event) => {
      if (event.data && event.data.type === 'open-chat') {
        showChat(event.data.roomId);
      }
    });
  }
  renderNotifyControl();

  fetchToken()
    .then(() => {
      connect();
      if (notificationsOn()) {
        // Renews this browser's push subscription, which the server may have let go meanwhile.
        subscribePush();
      }
    })
    .catch(() => dropped(false));
})();
