// @vitest-environment happy-dom
import type { NotificationListResponse, NotificationView, UserFeedEvent } from "@entente/protocol";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { useNotifications } from "./use-notifications";

/** The browser's EventSource, played by the test. */
class FakeEventSource {
  static last: FakeEventSource | null = null;
  readyState = 0;
  onopen: ((event: Event) => unknown) | null = null;
  onmessage: ((event: MessageEvent<string>) => unknown) | null = null;
  onerror: ((event: Event) => unknown) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  /** Opens the stream (the tab's streams outlive a test by a second: once is enough). */
  open() {
    if (this.readyState === 1) return;
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }
  send(event: UserFeedEvent) {
    this.onmessage?.(new MessageEvent("message", { data: JSON.stringify(event) }));
  }
  close() {
    this.readyState = 2;
  }
}

function notification(id: string, readAt: string | null = null): NotificationView {
  return { id, readAt } as unknown as NotificationView;
}

let server: { notifications: NotificationView[]; unread: number };
const fetchCalls: string[] = [];

beforeEach(() => {
  server = { notifications: [notification("n1")], unread: 1 };
  fetchCalls.length = 0;
  vi.stubGlobal("EventSource", FakeEventSource);
  vi.stubGlobal(
    "fetch",
    vi.fn((url: string) => {
      fetchCalls.push(url);
      const body: NotificationListResponse = {
        notifications: server.notifications,
        unread: server.unread,
        nextCursor: null,
      };
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Bell({ name }: { name: string }) {
  const { items, unread } = useNotifications();
  return (
    <p data-testid={name}>
      {unread} unread: {items.map((n) => n.id).join(",")}
    </p>
  );
}

function withClient(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

it("two bells on a page read the notifications once", async () => {
  render(withClient([<Bell key="a" name="a" />, <Bell key="b" name="b" />]));
  await waitFor(() => expect(screen.getByTestId("a").textContent).toBe("1 unread: n1"));
  expect(screen.getByTestId("b").textContent).toBe("1 unread: n1");
  expect(fetchCalls.filter((url) => url.startsWith("/api/notifications"))).toHaveLength(1);
});

it("a new notification from the stream shows without a request", async () => {
  render(withClient(<Bell name="bell" />));
  await waitFor(() => expect(screen.getByTestId("bell").textContent).toBe("1 unread: n1"));
  act(() => {
    FakeEventSource.last?.open();
    FakeEventSource.last?.send({
      type: "notification.created",
      notification: notification("n2"),
      unread: 2,
    });
  });
  expect(screen.getByTestId("bell").textContent).toBe("2 unread: n2,n1");
  expect(fetchCalls).toHaveLength(1);
});

it("notifications read in another tab invalidate the query: it is read again", async () => {
  render(withClient(<Bell name="bell" />));
  await waitFor(() => expect(screen.getByTestId("bell").textContent).toBe("1 unread: n1"));
  server = { notifications: [notification("n1", "2026-12-07T00:00:00.000Z")], unread: 0 };
  act(() => {
    FakeEventSource.last?.open();
    FakeEventSource.last?.send({ type: "notifications.read", unread: 0 });
  });
  await waitFor(() => expect(screen.getByTestId("bell").textContent).toBe("0 unread: n1"));
  expect(fetchCalls).toHaveLength(2);
});
