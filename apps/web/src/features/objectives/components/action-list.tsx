import {
  ACTION_STATUSES,
  FIELD_LIMITS,
  type Action,
  type ActionStatus,
  type ReadResult,
} from "@entente/schema";
import { useState, type FormEvent } from "react";
import { useI18n, useT } from "../../../i18n";
import { changedFields } from "../../../lib/changed-fields";
import { isOverdue, todayIso } from "../../../lib/dates";
import { ConfirmButton } from "../../../ui/confirm-button";
import { FormFooter, InputField, SelectField } from "../../../ui/fields";
import { OrganizationChip } from "../../partnerships/components/organization-chip";
import { UnreadableEntry } from "../../partnerships/components/unreadable-entry";
import { useWrite } from "../../partnerships/hooks/use-write";
import {
  useMemberOptions,
  useOrganizationOptions,
} from "../../partnerships/hooks/use-select-options";
import {
  usePartnershipContext,
  usePartnershipDirectory,
} from "../../partnerships/state/partnership-context";
import type { ObjectivesWriter } from "../hooks/use-objectives";

interface ActionFormValues {
  title: string;
  ownerOrganizationId: string;
  assigneeUserId: string | null;
  dueDate: string | null;
  status: ActionStatus;
}

/** The concrete actions of an objective; the lens hides the ones it filters out. */
export function ActionList({
  objectiveId,
  actions,
  hiddenByLens,
  writable,
  write,
}: {
  objectiveId: string;
  actions: ReadResult<Action>[];
  hiddenByLens: number;
  writable: boolean;
  write: ObjectivesWriter;
}) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const { run, error, clear } = useWrite();

  return (
    <section className="subsection" aria-label={t("action.title")}>
      <header className="subsection__header">
        <h4 className="subsection__title">
          {t("action.title")} <span className="count">{actions.length}</span>
        </h4>
        {writable && !adding ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              clear();
              setAdding(true);
            }}
          >
            {t("action.add")}
          </button>
        ) : null}
      </header>
      {adding ? (
        <ActionForm
          initial={null}
          label={t("action.add")}
          submitLabel={t("common.add")}
          error={error}
          onCancel={() => setAdding(false)}
          onSubmit={(values) => {
            if (run(() => write.addAction(objectiveId, values))) setAdding(false);
          }}
        />
      ) : null}
      {actions.length === 0 && !adding ? (
        <p className="muted subsection__empty">{t("action.empty")}</p>
      ) : (
        <ul className="action-list">
          {actions.map((entry) =>
            entry.ok ? (
              <ActionRow
                key={entry.value.id}
                action={entry.value}
                writable={writable}
                write={write}
              />
            ) : (
              <li key={entry.id}>
                <UnreadableEntry
                  problem={entry.problem}
                  onDelete={
                    writable ? () => void write.removeAction(objectiveId, entry.id) : undefined
                  }
                />
              </li>
            ),
          )}
        </ul>
      )}
      {hiddenByLens > 0 ? (
        <p className="lens-note">{t("lens.hiddenActions", { count: hiddenByLens })}</p>
      ) : null}
    </section>
  );
}

