import { describe, expect, it } from "vitest";
import { InProcessFeedEvents } from "./feed-events.js";

describe("in-process feed events", () => {
  it("delivers to the topic's subscribers only, until they unsubscribe", () => {
    const events = new InProcessFeedEvents();
    const p1: string[] = [];
    const p2: string[] = [];
    const user: string[] = [];
    const stop = events.subscribe({ kind: "partnership", partnershipId: "p1" }, (e) =>
      p1.push(e.type),
    );
    events.subscribe({ kind: "partnership", partnershipId: "p2" }, (e) => p2.push(e.type));
    events.subscribe({ kind: "user", userId: "p1" }, (e) => user.push(e.type));

    events.publish(
      { kind: "partnership", partnershipId: "p1" },
      { type: "post.deleted", postId: "a" },
    );
    stop();
    events.publish(
      { kind: "partnership", partnershipId: "p1" },
      { type: "post.deleted", postId: "b" },
    );
    events.publish({ kind: "user", userId: "p1" }, { type: "notifications.read", unread: 0 });

    expect(p1).toEqual(["post.deleted"]);
    expect(p2).toEqual([]);
    expect(user).toEqual(["notifications.read"]);
    expect(events.subscriptionCount).toBe(2);
  });

  it("keeps delivering to the others when one listener throws", () => {
    const events = new InProcessFeedEvents();
    const got: string[] = [];
    const topic = { kind: "partnership", partnershipId: "p" } as const;
    events.subscribe(topic, () => {
      throw new Error("broken stream");
    });
    events.subscribe(topic, (e) => got.push(e.type));
    events.publish(topic, { type: "post.deleted", postId: "a" });
    expect(got).toEqual(["post.deleted"]);
  });
});
