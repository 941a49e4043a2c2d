// @vitest-environment happy-dom
import type { MembershipChangedEvent } from "@entente/protocol";
import { cleanup, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EventSourceLike } from "../../../lib/event-streams";
import { openPartnershipEventsAhead, readPartnership } from "../state/partnership-event-stream";
import { usePartnershipMembershipEvents } from "./use-partnership-membership-events";

/** An `EventSource` the test drives: opens, delivers messages, breaks. */
class FakeEventSource implements EventSourceLike {
  static opened: FakeEventSource[] = [];
  readyState = 0;
  onopen: ((event: Event) => unknown) | null = null;
  onmessage: ((event: MessageEvent<string>) => unknown) | null = null;
  onerror: ((event: Event) => unknown) | null = null;
  closed = false;

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }

  deliver(data: unknown): void {
    this.onmessage?.(new MessageEvent("message", { data: JSON.stringify(data) }));
  }

  /** The connection dropped; the browser is retrying by itself. */
  drop(): void {
    this.readyState = 0;
    this.onerror?.(new Event("error"));
  }

  close(): void {
    this.closed = true;
  }
}

const joined: MembershipChangedEvent = {
  type: "membership.changed",
  change: "organization_joined",
  organizationId: "o2",
  userId: null,
};

describe("usePartnershipMembershipEvents", () => {
  beforeEach(() => {
    FakeEventSource.opened = [];
    vi.stubGlobal("EventSource", FakeEventSource);
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("reads again when the stream opens, on every membership change, and after a break", () => {
    const onChange = vi.fn();
    renderHook(() => usePartnershipMembershipEvents("p/1", onChange));
    const [source] = FakeEventSource.opened;
    expect(source?.url).toBe("/api/partnerships/p%2F1/events");

    // Opening: whatever changed between reading the page and listening.
    source!.open();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith(null);

    source!.deliver(joined);
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(onChange).toHaveBeenLastCalledWith(joined);

    // Other events of the partnership's stream are not membership changes.
    source!.deliver({ type: "meeting.changed", meetingId: "m1" });
    source!.deliver({ type: "post.deleted", postId: "x" });
    expect(onChange).toHaveBeenCalledTimes(2);

    // A break: events may have been missed, so it reads again once the stream is back.
    source!.drop();
    source!.open();
    expect(onChange).toHaveBeenCalledTimes(3);
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it("calls the latest callback, and stops when unmounted", () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender, unmount } = renderHook(
      ({ onChange }) => usePartnershipMembershipEvents("p2", onChange),
      { initialProps: { onChange: first } },
    );
    const [source] = FakeEventSource.opened;
    source!.open();
    rerender({ onChange: second });
    source!.deliver(joined);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledWith(joined);

    unmount();
    source!.deliver(joined);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it("reads nothing again when the stream opened ahead, before the partnership was read", async () => {
    openPartnershipEventsAhead("/p/p3/objectives");
    const [source] = FakeEventSource.opened;
    expect(source?.url).toBe("/api/partnerships/p3/events");
    source!.open();
    await readPartnership("p3", () => Promise.resolve({}));

    const onChange = vi.fn();
    renderHook(() => usePartnershipMembershipEvents("p3", onChange));
    expect(onChange).not.toHaveBeenCalled();
    expect(FakeEventSource.opened).toHaveLength(1);
    source!.deliver(joined);
    expect(onChange).toHaveBeenCalledWith(joined);
  });

  it("reads again on arrival when the stream opened after the partnership was read", async () => {
    await readPartnership("p4", () => Promise.resolve({}));
    await new Promise((resolve) => setTimeout(resolve, 5));
    openPartnershipEventsAhead("/p/p4");
    FakeEventSource.opened[0]!.open();

    const onChange = vi.fn();
    renderHook(() => usePartnershipMembershipEvents("p4", onChange));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith(null);
  });
});
