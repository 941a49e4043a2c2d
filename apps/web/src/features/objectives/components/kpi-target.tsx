import type { KpiTargetAgreementView, KpiTargetsView } from "@entente/protocol";
import { FIELD_LIMITS, type Kpi } from "@entente/schema";
import { useState, type FormEvent } from "react";
import { useI18n, useT } from "../../../i18n";
import type { ApiError } from "../../../lib/api-client";
import { parseDecimal } from "../../../lib/decimal-text";
import { DecimalField, InputField, ItemForm } from "../../../ui/fields";
import { errorMessage } from "../../../ui/error-message";
import {
  OrganizationChip,
  canAct,
  usePartnershipContext,
  usePartnershipDirectory,
} from "../../partnerships";
import { UnreadableEntry } from "../../items";
import { useKpiTargets } from "../state/kpi-targets-context";

type Quantity = (value: number, unit: string) => string;

/**
 * What a KPI's target panels read: the KPI, the server's record of its targets, and how to
 * write an amount.
 */
interface KpiTargetProps {
  kpi: Kpi;
  view: KpiTargetsView | null;
  quantity: Quantity;
}

/**
 * The organizations whose agreement a KPI's target needs: the objective's owners in the
 * partnership, or all of them when it names none (the server's rule).
 */
export function useTargetOwners(owners: readonly string[]): string[] {
  const { organizations } = usePartnershipContext();
  const ids = organizations.map((o) => o.id);
  const inPartnership = ids.filter((id) => owners.includes(id));
  return inPartnership.length > 0 ? inPartnership : ids;
}

function TargetError({ error }: { error: ApiError | null }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {error.status === 409 ? t("kpi.pending.stale") : errorMessage(t, error)}
    </p>
  );
}

function Agreements({ agreements }: { agreements: KpiTargetAgreementView[] }) {
  return (
    <>
      {agreements.map((agreement) => (
        <span
          key={agreement.organizationId}
          className="kpi__agreement"
          data-testid="kpi-agreement"
          data-organization-id={agreement.organizationId}
        >
          <OrganizationChip organizationId={agreement.organizationId} /> {agreement.userName}
        </span>
      ))}
    </>
  );
}

/**
 * The target waiting for agreement, beside the agreed one: who proposed it, which
 * organizations agreed, which are awaited, and "Agree" for an awaited organization's editors.
 */
export function PendingTarget({ kpi, view, quantity }: KpiTargetProps) {
  const { t, formatDate } = useI18n();
  const context = usePartnershipContext();
  const targets = useKpiTargets();
  const pending = view?.pending ?? null;
  if (!pending) return <TargetError error={targets.errorOf(kpi.id)} />;
  const mine = context.me.organizationId;
  const acting = canAct(context) && pending.requiredOrganizationIds.includes(mine);
  const busy = targets.busy === kpi.id;
  return (
    <div className="kpi__pending" data-testid="kpi-pending-target" data-proposal-id={pending.id}>
      <p>
        <span className="pill">{t("kpi.pending.label")}</span>{" "}
        <strong data-testid="kpi-pending-value">{quantity(pending.target, kpi.unit)}</strong>{" "}
        <span className="muted">
          {t("kpi.pending.proposedBy", {
            name: pending.proposedBy.userName,
            date: formatDate(pending.proposedAt),
          })}
        </span>
        {pending.note ? <q className="history-list__note">{pending.note}</q> : null}
      </p>
      <p className="kpi__pending-keys">
        <span className="muted">{t("kpi.pending.agreed")}</span>{" "}
        <Agreements agreements={pending.agreements} />
        {pending.awaitingOrganizationIds.length > 0 ? (
          <span data-testid="kpi-pending-awaiting">
            {" "}
            <span className="muted">{t("kpi.pending.awaiting")}</span>{" "}
            {pending.awaitingOrganizationIds.map((id) => (
              <OrganizationChip key={id} organizationId={id} />
            ))}
          </span>
        ) : null}
      </p>
      {acting ? (
        <div className="kpi__buttons">
          {pending.awaitingOrganizationIds.includes(mine) ? (
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              onClick={() => void targets.agree(kpi.id, pending.id)}
            >
              {t("kpi.pending.agree", { target: quantity(pending.target, kpi.unit) })}
            </button>
          ) : null}
          <button
            type="button"
            className="button button--small button--ghost"
            disabled={busy}
            onClick={() => void targets.withdraw(kpi.id, pending.id)}
          >
            {pending.proposedBy.organizationId === mine
              ? t("kpi.pending.withdraw")
              : t("kpi.pending.decline")}
          </button>
        </div>
      ) : null}
      <TargetError error={targets.errorOf(kpi.id)} />
    </div>
  );
}

