import type { AgendaItemView } from "@entente/protocol";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { useMutation } from "@tanstack/react-query";
import { InputField } from "../../../ui/fields";
import { FormError } from "../../../ui/form";
import { usePartnershipContext } from "../../partnerships";
import type { AgendaItemInput } from "../api/meetings-api";
import { AgendaOwnerTimeboxFields } from "./agenda-owner-timebox-fields";
import { CancelSubmitButtons } from "./cancel-submit-buttons";

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
        <AgendaOwnerTimeboxFields
          owner={owner}
          timebox={timebox}
          onOwnerChange={setOwner}
          onTimeboxChange={setTimebox}
        />
      </div>
      <FormError error={error} />
      <CancelSubmitButtons submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
