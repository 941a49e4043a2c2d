// @vitest-environment happy-dom
import { cleanup, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { usePaletteShortcut } from "./use-palette-shortcut";

// Testing Library unmounts after each test only where the test runner has globals.
afterEach(cleanup);

function press(init: KeyboardEventInit): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init });
  document.body.dispatchEvent(event);
  return event;
}

describe("usePaletteShortcut", () => {
  it("opens on Ctrl+K and ⌘K, and keeps the browser's own Ctrl+K from running", () => {
    const open = vi.fn();
    renderHook(() => usePaletteShortcut(open));
    expect(press({ key: "k", ctrlKey: true }).defaultPrevented).toBe(true);
    press({ key: "K", metaKey: true });
    expect(open).toHaveBeenCalledTimes(2);
  });

  it("ignores K alone and with other modifiers, and stops when unmounted", () => {
    const open = vi.fn();
    const { unmount } = renderHook(() => usePaletteShortcut(open));
    press({ key: "k" });
    press({ key: "k", ctrlKey: true, shiftKey: true });
    press({ key: "k", ctrlKey: true, altKey: true });
    expect(open).not.toHaveBeenCalled();
    unmount();
    expect(press({ key: "k", ctrlKey: true }).defaultPrevented).toBe(false);
  });
});
