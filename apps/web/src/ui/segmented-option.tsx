import type { ReactNode } from "react";

/** One option of a segmented control (inside `.segmented`): a toggle button, pressed while chosen. */
export function SegmentedOption({
  pressed,
  onChoose,
  className,
  title,
  children,
}: {
  pressed: boolean;
  onChoose: () => void;
  /** Added to `segmented__option`. */
  className?: string;
  title?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className ? `segmented__option ${className}` : "segmented__option"}
      aria-pressed={pressed}
      title={title}
      onClick={onChoose}
    >
      {children}
    </button>
  );
}
