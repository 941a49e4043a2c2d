import { once } from "node:events";
import { formatDocumentName } from "@entente/domain";
import { CloseCode } from "@entente/protocol";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { SyncMetrics } from "../observability/metrics.js";
import {
  liveCast,
  type CastMember,
  type CastOrganization,
  type LiveCast,
} from "../test/live-cast.js";
import { eventually, LiveServer, type SyncClient } from "../test/live-server.js";
import { awarenessFrame } from "../test/awareness-frame.js";

interface RawSocket {
  socket: WebSocket;
  /** Settles with the close code once the socket closed. */
  closed: Promise<number>;
  isClosed(): boolean;
}

/**
 * Each member's presence as the web client publishes it (`use-collab-document.ts`), and
 * forgeries of it. `facilitating` and `view` are what the workshop's "follow the
 * facilitator" reads.
 */
describe("presence that claims another member is never delivered", () => {
  let live: LiveServer;
  let metrics: SyncMetrics;
  let cast: LiveCast;
  let charter: string;
  /** Sam South's stock client: what a partner sees in presence lists and carets. */
  let observer: SyncClient;
  /** Every awareness client id the observer was ever told about. */
  let seen: Set<number>;
  /** Fresh awareness client ids, one per socket, so the cases do not meet. */
  let nextId = 40_000;

  const identity = (member: CastMember, organization: { id: string; name: string }) => ({
    id: member.id,
    name: member.name,
    color: "#1d4ed8",
    organizationId: organization.id,
    organizationName: organization.name,
  });

  async function openRaw(member: CastMember): Promise<RawSocket> {
    const socket = new WebSocket(`${live.syncUrl}/${charter}`, {
      headers: { cookie: member.cookie },
    });
    socket.on("error", () => undefined);
    let closed = false;
    const closing = new Promise<number>((resolve) =>
      socket.once("close", (code: number) => {
        closed = true;
        resolve(code);
      }),
    );
    await once(socket, "open");
    return { socket, closed: closing, isClosed: () => closed };
  }

  /** How the server closed `raw`; "open" if it did not within 5 s. */
  function closeCode(raw: RawSocket): Promise<number | "open"> {
    return Promise.race([
      raw.closed,
      new Promise<"open">((resolve) => setTimeout(() => resolve("open"), 5000)),
    ]);
  }

  /** The state the observer holds for `clientId`, once it arrived. */
  async function delivered(clientId: number): Promise<Record<string, unknown>> {
    await eventually(
      () => observer.provider.awareness.getStates().has(clientId),
      5000,
      `presence ${clientId} to reach the observer`,
    );
    return observer.provider.awareness.getStates().get(clientId) as Record<string, unknown>;
  }

  async function rejectedForPresence(): Promise<number> {
    const text = await metrics.render();
    const line = text
      .split("\n")
      .find((l) =>
        l.startsWith('entente_sync_frames_rejected_total{reason="forbidden_awareness"}'),
      );
    return Number(line?.split(" ").pop());
  }

  beforeAll(async () => {
    metrics = new SyncMetrics();
    live = await LiveServer.start({ metrics });
    cast = await liveCast(live);
    charter = formatDocumentName({ kind: "charter", partnershipId: cast.partnershipId });
    observer = live.connect(charter, cast.south.admin.cookie);
    seen = new Set();
    observer.provider.awareness.on("change", ({ added, updated }: Record<string, number[]>) => {
      for (const id of [...added!, ...updated!]) seen.add(id);
    });
    await observer.synced;
  });

  afterAll(async () => {
    await live.close();
  });

  beforeEach(() => {
    nextId += 10;
  });

  const forgeries: {
    name: string;
    /** Who sends it, and the organization they really belong to. */
    sender: (cast: LiveCast) => [CastMember, CastOrganization];
    state: (cast: LiveCast) => Record<string, unknown>;
  }[] = [
    {
      name: "a viewer claiming the facilitator's id, to steer the workshop",
      sender: (c) => [c.north.viewer, c.north],
      state: (c) => ({
        user: identity(c.north.admin, c.north),
        facilitating: true,
        view: { area: "results", focusId: null },
      }),
    },
    {
      name: "a member claiming the partner organization",
      sender: (c) => [c.south.editor, c.south],
      state: (c) => ({
        user: { ...identity(c.south.editor, c.south), organizationId: c.north.id },
      }),
    },
    {
      name: "a member labelling themselves with the partner organization's name",
      sender: (c) => [c.south.editor, c.south],
      state: (c) => ({
        user: { ...identity(c.south.editor, c.south), organizationName: c.north.name },
      }),
    },
    {
      name: "a member showing another member's name on their caret",
      sender: (c) => [c.north.editor, c.north],
      state: (c) => ({ user: { name: c.north.admin.name, color: "#dc2626" } }),
    },
    {
      name: "a user field that is not an object",
      sender: (c) => [c.north.editor, c.north],
      state: (c) => ({ user: c.north.admin.name }),
    },
  ];

  it.each(forgeries)(
    "closes the socket of $name with 4400; the partner never sees it, and the sender's true presence still works",
    async ({ sender, state }) => {
      const [member, organization] = sender(cast);
      const forgedId = nextId;
      const rejectedBefore = await rejectedForPresence();

      const forger = await openRaw(member);
      forger.socket.send(awarenessFrame(forgedId, 1, state(cast)));
      expect(await closeCode(forger)).toBe(CloseCode.InvalidMessage);
      expect(await rejectedForPresence()).toBe(rejectedBefore + 1);

      // The same member, saying who they are, is delivered. The room handles frames in
      // order, so had the forgery been relayed, the observer would have heard it first.
      const honest = await openRaw(member);
      const honestId = forgedId + 1;
      honest.socket.send(
        awarenessFrame(honestId, 1, { user: identity(member, organization), facilitating: false }),
      );
      expect((await delivered(honestId)).user).toEqual(identity(member, organization));
      expect(seen.has(forgedId)).toBe(false);
      expect(observer.provider.awareness.getStates().has(forgedId)).toBe(false);
      expect(honest.isClosed()).toBe(false);
      honest.socket.close();
      await honest.closed;
    },
  );

  it("delivers a stock client's own presence, in full or in part, and keeps it connected", async () => {
    const viewer = live.connect(charter, cast.north.viewer.cookie);
    await viewer.synced;
    let closes = 0;
    viewer.provider.on("connection-close", () => (closes += 1));
    viewer.provider.awareness.setLocalStateField("user", identity(cast.north.viewer, cast.north));
    const full = await delivered(viewer.doc.clientID);
    expect(full.user).toEqual(identity(cast.north.viewer, cast.north));

    // A caret-only user (name and colour), then a state without any user.
    viewer.provider.awareness.setLocalStateField("user", {
      name: cast.north.viewer.name,
      color: "#0f766e",
    });
    await eventually(
      () =>
        (
          observer.provider.awareness.getStates().get(viewer.doc.clientID)?.user as {
            color?: string;
          }
        )?.color === "#0f766e",
      5000,
      "the caret-only user to arrive",
    );
    viewer.provider.awareness.setLocalState({ cursor: null });
    await eventually(
      () => {
        const state = observer.provider.awareness.getStates().get(viewer.doc.clientID);
        return state !== undefined && !("user" in state) && "cursor" in state;
      },
      5000,
      "the state without a user to arrive",
    );
    expect(closes).toBe(0);
    expect(viewer.provider.wsconnected).toBe(true);
    viewer.destroy();
  });

  it("does not close a client echoing the state of a member who has just left", async () => {
    // Stock clients send back every state they hear; one that arrives after its owner
    // left is older than the room's record of the removal, and is simply ignored.
    const nora = live.connect(charter, cast.north.admin.cookie);
    await nora.synced;
    nora.provider.awareness.setLocalStateField("user", identity(cast.north.admin, cast.north));
    const noraId = nora.doc.clientID;
    const noraState = await delivered(noraId);
    const noraClock = observer.provider.awareness.meta.get(noraId)!.clock;
    nora.destroy();
    await eventually(
      () => !observer.provider.awareness.getStates().has(noraId),
      5000,
      "Nora's presence to be removed",
    );

    const echoer = await openRaw(cast.south.editor);
    echoer.socket.send(awarenessFrame(noraId, noraClock, noraState));
    const ownId = nextId;
    echoer.socket.send(awarenessFrame(ownId, 1, { user: identity(cast.south.editor, cast.south) }));
    await delivered(ownId);
    expect(echoer.isClosed()).toBe(false);
    expect(observer.provider.awareness.getStates().has(noraId)).toBe(false);
    echoer.socket.close();
    await echoer.closed;
  });
});
