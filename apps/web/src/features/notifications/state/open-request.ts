/**
 * Another part of the page (the command palette's "Show notifications") asks the header's
 * bell to open its panel. A DOM event keeps the bell the only owner of its open state.
 */
const OPEN_NOTIFICATIONS_EVENT = "entente:open-notifications";

export function requestOpenNotifications(): void {
  window.dispatchEvent(new Event(OPEN_NOTIFICATIONS_EVENT));
}

export function onOpenNotificationsRequest(listener: () => void): () => void {
  window.addEventListener(OPEN_NOTIFICATIONS_EVENT, listener);
  return () => window.removeEventListener(OPEN_NOTIFICATIONS_EVENT, listener);
}
