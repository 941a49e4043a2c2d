import { describe, expect, it } from "vitest";
import {
  INITIAL_SNAPSHOT,
  reduceConnection,
  type ConnectionEvent,
  type ConnectionSnapshot,
} from "./connection-state";
import {
  documentSyncState,
  hasUnsavedChanges,
  OFFLINE_AFTER_FAILED_ATTEMPTS,
  pageSyncStatus,
} from "./sync-state";

const run = (...events: ConnectionEvent[]): ConnectionSnapshot =>
  events.reduce(reduceConnection, INITIAL_SNAPSHOT);

const synced = run({ type: "status", status: "connected" }, { type: "sync", synced: true });
const lost = reduceConnection(synced, { type: "connection-close" });
const lostFor = (attempts: number) =>
  Array.from({ length: attempts - 1 }).reduce<ConnectionSnapshot>(
    (snapshot) => reduceConnection(snapshot, { type: "connection-close" }),
    lost,
  );

describe("documentSyncState", () => {
  it("is connecting until the first sync", () => {
    expect(documentSyncState(run(), 0)).toBe("connecting");
    expect(documentSyncState(run({ type: "status", status: "connected" }), 0)).toBe("connecting");
  });

  it("says saved only when synced with nothing waiting, saving otherwise", () => {
    expect(documentSyncState(synced, 0)).toBe("synced");
    expect(documentSyncState(synced, 1)).toBe("saving");
  });

  it("reconnects after a loss, then reads offline after a few failed attempts", () => {
    expect(documentSyncState(lost, 0)).toBe("reconnecting");
    expect(
      documentSyncState(reduceConnection(lost, { type: "status", status: "connecting" }), 2),
    ).toBe("reconnecting");
    expect(documentSyncState(lostFor(OFFLINE_AFTER_FAILED_ATTEMPTS), 2)).toBe("offline");
    // A reconnected socket not synced yet is still reconnecting, never saved.
    const reopened = reduceConnection(lostFor(5), { type: "status", status: "connected" });
    expect(documentSyncState(reopened, 0)).toBe("reconnecting");
    expect(documentSyncState(reduceConnection(reopened, { type: "sync", synced: true }), 0)).toBe(
      "synced",
    );
  });

  it("is offline at once when the browser says so, and denied above all", () => {
    expect(
      documentSyncState(reduceConnection(synced, { type: "browser-online", online: false }), 3),
    ).toBe("offline");
    expect(documentSyncState(reduceConnection(synced, { type: "denied", code: 4403 }), 0)).toBe(
      "denied",
    );
  });
});

describe("pageSyncStatus", () => {
  it("is nothing without documents", () => {
    expect(pageSyncStatus([])).toBeNull();
  });

  it("adds up what waits and shows the most urgent state", () => {
    expect(
      pageSyncStatus([
        { state: "synced", pending: 0 },
        { state: "offline", pending: 2 },
        { state: "reconnecting", pending: 1 },
      ]),
    ).toEqual({ state: "offline", pending: 3 });
    expect(
      pageSyncStatus([
        { state: "synced", pending: 0 },
        { state: "saving", pending: 1 },
      ]),
    ).toEqual({ state: "saving", pending: 1 });
    expect(
      pageSyncStatus([
        { state: "synced", pending: 0 },
        { state: "connecting", pending: 0 },
      ]),
    ).toEqual({ state: "connecting", pending: 0 });
  });

  it("never says saved while a change waits", () => {
    expect(pageSyncStatus([{ state: "synced", pending: 2 }])).toEqual({
      state: "saving",
      pending: 2,
    });
  });
});

describe("hasUnsavedChanges", () => {
  it("holds while anything waits for the server", () => {
    expect(hasUnsavedChanges(null)).toBe(false);
    expect(hasUnsavedChanges({ state: "synced", pending: 0 })).toBe(false);
    expect(hasUnsavedChanges({ state: "offline", pending: 1 })).toBe(true);
  });
});
