// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfirmButton } from "./confirm-button";

// Testing Library unmounts after each test only where the test runner has globals.
afterEach(cleanup);

function renderDelete(onConfirm: () => void) {
  render(
    <ConfirmButton
      label="Delete"
      name="Delete objective “Joint pilot”"
      confirmLabel="Yes, delete"
      cancelLabel="Keep it"
      onConfirm={onConfirm}
    />,
  );
}

describe("ConfirmButton", () => {
  it("asks once more before deleting, and deletes on confirm", () => {
    const onConfirm = vi.fn();
    renderDelete(onConfirm);
    fireEvent.click(screen.getByRole("button", { name: "Delete objective “Joint pilot”" }));
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Yes, delete" }));
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(screen.getByRole("button", { name: "Delete objective “Joint pilot”" })).toBeTruthy();
  });

  it("cancels without deleting", () => {
    const onConfirm = vi.fn();
    renderDelete(onConfirm);
    fireEvent.click(screen.getByRole("button", { name: "Delete objective “Joint pilot”" }));
    fireEvent.click(screen.getByRole("button", { name: "Keep it" }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.queryByRole("button", { name: "Yes, delete" })).toBeNull();
  });
});
