import { describe, expect, it } from "vitest";
import { AckTracker } from "./ack-tracker";

describe("AckTracker", () => {
  it("counts local updates until a probe sent after them is answered", () => {
    const tracker = new AckTracker();
    tracker.connectionOpened();
    tracker.answerReceived(); // the provider's own step 1: acknowledges nothing
    tracker.localUpdate();
    tracker.localUpdate();
    expect(tracker.pending).toBe(2);
    expect(tracker.shouldProbe(true)).toBe(true);
    tracker.probeSent();
    expect(tracker.shouldProbe(true)).toBe(false); // one probe in flight at a time
    tracker.localUpdate();
    tracker.answerReceived();
    // The third update was made after the probe: still waiting.
    expect(tracker.pending).toBe(1);
    expect(tracker.shouldProbe(true)).toBe(true);
    tracker.probeSent();
    tracker.answerReceived();
    expect(tracker.pending).toBe(0);
    expect(tracker.shouldProbe(true)).toBe(false);
  });

  it("does not take the answer to the provider's first step 1 for an acknowledgement", () => {
    const tracker = new AckTracker();
    tracker.localUpdate(); // made offline
    tracker.connectionOpened();
    expect(tracker.shouldProbe(false)).toBe(false);
    tracker.answerReceived();
    expect(tracker.pending).toBe(1);
  });

  it("never probes before the document is synced", () => {
    const tracker = new AckTracker();
    tracker.localUpdate();
    expect(tracker.shouldProbe(false)).toBe(false);
  });

  it("forgets probes of a closed socket: their answers never come", () => {
    const tracker = new AckTracker();
    tracker.connectionOpened();
    tracker.answerReceived();
    tracker.localUpdate();
    tracker.probeSent();
    tracker.connectionClosed();
    tracker.connectionOpened();
    tracker.answerReceived(); // the new socket's first answer
    expect(tracker.pending).toBe(1);
  });

  it("carries changes an earlier visit left unacknowledged, covered only by later probes", () => {
    const tracker = new AckTracker();
    tracker.connectionOpened();
    tracker.answerReceived();
    tracker.localUpdate();
    tracker.probeSent();
    tracker.carry(3);
    expect(tracker.pending).toBe(4);
    tracker.answerReceived();
    expect(tracker.pending).toBe(3);
    tracker.probeSent();
    tracker.answerReceived();
    expect(tracker.pending).toBe(0);
    tracker.carry(Number.NaN);
    tracker.carry(-2);
    expect(tracker.pending).toBe(0);
  });
});
