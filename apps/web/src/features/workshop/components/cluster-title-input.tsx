import type { InputHTMLAttributes } from "react";
import { useT } from "../../../i18n";

/** The title of a cluster of notes, as typed to create the cluster or to rename it. */
export function ClusterTitleInput({
  value,
  onChange,
  ...input
}: Pick<InputHTMLAttributes<HTMLInputElement>, "placeholder" | "required" | "autoFocus"> & {
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useT();
  return (
    <input
      className="field__input"
      aria-label={t("workshop.cluster.title")}
      value={value}
      maxLength={200}
      onChange={(e) => onChange(e.target.value)}
      {...input}
    />
  );
}
