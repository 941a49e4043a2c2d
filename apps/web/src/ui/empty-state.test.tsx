// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EmptyState } from "./empty-state";

afterEach(cleanup);

describe("EmptyState", () => {
  it("says what the list will hold and what happens next", () => {
    render(<EmptyState title="No decision proposed yet." text="Propose one to both sides." />);
    const state = screen.getByTestId("empty-state");
    expect(state.textContent).toContain("No decision proposed yet.");
    expect(state.textContent).toContain("Propose one to both sides.");
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("offers the next step as a button that runs the action", () => {
    const onClick = vi.fn();
    render(
      <EmptyState
        title="No objective yet."
        text="Shared objectives turn into actions and KPIs."
        action={{ label: "New objective", onClick }}
      />,
    );
    const button = screen.getByRole("button", { name: "New objective" });
    expect(button.getAttribute("type")).toBe("button");
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it("shows another next step (a link) beside or instead of the button", () => {
    render(
      <EmptyState title="Nothing new." testId="inbox-empty">
        <a href="/settings/notifications">Notification settings</a>
      </EmptyState>,
    );
    const state = screen.getByTestId("inbox-empty");
    const link = screen.getByRole("link", { name: "Notification settings" });
    expect(state.contains(link)).toBe(true);
    expect(link.getAttribute("href")).toBe("/settings/notifications");
  });

  it("leaves out the text and the action row when there is none", () => {
    render(<EmptyState title="Nobody placed a dot." action={null} />);
    const state = screen.getByTestId("empty-state");
    expect(state.querySelectorAll("p")).toHaveLength(1);
    expect(state.querySelector(".empty-state__actions")).toBeNull();
  });
});
