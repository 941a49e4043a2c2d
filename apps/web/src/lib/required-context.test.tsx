// @vitest-environment happy-dom
import { renderHook } from "@testing-library/react";
import { createContext, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { useRequiredContext } from "./required-context";

const CountContext = createContext<{ count: number } | null>(null);

function useCount() {
  return useRequiredContext(CountContext, "useCount", "CountProvider");
}

describe("useRequiredContext", () => {
  it("gives the provider's value", () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <CountContext.Provider value={{ count: 3 }}>{children}</CountContext.Provider>
    );
    expect(renderHook(useCount, { wrapper }).result.current).toEqual({ count: 3 });
  });

  it("names the hook and its provider when read outside it", () => {
    expect(() => renderHook(useCount)).toThrow("useCount must be used inside <CountProvider>");
  });
});
