// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { AnnouncerProvider } from "./announcer";
import { arrivals, useArrivalAnnouncements } from "./use-arrival-announcements";

interface Vote {
  id: string;
  by: string;
}

const ME = "amara";

function Votes({ votes }: { votes: Vote[] | null }) {
  useArrivalAnnouncements(votes, {
    key: (v) => v.id,
    fromSomeoneElse: (v) => v.by !== ME,
    message: (v) => `${v.by} voted (${v.id})`,
  });
  return null;
}

function renderVotes(votes: Vote[] | null) {
  const view = render(
    <AnnouncerProvider>
      <Votes votes={votes} />
    </AnnouncerProvider>,
  );
  return {
    next: (next: Vote[] | null) =>
      view.rerender(
        <AnnouncerProvider>
          <Votes votes={next} />
        </AnnouncerProvider>,
      ),
  };
}

const region = () => screen.getByTestId("announcer").textContent;

afterEach(cleanup);

describe("arrivals", () => {
  it("is what was not seen, and nothing before the first read", () => {
    const key = (v: Vote) => v.id;
    const votes = [
      { id: "1", by: "sofia" },
      { id: "2", by: "lucas" },
    ];
    expect(arrivals(null, votes, key)).toEqual([]);
    expect(arrivals(new Set(["1"]), votes, key)).toEqual([{ id: "2", by: "lucas" }]);
    expect(arrivals(new Set(["1", "2"]), votes, key)).toEqual([]);
  });
});

describe("useArrivalAnnouncements", () => {
  it("says nothing of what the page opened with, nor while it loads", () => {
    const votes = renderVotes(null);
    votes.next([{ id: "1", by: "sofia" }]);
    expect(region()).toBe("");
  });

  it("reads out someone else's new item, never the user's own", () => {
    const votes = renderVotes([{ id: "1", by: "sofia" }]);
    votes.next([
      { id: "1", by: "sofia" },
      { id: "2", by: ME },
    ]);
    expect(region()).toBe("");
    votes.next([
      { id: "1", by: "sofia" },
      { id: "2", by: ME },
      { id: "3", by: "lucas" },
    ]);
    expect(region()).toBe("lucas voted (3)");
    // The same list read again is not news: no new announcement replaces the last one.
    const said = screen.getByTestId("announcer").firstChild;
    votes.next([
      { id: "1", by: "sofia" },
      { id: "2", by: ME },
      { id: "3", by: "lucas" },
    ]);
    expect(screen.getByTestId("announcer").firstChild).toBe(said);
  });
});
