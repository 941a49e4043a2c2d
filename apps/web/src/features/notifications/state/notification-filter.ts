import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationView,
  type ReadAllNotificationsBody,
} from "@entente/protocol";
import type { RouteQuery } from "@entente/protocol/schemas";

/**
 * Which notifications the `/notifications` page lists: one partnership's (or all), some
 * kinds (none listed: every kind). Kinds are kept in the protocol's order, each once, so one
 * filter has one address and one cache entry however it was chosen.
 */
export interface NotificationFilter {
  partnershipId: string | null;
  kinds: NotificationKind[];
}

export const NO_FILTER: NotificationFilter = { partnershipId: null, kinds: [] };

/** The page's own query parameters (the API names them `partnershipId` and `kind`). */
const PARTNERSHIP_PARAM = "partnership";
const KIND_PARAM = "kind";

function isKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

function inOrder(kinds: Iterable<string>): NotificationKind[] {
  const chosen = new Set(kinds);
  return NOTIFICATION_KINDS.filter((kind) => chosen.has(kind));
}

/**
 * The filter of a page address's search (`?partnership=…&kind=…&kind=…`). A kind this build
 * does not know is left out (an old link); a partnership outside `partnershipIds` (one the
 * user left) too, so the page shows what the filter controls say.
 */
export function filterFromSearch(
  search: string,
  partnershipIds: readonly string[],
): NotificationFilter {
  const params = new URLSearchParams(search);
  const partnershipId = params.get(PARTNERSHIP_PARAM);
  return {
    partnershipId:
      partnershipId !== null && partnershipIds.includes(partnershipId) ? partnershipId : null,
    kinds: inOrder(params.getAll(KIND_PARAM).filter(isKind)),
  };
}

/** The page's search for `filter`: `""` when it does not narrow anything. */
export function searchOfFilter(filter: NotificationFilter): string {
  const params = new URLSearchParams();
  if (filter.partnershipId !== null) params.set(PARTNERSHIP_PARAM, filter.partnershipId);
  for (const kind of inOrder(filter.kinds)) params.append(KIND_PARAM, kind);
  const search = params.toString();
  return search === "" ? "" : `?${search}`;
}

/** The query of `GET /api/notifications` for a page of `filter` after `before`. */
export function listQueryOf(
  filter: NotificationFilter,
  before: string | null,
): RouteQuery<"GET /api/notifications"> {
  return {
    partnershipId: filter.partnershipId ?? undefined,
    kind: filter.kinds.length > 0 ? [...filter.kinds] : undefined,
    before: before ?? undefined,
  };
}

/** The body of `POST /api/notifications/read-all` that marks what `filter` lists. */
export function readAllBodyOf(filter: NotificationFilter): ReadAllNotificationsBody {
  const body: ReadAllNotificationsBody = {};
  if (filter.partnershipId !== null) body.partnershipId = filter.partnershipId;
  if (filter.kinds.length > 0) body.kind = [...filter.kinds];
  return body;
}

export function isFiltered(filter: NotificationFilter): boolean {
  return filter.partnershipId !== null || filter.kinds.length > 0;
}

/** Whether the list of `filter` holds `notification` (one that arrives live, say). */
export function matchesFilter(notification: NotificationView, filter: NotificationFilter): boolean {
  return (
    (filter.partnershipId === null || notification.partnershipId === filter.partnershipId) &&
    (filter.kinds.length === 0 || filter.kinds.includes(notification.kind))
  );
}

/** `filter` with `kind` chosen or not. */
export function withKind(
  filter: NotificationFilter,
  kind: NotificationKind,
  chosen: boolean,
): NotificationFilter {
  const others = filter.kinds.filter((k) => k !== kind);
  return { ...filter, kinds: inOrder(chosen ? [...others, kind] : others) };
}
