// @vitest-environment happy-dom
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { AnnouncerProvider, useAnnounce } from "./announcer";

let announce: (message: string) => void = () => undefined;
function Speaker() {
  announce = useAnnounce();
  return null;
}

afterEach(cleanup);

describe("the announcer", () => {
  it("is one polite live region, empty until something is said", () => {
    render(
      <AnnouncerProvider>
        <Speaker />
      </AnnouncerProvider>,
    );
    const region = screen.getByTestId("announcer");
    expect(region.getAttribute("aria-live")).toBe("polite");
    expect(region.textContent).toBe("");
    expect(document.querySelectorAll("[aria-live]")).toHaveLength(1);
  });

  it("says the latest message only", () => {
    render(
      <AnnouncerProvider>
        <Speaker />
      </AnnouncerProvider>,
    );
    act(() => announce("Sofia posted “Pilot results”"));
    act(() => announce("Southpeak approved “Open the Alps route”"));
    expect(screen.getByTestId("announcer").textContent).toBe(
      "Southpeak approved “Open the Alps route”",
    );
  });

  it("puts the same words in a new node, so that they are read again", () => {
    render(
      <AnnouncerProvider>
        <Speaker />
      </AnnouncerProvider>,
    );
    act(() => announce("A new reply"));
    const first = screen.getByTestId("announcer").firstElementChild;
    act(() => announce("A new reply"));
    const second = screen.getByTestId("announcer").firstElementChild;
    expect(second?.textContent).toBe("A new reply");
    expect(second).not.toBe(first);
  });

  it("is silent outside its provider", () => {
    render(<Speaker />);
    expect(() => announce("nobody listens")).not.toThrow();
    expect(screen.queryByTestId("announcer")).toBeNull();
  });
});
