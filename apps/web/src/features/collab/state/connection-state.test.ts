import { describe, expect, it } from "vitest";
import {
  connectionState,
  INITIAL_SNAPSHOT,
  reduceConnection,
  type ConnectionEvent,
  type ConnectionSnapshot,
} from "./connection-state";

const run = (...events: ConnectionEvent[]): ConnectionSnapshot =>
  events.reduce(reduceConnection, INITIAL_SNAPSHOT);

describe("connection state", () => {
  it("connects, then syncs", () => {
    expect(connectionState(run())).toBe("connecting");
    expect(connectionState(run({ type: "status", status: "connected" }))).toBe("connecting");
    expect(
      connectionState(run({ type: "status", status: "connected" }, { type: "sync", synced: true })),
    ).toBe("synced");
  });

  it("is offline after losing the connection, until the next sync", () => {
    const lost = run(
      { type: "status", status: "connected" },
      { type: "sync", synced: true },
      { type: "connection-close" },
      { type: "status", status: "disconnected" },
    );
    expect(connectionState(lost)).toBe("offline");
    const retrying = reduceConnection(lost, { type: "status", status: "connecting" });
    expect(connectionState(retrying)).toBe("offline");
    const reopened = reduceConnection(retrying, { type: "status", status: "connected" });
    expect(connectionState(reopened)).toBe("connecting");
    expect(connectionState(reduceConnection(reopened, { type: "sync", synced: true }))).toBe(
      "synced",
    );
  });

  it("is offline when the first attempts fail or the browser is offline", () => {
    expect(connectionState(run({ type: "connection-close" }))).toBe("offline");
    expect(
      connectionState(
        run(
          { type: "status", status: "connected" },
          { type: "sync", synced: true },
          { type: "browser-online", online: false },
        ),
      ),
    ).toBe("offline");
  });

  it("stays denied after 4401/4403", () => {
    const denied = run({ type: "status", status: "connected" }, { type: "denied", code: 4401 });
    expect(connectionState(denied)).toBe("denied");
    expect(denied.denied).toBe("unauthorized");
    expect(run({ type: "denied", code: 4403 }).denied).toBe("forbidden");
    expect(connectionState(reduceConnection(denied, { type: "status", status: "connected" }))).toBe(
      "denied",
    );
  });

  it("stays denied after 4404, because the document was deleted", () => {
    const deleted = run(
      { type: "status", status: "connected" },
      { type: "sync", synced: true },
      { type: "denied", code: 4404 },
    );
    expect(connectionState(deleted)).toBe("denied");
    expect(deleted.denied).toBe("deleted");
  });
});
