import { GOVERNANCE_LEVELS, type GovernanceLevel } from "@entente/domain";
import { FIELD_LIMITS, SEVERITIES, type Severity } from "@entente/schema";
import { useCallback, useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { useMutation } from "@tanstack/react-query";
import { errorMessage } from "../../../ui/error-message";
import { ChoiceField, InputField, ItemForm, SelectField } from "../../../ui/fields";
import { useObjectives } from "../../objectives";
import { useOrganizationOptions } from "../../items";
import { usePartnershipContext } from "../../partnerships";
import type { ConvertInput } from "../api/workshop-api";

const KINDS = ["action", "issue", "decision"] as const;
type Kind = (typeof KINDS)[number];

/**
 * "Turn into…": makes an action (on an objective, with an owner organization), an issue
 * (with an owner organization) or a proposed decision (at a level) of a note or a cluster,
 * in one step. The server writes the item, linked back to the meeting.
 */
export function ConvertForm({
  source,
  defaultTitle,
  onConvert,
  onCancel,
}: {
  /** The note's text or the cluster's title, for the form's name. */
  source: string;
  defaultTitle: string;
  onConvert: (input: ConvertInput) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useT();
  const { me } = usePartnershipContext();
  const organizationOptions = useOrganizationOptions();
  const objectives = useObjectives();
  const objectiveOptions = objectives.items.flatMap((item) =>
    item.ok ? [{ value: item.value.id, label: item.value.title }] : [],
  );

  const [kind, setKind] = useState<Kind>("action");
  const [title, setTitle] = useState(defaultTitle.trim().slice(0, FIELD_LIMITS.title));
  const [objectiveId, setObjectiveId] = useState("");
  const [owner, setOwner] = useState(me.organizationId || (organizationOptions[0]?.value ?? ""));
  const [severity, setSeverity] = useState<Severity>("medium");
  const [level, setLevel] = useState<GovernanceLevel>("tactical");
  // The first objective until the user picks one (objectives may arrive after the form opens).
  const chosenObjective = objectiveId || (objectiveOptions[0]?.value ?? "");

  const submitInput = useCallback(
    async (input: ConvertInput) => {
      await onConvert(input);
    },
    [onConvert],
  );
  const { mutate: run, error } = useMutation({ mutationFn: submitInput });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    const named = trimmed === "" ? {} : { title: trimmed };
    switch (kind) {
      case "action":
        if (chosenObjective === "") return;
        void run({ kind, objectiveId: chosenObjective, ownerOrganizationId: owner, ...named });
        return;
      case "issue":
        void run({ kind, ownerOrganizationId: owner, severity, ...named });
        return;
      case "decision":
        void run({ kind, level, ...named });
        return;
    }
  };

  return (
    <ItemForm
      nested
      label={t("workshop.convert.form", { source })}
      testId="convert-form"
      submitLabel={t(`workshop.convert.submit.${kind}`)}
      error={error ? errorMessage(t, error) : null}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <ChoiceField
        label={t("workshop.convert.kind")}
        value={kind}
        values={KINDS}
        optionLabel={(k) => t(`workshop.convert.kind.${k}`)}
        onChange={setKind}
      />
      <InputField
        className="item-form__wide"
        label={t("workshop.convert.itemTitle")}
        value={title}
        maxLength={FIELD_LIMITS.title}
        onChange={(e) => setTitle(e.target.value)}
      />
      {kind === "action" ? (
        objectiveOptions.length > 0 ? (
          <SelectField
            label={t("workshop.convert.objective")}
            value={chosenObjective}
            options={objectiveOptions}
            onChange={(e) => setObjectiveId(e.target.value)}
            required
          />
        ) : (
          <p className="muted item-form__wide" role="status">
            {objectives.status === "synced"
              ? t("workshop.convert.noObjective")
              : t("common.loading")}
          </p>
        )
      ) : null}
      {kind !== "decision" ? (
        <SelectField
          label={t("workshop.convert.owner")}
          value={owner}
          options={organizationOptions}
          onChange={(e) => setOwner(e.target.value)}
          required
        />
      ) : null}
      {kind === "issue" ? (
        <ChoiceField
          label={t("workshop.convert.severity")}
          value={severity}
          values={SEVERITIES}
          optionLabel={(s) => t(`severity.${s}`)}
          onChange={setSeverity}
        />
      ) : null}
      {kind === "decision" ? (
        <ChoiceField
          label={t("workshop.convert.level")}
          value={level}
          values={GOVERNANCE_LEVELS}
          optionLabel={(l) => t(`level.${l}`)}
          onChange={setLevel}
        />
      ) : null}
    </ItemForm>
  );
}
