// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { I18nProvider } from "../../../i18n";
import { loadCatalogue } from "../../../i18n/translate";
import { NO_FILTER, type NotificationFilter } from "../state/notification-filter";
import { NotificationFilters } from "./notification-filters";

const partnerships = [
  { id: "p1", name: "Northwind × Southpeak" },
  { id: "p2", name: "Northwind × Eastgate" },
];

/** The filters as the page holds them: every change becomes the filter shown. */
function Harness({ start, seen }: { start: NotificationFilter; seen: NotificationFilter[] }) {
  const [filter, setFilter] = useState(start);
  return (
    <I18nProvider>
      <NotificationFilters
        filter={filter}
        partnerships={partnerships}
        onChange={(next) => {
          seen.push(next);
          setFilter(next);
        }}
      />
    </I18nProvider>
  );
}

beforeAll(async () => {
  window.localStorage.setItem("entente.language", "en");
  await loadCatalogue("en");
});
afterEach(cleanup);

describe("the notifications page's filters", () => {
  it("choose a partnership and kinds, say how many kinds, and clear them all", () => {
    const seen: NotificationFilter[] = [];
    render(<Harness start={NO_FILTER} seen={seen} />);
    const group = screen.getByRole("group", { name: "Filter notifications" });
    expect(within(group).getByText("Kinds: all")).toBeTruthy();
    expect(within(group).queryByRole("button", { name: "Show all notifications" })).toBeNull();

    fireEvent.change(within(group).getByLabelText("Partnership"), { target: { value: "p2" } });
    fireEvent.click(within(group).getByRole("checkbox", { name: "Replies" }));
    fireEvent.click(within(group).getByRole("checkbox", { name: "Mentions of you" }));
    expect(seen.at(-1)).toEqual({ partnershipId: "p2", kinds: ["mention", "reply"] });
    expect(within(group).getByText("Kinds: 2 chosen")).toBeTruthy();

    fireEvent.click(within(group).getByRole("checkbox", { name: "Replies" }));
    expect(seen.at(-1)).toEqual({ partnershipId: "p2", kinds: ["mention"] });
    expect(within(group).getByText("Kinds: 1 chosen")).toBeTruthy();

    fireEvent.click(within(group).getByRole("button", { name: "Show all notifications" }));
    expect(seen.at(-1)).toEqual(NO_FILTER);
    expect(within(group).getByLabelText<HTMLSelectElement>("Partnership").value).toBe("");
  });

  it("offer no partnership choice to someone in one partnership only", () => {
    render(
      <I18nProvider>
        <NotificationFilters
          filter={NO_FILTER}
          partnerships={[partnerships[0]!]}
          onChange={() => {}}
        />
      </I18nProvider>,
    );
    expect(screen.queryByLabelText("Partnership")).toBeNull();
    expect(screen.getAllByRole("checkbox").length).toBeGreaterThanOrEqual(11);
  });
});
