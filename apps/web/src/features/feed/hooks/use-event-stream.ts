import { useEffect, useRef, useState } from "react";

export type StreamState = "connecting" | "open" | "closed";

/** How long to wait before opening a stream again after the browser gave up on it. */
const RETRY_MS = 5_000;

/**
 * Listens to a Server-Sent Events stream of the API (same origin: the session cookie goes
 * along) whose events are JSON objects. The server keeps no backlog, so every time the
 * stream opens again after a break, `onReconnect` runs: the caller reloads what it shows.
 * The browser retries a dropped stream by itself; when it gives up (the answer was an
 * error status), the stream is opened anew after a pause.
 */
export function useEventStream<E>(
  url: string | null,
  handlers: { onEvent: (event: E) => void; onReconnect?: () => void },
): StreamState {
  const [state, setState] = useState<StreamState>("connecting");
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    if (url === null) return;
    let source: EventSource | null = null;
    let retry: number | undefined;
    let openedBefore = false;
    let stopped = false;

    const connect = () => {
      setState("connecting");
      source = new EventSource(url);
      source.onopen = () => {
        setState("open");
        if (openedBefore) handlersRef.current.onReconnect?.();
        openedBefore = true;
      };
      source.onmessage = (message: MessageEvent<string>) => {
        let event: E;
        try {
          event = JSON.parse(message.data) as E;
        } catch {
          return;
        }
        handlersRef.current.onEvent(event);
      };
      source.onerror = () => {
        if (stopped || !source) return;
        if (source.readyState === EventSource.CLOSED) {
          setState("closed");
          source = null;
          // Counts as a break: whatever happened meanwhile is reloaded on the next open.
          openedBefore = true;
          retry = window.setTimeout(connect, RETRY_MS);
        } else {
          setState("connecting");
        }
      };
    };
    connect();

    return () => {
      stopped = true;
      window.clearTimeout(retry);
      source?.close();
    };
  }, [url]);

  return url === null ? "closed" : state;
}
