import type { ReactNode } from "react";
import type { ApiError } from "../../../lib/api-client";
import { FormError, SubmitButton, submitWhenValid, TextField } from "../../../ui/form";

/**
 * The card that creates an organization or a partnership: its name (required, as long as the
 * server takes), what `children` add, the reason the server refused and the submit button.
 */
export function CreateCard({
  id,
  title,
  intro,
  nameLabel,
  fieldName,
  name,
  onNameChange,
  submit,
  submitLabel,
  submittingLabel,
  children,
}: {
  /** The title's id: the card's label. */
  id: string;
  title: string;
  intro: string;
  nameLabel: string;
  fieldName: string;
  name: string;
  onNameChange: (name: string) => void;
  submit: { mutate: () => void; isPending: boolean; error: ApiError | null };
  submitLabel: string;
  submittingLabel: string;
  children?: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card__title">
        {title}
      </h2>
      <p className="card__intro">{intro}</p>
      <form className="form" onSubmit={submitWhenValid(() => submit.mutate())}>
        <TextField
          label={nameLabel}
          name={fieldName}
          required
          maxLength={120}
          value={name}
          onChange={(e) => onNameChange(e.target.value)}
        />
        {children}
        <FormError error={submit.error} />
        <SubmitButton pending={submit.isPending} pendingLabel={submittingLabel}>
          {submitLabel}
        </SubmitButton>
      </form>
    </section>
  );
}
