// @vitest-environment happy-dom
import type { ReadResult } from "@entente/schema";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { I18nProvider } from "../../../i18n";
import { loadCatalogue } from "../../../i18n/translate";
import { EditableList } from "./editable-list";

interface Thing {
  id: string;
  name: string;
}

beforeAll(async () => {
  await loadCatalogue("en");
  await loadCatalogue("fr");
});

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

function renderList(
  entries: ReadResult<Thing>[],
  writable: boolean,
  readOnlyHint?: string,
): ReturnType<typeof render> {
  return render(
    <I18nProvider>
      <EditableList<Thing>
        className="things"
        heading="h3"
        title="Things"
        addLabel="Add thing"
        emptyText="No thing yet."
        emptyHint="Things show what each side brings."
        readOnlyHint={readOnlyHint}
        listClassName="things__list"
        entries={entries}
        writable={writable}
        renderAddForm={(form) => (
          <form aria-label={form.label}>
            <button type="button" onClick={form.onCancel}>
              Cancel
            </button>
          </form>
        )}
        renderItem={(thing) => <li key={thing.id}>{thing.name}</li>}
        onRemove={() => undefined}
      />
    </I18nProvider>,
  );
}

describe("an editable list's empty state", () => {
  it("tells a writer what the list holds and offers one button that opens the add form", () => {
    renderList([], true);
    const empty = screen.getByTestId("empty-state");
    expect(empty.textContent).toContain("No thing yet.");
    expect(empty.textContent).toContain("Things show what each side brings.");
    // The header's button moved into the empty state: one button of that name.
    const buttons = screen.getAllByRole("button", { name: "Add thing" });
    expect(buttons).toHaveLength(1);
    expect(empty.contains(buttons[0]!)).toBe(true);
    fireEvent.click(buttons[0]!);
    expect(screen.getByRole("form", { name: "Add thing" })).toBeTruthy();
    expect(screen.queryByTestId("empty-state")).toBeNull();
    // Cancelled: the empty state and its button come back.
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.getByTestId("empty-state")).toBeTruthy();
  });

  it("tells a reader who can add, with no button", () => {
    renderList([], false);
    const empty = screen.getByTestId("empty-state");
    expect(empty.textContent).toContain("Things show what each side brings.");
    expect(empty.textContent).toContain("Editors and admins of either organization can add here.");
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("names who can add when only one organization can", () => {
    renderList([], false, "Only Southpeak can change this.");
    expect(screen.getByTestId("empty-state").textContent).toContain(
      "Only Southpeak can change this.",
    );
  });

  it("speaks French", () => {
    window.localStorage.setItem("entente.language", "fr");
    renderList([], false);
    expect(screen.getByTestId("empty-state").textContent).toContain(
      "Les éditeurs et les administrateurs des deux organisations peuvent en ajouter ici.",
    );
  });

  it("shows the items, and the header's add button, once there are some", () => {
    renderList([{ ok: true, value: { id: "a", name: "Two engineers" } }], true);
    expect(screen.queryByTestId("empty-state")).toBeNull();
    expect(screen.getByText("Two engineers")).toBeTruthy();
    expect(screen.getAllByRole("button", { name: "Add thing" })).toHaveLength(1);
  });
});
