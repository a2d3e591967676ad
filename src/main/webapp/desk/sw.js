/*
 * The dashboard's service worker: it shows the pushes Concierge sends to an agent whose dashboard is
 * closed, and a click on one focuses the dashboard (or opens it) at that chat. The payload is JSON
 * from the server: {title, body, url, tag}, where the tag is one per chat, so a newer push of a
 * chat replaces the older one instead of piling up.
 */
'use strict';

const FALLBACK_TITLE = 'Concierge';
const ICON = new URL('../favicon.svg', self.registration.scope).href;

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let payload = {};
  try {
    payload = event.data ? event.data.json() : {};
  } catch (unreadable) {
    payload = {};
  }
  event.waitUntil(
    self.registration.showNotification(payload.title || FALLBACK_TITLE, {
      body: payload.body || '',
      tag: payload.tag || undefined,
      icon: ICON,
      data: { url: deskUrl(payload.url) },
    })
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(deskUrl(event.notification.data && event.notification.data.url));
  const roomId = url.searchParams.get('chat');
  event.waitUntil(
    (async () => {
      const scope = new URL(self.registration.scope).pathname;
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const desk = windows.find((client) => new URL(client.url).pathname.startsWith(scope));
      if (desk) {
        await desk.focus();
        if (roomId) {
          desk.postMessage({ type: 'open-chat', roomId });
        }
        return;
      }
      await self.clients.openWindow(url.href);
    })()
  );
});

/** The pushed address when it is one of this dashboard's, else the dashboard itself. */
function deskUrl(pushed) {
  try {
    const url = new URL(pushed, self.registration.scope);
    if (url.origin === self.location.origin) {
      return url.href;
    }
  } catch (malformed) {
    // Falls back to the dashboard below.
  }
  return self.registration.scope;
}
