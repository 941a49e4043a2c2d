import { FIELD_LIMITS, type Ambition } from "@entente/schema";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { ItemForm, TextAreaField } from "../../../ui/fields";
import { ProfileList, type ProfileListProps, type ProfileFormProps } from "./profile-list";

/** What the form of an ambition edits. */
const FORM_FIELDS = ["statement"] as const;
type AmbitionFormValues = Pick<Ambition, (typeof FORM_FIELDS)[number]>;

/** What the organization hopes to get out of the partnership, in its own words. */
export function AmbitionList({ write, ...list }: ProfileListProps<Ambition>) {
  return (
    <ProfileList
      kind="ambition"
      {...list}
      entryClassName="profile-item profile-item--ambition"
      write={write.ambition}
      // The whole statement is written, changed or not.
      writesWhole
      fields={FORM_FIELDS}
      renderForm={(form) => <AmbitionForm {...form} />}
      renderEntry={(ambition, tools) => (
        <>
          <p className="profile-item__text">{ambition.statement}</p>
          {tools}
        </>
      )}
    />
  );
}

function AmbitionForm({ initial, onSubmit, ...form }: ProfileFormProps<AmbitionFormValues>) {
  const t = useT();
  const [statement, setStatement] = useState(initial?.statement ?? "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (statement.trim() === "") return;
    onSubmit({ statement: statement.trim() });
  };
  return (
    <ItemForm {...form} nested grid={false} onSubmit={submit}>
      <TextAreaField
        label={t("ambition.field.statement")}
        value={statement}
        onChange={(e) => setStatement(e.target.value)}
        required
        maxLength={FIELD_LIMITS.text}
        autoFocus
      />
    </ItemForm>
  );
}
