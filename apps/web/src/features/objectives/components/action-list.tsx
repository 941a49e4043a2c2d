import { ACTION_STATUSES, type Action, type ActionStatus, type ReadResult } from "@entente/schema";
import { useState, type FormEvent } from "react";
import { useI18n, useT } from "../../../i18n";
import { isOverdue, todayIso } from "../../../lib/dates";
import { ChoiceField, ItemForm } from "../../../ui/fields";
import { ItemTools, WriteError } from "../../../ui/item-tools";
import { ItemComments } from "../../comments";
import {
  type ItemFormProps,
  type Planning,
  PlanningFields,
  TitleField,
  useItemEditor,
  usePlanning,
} from "../../items";
import { MeetingOrigin } from "../../meetings";
import { OrganizationChip, usePartnershipDirectory } from "../../partnerships";
import type { ObjectivesWriter } from "../hooks/use-objectives";
import { ObjectiveItemList } from "./objective-item-list";

interface ActionFormValues extends Planning {
  title: string;
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
  return (
    <ObjectiveItemList
      kind="action"
      entries={actions}
      writable={writable}
      form={ActionForm}
      onAdd={(values) => write.addAction(objectiveId, values)}
      onRemove={(id) => write.removeAction(objectiveId, id)}
      renderItem={(action) => (
        <ActionRow key={action.id} action={action} writable={writable} write={write} />
      )}
    >
      {hiddenByLens > 0 ? (
        <p className="lens-note">{t("lens.hiddenActions", { count: hiddenByLens })}</p>
      ) : null}
    </ObjectiveItemList>
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
  const editor = useItemEditor<ActionFormValues>();
  const done = action.status === "done" || action.status === "cancelled";
  const overdue = isOverdue(action.dueDate, done, todayIso());
  const assignee = member(action.assigneeUserId);

  if (editor.snapshot) {
    return (
      <li>
        <ActionForm
          initial={editor.snapshot}
          label={t("action.edit", { title: action.title })}
          submitLabel={t("common.save")}
          error={editor.error}
          onCancel={editor.cancel}
          onSubmit={(values) =>
            editor.save(values, (patch) => write.updateAction(action.objectiveId, action.id, patch))
          }
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
        <MeetingOrigin meetingId={action.meetingId} />
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
              editor.run(() =>
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
        <ItemComments kind="action" id={action.id} title={action.title} />
        {writable ? (
          <ItemTools
            editName={t("action.edit", { title: action.title })}
            deleteName={t("action.delete", { title: action.title })}
            onEdit={() =>
              editor.edit({
                title: action.title,
                ownerOrganizationId: action.ownerOrganizationId,
                assigneeUserId: action.assigneeUserId,
                dueDate: action.dueDate,
                status: action.status,
              })
            }
            onDelete={() => editor.run(() => write.removeAction(action.objectiveId, action.id))}
          />
        ) : null}
      </span>
      <WriteError error={editor.error} className="action-row__error" />
    </li>
  );
}

function ActionForm({
  initial,
  onSubmit,
  ...form
}: ItemFormProps<ActionFormValues> & { initial: ActionFormValues | null }) {
  const t = useT();
  const [title, setTitle] = useState(initial?.title ?? "");
  const planning = usePlanning(initial);
  const [status, setStatus] = useState<ActionStatus>(initial?.status ?? "todo");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      title: title.trim(),
      ...planning.values(),
      status,
    });
  };

  return (
    <ItemForm {...form} nested onSubmit={submit}>
      <TitleField label={t("action.field.title")} value={title} onChange={setTitle} />
      <PlanningFields planning={planning} />
      <ChoiceField
        label={t("field.status")}
        value={status}
        values={ACTION_STATUSES}
        optionLabel={(v) => t(`action.status.${v}`)}
        onChange={setStatus}
      />
    </ItemForm>
  );
}
