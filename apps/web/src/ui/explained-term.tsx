import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useT } from "../i18n";
import "./explained-term.css";

/**
 * A word of the domain with a small "?" button that shows what it means, under it. A
 * disclosure, not a hover tooltip: the button opens and closes it by click, tap, Enter or
 * Space (`aria-expanded`, `aria-controls`), describes itself with the text while open
 * (`aria-describedby`), and Escape, a tap elsewhere or moving focus away closes it.
 */
export function ExplainedTerm({
  term,
  explanation,
  showTerm = true,
  align = "start",
  testId,
}: {
  /** The word as written where it appears; named by the button even when not shown. */
  term: string;
  explanation: ReactNode;
  /** False when the word is already written beside it (a label, a heading). */
  showTerm?: boolean;
  /** Which edge of the button the explanation lines up with: "end" near the right edge. */
  align?: "start" | "end";
  testId?: string;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    // Escape closes the explanation only, not a dialog the term sits in.
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };

  return (
    <span
      ref={root}
      className="term"
      data-testid={testId}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      {showTerm ? <span className="term__word">{term}</span> : null}
      <button
        ref={button}
        type="button"
        className="term__button"
        aria-label={t("glossary.explain", { term })}
        aria-expanded={open}
        aria-controls={id}
        aria-describedby={open ? id : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        ?
      </button>
      <span
        id={id}
        role="note"
        className={`term__explanation term__explanation--${align}`}
        hidden={!open}
      >
        {explanation}
      </span>
    </span>
  );
}
