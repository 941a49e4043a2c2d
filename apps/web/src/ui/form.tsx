import { useId, type FormEvent, type InputHTMLAttributes, type ReactNode } from "react";
import { useT } from "../i18n";
import type { ApiError } from "../lib/api-client";
import { errorMessage } from "./error-message";

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  label: string;
  hint?: string;
};

/** A labelled text input; the label is bound with `for`/`id` so assistive tech and tests find it. */
export function TextField({ label, hint, ...input }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        className="field__input"
        id={id}
        aria-describedby={hint ? hintId : undefined}
        {...input}
      />
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function FormError({ error }: { error: ApiError | null }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {errorMessage(t, error)}
    </p>
  );
}

export function SubmitButton({
  pending,
  pendingLabel,
  children,
}: {
  pending: boolean;
  pendingLabel: string;
  children: ReactNode;
}) {
  return (
    <button className="button button--primary" type="submit" disabled={pending} aria-busy={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}

/**
 * A form's submit handler that runs `submit` once the browser's own checks (required, type,
 * length) pass: they speak first, in the user's language.
 */
export function submitWhenValid(submit: () => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!event.currentTarget.reportValidity()) return;
    submit();
  };
}