function ActionRow({
  action,
  writable,
  write,
}: {
  action: Action;
  writable: boolean;
  write: ObjectivesWriter;
}) {
  const { t, formatDay } = useI18n();
  const { member } = usePartnershipDirectory();
  // What the form started from: only the fields changed since are written.
  const [snapshot, setSnapshot] = useState<ActionFormValues | null>(null);
  const { run, error, clear } = useWrite();
  const done = action.status === "done" || action.status === "cancelled";
  const overdue = isOverdue(action.dueDate, done, todayIso());
  const assignee = member(action.assigneeUserId);

  const initial: ActionFormValues = {
    title: action.title,
    ownerOrganizationId: action.ownerOrganizationId,
    assigneeUserId: action.assigneeUserId,
    dueDate: action.dueDate,
    status: action.status,
  };
  if (snapshot) {
    return (
      <li>
        <ActionForm
          initial={snapshot}
          label={t("action.edit", { title: action.title })}
          submitLabel={t("common.save")}
          error={error}
          onCancel={() => setSnapshot(null)}
          onSubmit={(values) => {
            const patch = changedFields(snapshot, values);
            if (run(() => write.updateAction(action.objectiveId, action.id, patch))) {
              setSnapshot(null);
            }
          }}
        />
      </li>
    );
  }

  return (
    <li
      className={`action-row${done ? " action-row--done" : ""}`}
      data-testid="action"
      data-action-id={action.id}
    >
      <span className={`status-dot status-dot--${action.status}`} aria-hidden="true" />
      <span className="action-row__title">{action.title}</span>
      <span className="action-row__meta">
        <OrganizationChip organizationId={action.ownerOrganizationId} />
        <span className="action-row__assignee">
          {assignee
            ? assignee.name
            : action.assigneeUserId
              ? t("member.unknown")
              : t("member.unassigned")}
        </span>
        {action.dueDate ? (
          <span className={overdue ? "due due--overdue" : "due"}>
            {overdue ? t("common.overdue") + " · " : ""}
            {formatDay(action.dueDate)}
          </span>
        ) : null}
        {writable ? (
          <select
            className="inline-select"
            aria-label={t("action.statusOf", { title: action.title })}
            value={action.status}
            onChange={(e) =>
              run(() =>
                write.updateAction(action.objectiveId, action.id, {
                  status: e.target.value as ActionStatus,
                }),
              )
            }
          >
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`action.status.${s}`)}
              </option>
            ))}
          </select>
        ) : (
          <span className={`pill pill--${action.status}`}>
            {t(`action.status.${action.status}`)}
          </span>
        )}
        {writable ? (
          <span className="item-tools">
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => {
                clear();
                setSnapshot(initial);
              }}
              aria-label={t("action.edit", { title: action.title })}
            >
              {t("common.edit")}
            </button>
            <ConfirmButton
              label={t("common.delete")}
              confirmLabel={t("common.confirmDelete")}
              cancelLabel={t("common.cancel")}
              name={t("action.delete", { title: action.title })}
              onConfirm={() => run(() => write.removeAction(action.objectiveId, action.id))}
            />
          </span>
        ) : null}
      </span>
      {error ? (
        <p className="form-error action-row__error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

function ActionForm({
  initial,
  label,
  submitLabel,
  error,
  onSubmit,
  onCancel,
}: {
  initial: ActionFormValues | null;
  label: string;
  submitLabel: string;
  error: string | null;
  onSubmit: (values: ActionFormValues) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { me } = usePartnershipContext();
  const organizationOptions = useOrganizationOptions();
  const memberOptions = useMemberOptions();
  const [title, setTitle] = useState(initial?.title ?? "");
  const [owner, setOwner] = useState(initial?.ownerOrganizationId ?? me.organizationId);
  const [assignee, setAssignee] = useState(initial?.assigneeUserId ?? "");
  const [dueDate, setDueDate] = useState(initial?.dueDate ?? "");
  const [status, setStatus] = useState<ActionStatus>(initial?.status ?? "todo");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      title: title.trim(),
      ownerOrganizationId: owner,
      assigneeUserId: assignee === "" ? null : assignee,
      dueDate: dueDate === "" ? null : dueDate,
      status,
    });
  };

  return (
    <form className="item-form item-form--nested" aria-label={label} onSubmit={submit}>
      <div className="item-form__grid">
        <InputField
          className="item-form__wide"
          label={t("action.field.title")}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={FIELD_LIMITS.title}
          autoFocus
        />
        <SelectField
          label={t("field.ownerOrganization")}
          value={owner}
          onChange={(e) => setOwner(e.target.value)}
          options={organizationOptions}
        />
        <SelectField
          label={t("field.assignee")}
          value={assignee}
          onChange={(e) => setAssignee(e.target.value)}
          options={memberOptions}
        />
        <InputField
          label={t("field.dueDate")}
          type="date"
          value={dueDate}
          onChange={(e) => setDueDate(e.target.value)}
        />
        <SelectField
          label={t("field.status")}
          value={status}
          onChange={(e) => setStatus(e.target.value as ActionStatus)}
          options={ACTION_STATUSES.map((v) => ({ value: v, label: t(`action.status.${v}`) }))}
        />
      </div>
      <FormFooter
        submitLabel={submitLabel}
        cancelLabel={t("common.cancel")}
        onCancel={onCancel}
        error={error}
      />
    </form>
  );
}
