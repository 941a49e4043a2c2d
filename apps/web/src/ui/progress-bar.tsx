/** A horizontal bar filled to `ratio` (0–1); `tone` colours it. */
export function ProgressBar({
  ratio,
  tone = "neutral",
  label,
}: {
  ratio: number;
  tone?: "good" | "warning" | "danger" | "neutral";
  /** What the bar says, for assistive tech. */
  label: string;
}) {
  const percent = Math.round(Math.min(1, Math.max(0, ratio)) * 100);
  return (
    <div
      className={`progress progress--${tone}`}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-label={label}
    >
      <div className="progress__fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
