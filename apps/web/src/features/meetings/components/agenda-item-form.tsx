import type { AgendaItemView } from "@entente/protocol";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { useMutation } from "@tanstack/react-query";
import { InputField, SelectField } from "../../../ui/fields";
import { FormError } from "../../../ui/form";
import { usePartnershipContext } from "../../partnerships";
import type { AgendaItemInput } from "../api/meetings-api";

/** Adds an agenda item, or edits one: title, owner organization, time box. */
export function AgendaItemForm({
  initial,
  label,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: AgendaItemView | null;
  label: string;
  submitLabel: string;
  onSubmit: (input: AgendaItemInput) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useT();
  const { organizations, me } = usePartnershipContext();
  const [title, setTitle] = useState(initial?.title ?? "");
  const [owner, setOwner] = useState(
    initial?.ownerOrganizationId ?? (me.organizationId || (organizations[0]?.id ?? "")),
  );
  const [timebox, setTimebox] = useState(String(initial?.timeboxMinutes ?? 15));
  const { mutate: run, isPending: pending, error } = useMutation({ mutationFn: onSubmit });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run({ title: title.trim(), ownerOrganizationId: owner, timeboxMinutes: Number(timebox) });
  };

  return (
    <form className="item-form item-form--nested" aria-label={label} onSubmit={submit}>
      <div className="item-form__grid">
        <InputField
          className="item-form__wide"
          label={t("meetings.agenda.item")}
          value={title}
          required
          maxLength={200}
          autoFocus
          onChange={(e) => setTitle(e.target.value)}
        />
        <SelectField
          label={t("meetings.agenda.owner")}
          value={owner}
          onChange={(e) => setOwner(e.target.value)}
          options={organizations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <InputField
          label={t("meetings.agenda.timebox")}
          type="number"
          required
          min={1}
          max={480}
          value={timebox}
          onChange={(e) => setTimebox(e.target.value)}
        />
      </div>
      <FormError error={error} />
      <div className="item-form__buttons">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="submit" className="button button--primary" disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
