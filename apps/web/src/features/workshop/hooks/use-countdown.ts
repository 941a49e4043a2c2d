import type { WorkshopTimerView } from "@entente/protocol";
import { useEffect, useReducer } from "react";
import { countdownAt, type Countdown } from "../state/countdown";

/** How often a running countdown is redrawn: often enough that seconds tick on time. */
const TICK_MS = 200;

/**
 * The countdown to show now. Only a running timer re-renders (a few times a second, for
 * the component that shows it, until time is up); the time itself always comes from the
 * server's `endsAt` and the clock offset, never from counting ticks.
 */
export function useCountdown(timer: WorkshopTimerView, offsetMs: number): Countdown {
  const [, tick] = useReducer((n: number) => n + 1, 0);
  // Read at every render: a new timer from the server shows at once, with the right time.
  const countdown = countdownAt(timer, offsetMs, Date.now());
  const ticking = countdown.state === "running";

  useEffect(() => {
    if (!ticking) return;
    const id = window.setInterval(tick, TICK_MS);
    return () => window.clearInterval(id);
  }, [ticking]);

  return countdown;
}
