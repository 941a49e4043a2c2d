import { useEffect, useRef, useState } from "react";
import { eventStreams, type StreamEvent, type StreamState } from "./event-streams";

export type { StreamState } from "./event-streams";

export interface EventStreamHandlers<E extends StreamEvent> {
  onEvent: (event: E) => void;
  /** The stream opened again after a break: the caller reloads what it shows. */
  onReconnect?: () => void;
  /**
   * The stream opened, the first time as after a break (not called when it was already open
   * on mount): for callers that read what happened before they listened.
   */
  onOpen?: () => void;
}

/**
 * Listens to a Server-Sent Events stream of the API (same origin: the session cookie goes
 * along) whose events are JSON objects with a `type`, through the tab's shared stream of
 * that URL (`eventStreams`): any number of components cost one connection. Only the events
 * of `types` (`null`: all) reach `onEvent`. The server keeps no backlog: see `onReconnect`.
 */
export function useEventStream<E extends StreamEvent>(
  url: string | null,
  /** The `type`s `E` stands for (`null`: every event). */
  types: readonly string[] | null,
  handlers: EventStreamHandlers<E>,
): StreamState {
  const [state, setState] = useState<StreamState>("connecting");
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });
  // The list is usually written inline: its content, not its identity, makes a subscription.
  const typesKey = types === null ? null : types.join(" ");

  useEffect(() => {
    if (url === null) return;
    const unsubscribe = eventStreams.subscribe<E>(url, {
      types: typesKey === null ? null : typesKey.split(" "),
      onEvent: (event) => handlersRef.current.onEvent(event),
      onState: setState,
      onOpen: (reopened) => {
        handlersRef.current.onOpen?.();
        if (reopened) handlersRef.current.onReconnect?.();
      },
    });
    setState(eventStreams.state(url));
    return unsubscribe;
  }, [url, typesKey]);

  return url === null ? "closed" : state;
}
