import type { TimerCommand, WorkshopTimerView } from "@entente/protocol";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { errorMessage } from "../../../ui/error-message";
import { WriteError } from "../../../ui/item-tools";
import { useActionError } from "../../../ui/use-action-error";
import { useCountdown } from "../hooks/use-countdown";
import { formatCountdown } from "../state/countdown";

const MAX_MINUTES = 180;

/**
 * The shared countdown. Everyone derives it from the server's timer; the facilitator
 * starts, pauses, resumes, extends and resets it.
 */
export function WorkshopTimer({
  timer,
  offsetMs,
  isFacilitator,
  onCommand,
}: {
  timer: WorkshopTimerView;
  offsetMs: number;
  isFacilitator: boolean;
  onCommand: (command: TimerCommand) => Promise<void>;
}) {
  const t = useT();
  const countdown = useCountdown(timer, offsetMs);
  const [minutes, setMinutes] = useState("5");
  const { error, guard } = useActionError();
  const command = (c: TimerCommand) => guard(() => onCommand(c));

  const start = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes);
    if (!Number.isFinite(value) || value <= 0) return;
    command({ action: "start", durationSeconds: Math.round(value * 60) });
  };

  const label =
    countdown.state === "idle"
      ? t("workshop.timer.idle")
      : countdown.state === "expired"
        ? t("workshop.timer.expired")
        : countdown.state === "paused"
          ? t("workshop.timer.paused")
          : t("workshop.timer.running");

  return (
    <section
      className="workshop-timer"
      data-testid="workshop-timer"
      data-state={countdown.state}
      aria-labelledby="workshop-timer-title"
    >
      <h3 id="workshop-timer-title" className="workshop-panel__title">
        {t("workshop.timer.title")}
      </h3>
      <p className="workshop-timer__display">
        <span className="workshop-timer__time" data-testid="timer-countdown" role="timer">
          {countdown.state === "idle" ? "–:––" : formatCountdown(countdown.remainingMs)}
        </span>
        <span className="workshop-timer__state" data-testid="timer-state">
          {label}
        </span>
      </p>
      {isFacilitator ? (
        <div className="workshop-timer__controls">
          {countdown.state === "idle" || countdown.state === "expired" ? (
            <form className="workshop-timer__start" onSubmit={start}>
              <label className="workshop-timer__minutes">
                <span>{t("workshop.timer.minutes")}</span>
                <input
                  className="field__input"
                  type="number"
                  min={1}
                  max={MAX_MINUTES}
                  step={1}
                  value={minutes}
                  onChange={(e) => setMinutes(e.target.value)}
                  required
                />
              </label>
              <button type="submit" className="button button--small button--primary">
                {t("workshop.timer.start")}
              </button>
            </form>
          ) : null}
          {countdown.state === "running" ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => command({ action: "pause" })}
            >
              {t("workshop.timer.pause")}
            </button>
          ) : null}
          {countdown.state === "paused" ? (
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() => command({ action: "resume" })}
            >
              {t("workshop.timer.resume")}
            </button>
          ) : null}
          {countdown.state !== "idle" ? (
            <>
              <button
                type="button"
                className="button button--small"
                onClick={() => command({ action: "extend", seconds: 60 })}
              >
                {t("workshop.timer.plusOne")}
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() => command({ action: "extend", seconds: 300 })}
              >
                {t("workshop.timer.plusFive")}
              </button>
              <button
                type="button"
                className="button button--small button--ghost"
                onClick={() => command({ action: "reset" })}
              >
                {t("workshop.timer.reset")}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      <WriteError error={error ? errorMessage(t, error) : null} />
    </section>
  );
}
