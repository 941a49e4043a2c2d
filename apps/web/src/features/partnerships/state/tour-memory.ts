/**
 * The welcome tour is offered once per user, after they joined a partnership from an
 * invitation, and never again once they finished or skipped it. Kept in this browser's
 * storage, per user id (several people may share a browser).
 */

const DONE = (userId: string) => `entente.tour.done.${userId}`;
const OFFERED = (userId: string) => `entente.tour.offered.${userId}`;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Offers the tour to `userId` in `partnershipId` (after an invitation brought them there). */
export function offerTour(userId: string, partnershipId: string): void {
  if (storage()?.getItem(DONE(userId))) return;
  storage()?.setItem(OFFERED(userId), partnershipId);
}

/** Whether `userId` is to see the tour in `partnershipId` now. */
export function tourOffered(userId: string, partnershipId: string): boolean {
  const store = storage();
  if (!store || store.getItem(DONE(userId))) return false;
  return store.getItem(OFFERED(userId)) === partnershipId;
}

/** `userId` finished or skipped the tour: it is not offered again. */
export function tourDone(userId: string): void {
  storage()?.setItem(DONE(userId), "1");
  storage()?.removeItem(OFFERED(userId));
}
