import { useEffect, useState } from "react";
import { msUntilStart } from "../state/meeting-start";

/** Longest delay `setTimeout` takes (about 24.8 days); a later start is checked again then. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Whether the meeting starting at `startsAt` has started, turning true at the start while
 * the page stays open (the server decides anyway: a sign-off before it is a 409).
 */
export function useHasStarted(startsAt: string): boolean {
  const [now, setNow] = useState(() => Date.now());
  const remaining = msUntilStart(startsAt, now);
  useEffect(() => {
    if (remaining <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(remaining, MAX_TIMEOUT_MS));
    return () => clearTimeout(timer);
  }, [remaining]);
  return remaining <= 0;
}
