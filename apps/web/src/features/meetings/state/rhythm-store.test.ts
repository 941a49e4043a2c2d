import type { RhythmLevelView } from "@entente/protocol";
import { describe, expect, it, vi } from "vitest";
import { rhythmStore } from "./rhythm-store";

describe("rhythmStore", () => {
  it("shares the latest rhythm of a partnership with whoever listens", () => {
    const listener = vi.fn();
    const unsubscribe = rhythmStore.subscribe(listener);
    const rhythm = [] as readonly RhythmLevelView[];
    rhythmStore.publish("p-store-1", rhythm);
    expect(rhythmStore.get("p-store-1")).toBe(rhythm);
    expect(rhythmStore.get("p-store-2")).toBeNull();
    expect(listener).toHaveBeenCalledOnce();
    unsubscribe();
    rhythmStore.publish("p-store-1", []);
    expect(listener).toHaveBeenCalledOnce();
  });

  it("asks the pollers of that partnership only to read again", () => {
    const mine = vi.fn();
    const other = vi.fn();
    const stop = rhythmStore.onRefreshRequest("p-store-3", mine);
    rhythmStore.onRefreshRequest("p-store-4", other);
    rhythmStore.requestRefresh("p-store-3");
    expect(mine).toHaveBeenCalledOnce();
    expect(other).not.toHaveBeenCalled();
    stop();
    rhythmStore.requestRefresh("p-store-3");
    expect(mine).toHaveBeenCalledOnce();
  });
});
