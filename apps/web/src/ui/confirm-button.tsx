import { useState } from "react";

/**
 * A destructive button that asks once more in place (no browser dialog): the first click
 * turns it into "confirm" and "cancel".
 */
export function ConfirmButton({
  label,
  name,
  confirmLabel,
  cancelLabel,
  onConfirm,
}: {
  label: string;
  /** The accessible name, saying what is deleted ("Delete objective “X”"); `label` if absent. */
  name?: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="button button--small button--danger-ghost"
        aria-label={name}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm">
      <button
        type="button"
        className="button button--small button--danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button--small" onClick={() => setAsking(false)}>
        {cancelLabel}
      </button>
    </span>
  );
}
