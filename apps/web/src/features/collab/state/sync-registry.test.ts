import { describe, expect, it, vi } from "vitest";
import { SyncRegistry } from "./sync-registry";

describe("SyncRegistry", () => {
  it("publishes the page's status and tells listeners only when it changes", () => {
    const registry = new SyncRegistry();
    const listener = vi.fn();
    const unsubscribe = registry.subscribe(listener);
    const charter = {};
    const objectives = {};

    expect(registry.getStatus()).toBeNull();
    registry.publish(charter, { state: "synced", pending: 0 });
    registry.publish(objectives, { state: "synced", pending: 0 });
    expect(registry.getStatus()).toEqual({ state: "synced", pending: 0 });
    expect(listener).toHaveBeenCalledTimes(1);

    const before = registry.getStatus();
    registry.publish(charter, { state: "synced", pending: 0 });
    expect(registry.getStatus()).toBe(before); // same snapshot for useSyncExternalStore

    registry.publish(objectives, { state: "offline", pending: 2 });
    expect(registry.getStatus()).toEqual({ state: "offline", pending: 2 });
    registry.remove(objectives);
    expect(registry.getStatus()).toEqual({ state: "synced", pending: 0 });
    registry.remove(charter);
    expect(registry.getStatus()).toBeNull();
    expect(listener).toHaveBeenCalledTimes(4);

    unsubscribe();
    registry.publish(charter, { state: "saving", pending: 1 });
    expect(listener).toHaveBeenCalledTimes(4);
  });
});