/** Every target the KPI had, with who proposed it and who agreed, from the server's records. */
export function TargetHistory({ kpi, view, quantity }: KpiTargetProps) {
  const { t, formatDate } = useI18n();
  const { member } = usePartnershipDirectory();
  // The document's entries, with the server's record beside each one it vouches for.
  const recorded = new Map(
    (view?.history ?? []).flatMap((entry) =>
      entry.proposal ? [[entry.proposal.id, entry.proposal] as const] : [],
    ),
  );
  return (
    <ol className="history-list" data-testid="kpi-target-history">
      {kpi.targetHistory.map((entry, index) => {
        if (!entry.ok) {
          return (
            <li key={index}>
              <UnreadableEntry problem={entry.problem} />
            </li>
          );
        }
        const change = entry.value;
        const proposal =
          change.proposalId === null ? null : (recorded.get(change.proposalId) ?? null);
        const name = proposal?.proposedBy.userName ?? member(change.changedBy)?.name;
        return (
          <li key={index} data-testid="kpi-target-entry">
            <strong>{quantity(change.target, kpi.unit)}</strong>{" "}
            <span className="muted">
              {t(
                index === 0
                  ? "kpi.targetSet"
                  : proposal
                    ? "kpi.targetProposed"
                    : "kpi.targetChanged",
                { name: name ?? t("member.unknown"), date: formatDate(change.changedAt) },
              )}
            </span>{" "}
            <OrganizationChip organizationId={change.organizationId} />
            {proposal ? (
              <span className="kpi__pending-keys">
                {" "}
                <span className="muted">{t("kpi.history.agreedBy")}</span>{" "}
                <Agreements agreements={proposal.agreements} />
              </span>
            ) : null}
            {change.note ? <q className="history-list__note">{change.note}</q> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** A new target: applied at once for a single owner, otherwise a proposal to the partner. */
export function TargetForm({
  kpi,
  twoKey,
  onDone,
}: {
  kpi: Kpi;
  twoKey: boolean;
  onDone: () => void;
}) {
  const t = useT();
  const targets = useKpiTargets();
  const [target, setTarget] = useState(String(kpi.target));
  const [note, setNote] = useState("");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseDecimal(target);
    if (parsed === null) return;
    if (await targets.propose(kpi.id, parsed, note.trim() === "" ? undefined : note.trim())) {
      onDone();
    }
  };
  const error = targets.errorOf(kpi.id);
  return (
    <ItemForm
      label={twoKey ? t("kpi.proposeTarget") : t("kpi.changeTarget")}
      nested
      intro={
        <p className="muted item-form__intro">
          {twoKey ? t("kpi.proposeTarget.intro") : t("kpi.changeTarget.intro")}
        </p>
      }
      submitLabel={twoKey ? t("kpi.proposeTarget.submit") : t("kpi.changeTarget.submit")}
      error={error ? errorMessage(t, error) : null}
      onSubmit={(event) => void submit(event)}
      onCancel={() => {
        targets.clearError(kpi.id);
        onDone();
      }}
    >
      <DecimalField
        label={kpi.unit ? t("kpi.field.targetIn", { unit: kpi.unit }) : t("kpi.field.target")}
        value={target}
        onChange={setTarget}
        required
        autoFocus
      />
      <InputField
        label={t("kpi.field.reason")}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={FIELD_LIMITS.text}
      />
    </ItemForm>
  );
}
