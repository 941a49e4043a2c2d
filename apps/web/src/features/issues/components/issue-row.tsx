import { ISSUE_STATUSES, type Issue, type IssueStatus } from "@entente/schema";
import { DeletedObjective } from "../../records";
import { useState } from "react";
import { useI18n } from "../../../i18n";
import { ItemTools, WriteError } from "../../../ui/item-tools";
import { ItemComments } from "../../comments";
import { SeverityBadge } from "../../organizations";
import { MeetingOrigin } from "../../meetings";
import { OrganizationChip, usePartnershipDirectory } from "../../partnerships";
import { useItemEditor } from "../../items";
import type { IssuesWriter } from "../hooks/use-issues";
import { isIssueDone } from "../state/issue-filters";
import { IssueForm, type IssueFormValues } from "./issue-form";

/** One entry of the log as a table row; details and the edit form open below it. */
export function IssueRow({
  issue,
  overdue,
  objectives,
  writable,
  write,
  columns,
}: {
  issue: Issue;
  overdue: boolean;
  objectives: readonly { id: string; title: string }[];
  writable: boolean;
  write: IssuesWriter;
  columns: number;
}) {
  const { t, formatDay, formatDate } = useI18n();
  const { member } = usePartnershipDirectory();
  const [open, setOpen] = useState(false);
  const editor = useItemEditor<IssueFormValues>();
  const { run, error } = editor;
  const assignee = member(issue.assigneeUserId);
  const raisedBy = member(issue.raisedBy);
  const objective = issue.linkedObjectiveId
    ? (objectives.find((o) => o.id === issue.linkedObjectiveId) ?? null)
    : null;

  if (editor.snapshot) {
    return (
      <tr className="issue-row issue-row--editing">
        <td colSpan={columns}>
          <IssueForm
            initial={editor.snapshot}
            objectives={objectives}
            label={t("issue.edit", { title: issue.title })}
            submitLabel={t("common.save")}
            error={error}
            onCancel={editor.cancel}
            onSubmit={(values) => editor.save(values, (patch) => write.update(issue.id, patch))}
          />
        </td>
      </tr>
    );
  }

  return (
    <>
      <tr
        className={`issue-row${overdue ? " issue-row--overdue" : ""}${
          isIssueDone(issue) ? " issue-row--done" : ""
        }`}
        data-testid="issue"
        data-issue-id={issue.id}
      >
        <td>
          <SeverityBadge severity={issue.severity} />
        </td>
        <td className="issue-row__main">
          <button
            type="button"
            className="issue-row__title"
            aria-expanded={open}
            onClick={() => setOpen((v) => !v)}
          >
            {issue.title}
          </button>
          <span className="issue-row__sub">
            <span className="pill">{t(`issue.kind.${issue.kind}`)}</span>
            {issue.escalationLevel !== "operational" ? (
              <span className="pill pill--escalated">
                {t("issue.escalatedTo", { level: t(`level.${issue.escalationLevel}`) })}
              </span>
            ) : null}
            {issue.linkedObjectiveId ? (
              <span className="issue-row__objective">
                ↳ {objective ? objective.title : <DeletedObjective id={issue.linkedObjectiveId} />}
              </span>
            ) : null}
          </span>
        </td>
        <td>
          <OrganizationChip organizationId={issue.ownerOrganizationId} />
          <MeetingOrigin meetingId={issue.meetingId} />
        </td>
        <td className="issue-row__assignee">
          {assignee?.name ?? (issue.assigneeUserId ? t("member.unknown") : "—")}
        </td>
        <td>
          {issue.dueDate ? (
            <span className={overdue ? "due due--overdue" : "due"} data-testid="issue-due">
              {formatDay(issue.dueDate)}
              {overdue ? <span className="due__flag">{t("common.overdue")}</span> : null}
            </span>
          ) : (
            "—"
          )}
        </td>
        <td>
          {writable ? (
            <select
              className="inline-select"
              aria-label={t("issue.statusOf", { title: issue.title })}
              value={issue.status}
              onChange={(e) =>
                run(() => write.update(issue.id, { status: e.target.value as IssueStatus }))
              }
            >
              {ISSUE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`issue.status.${s}`)}
                </option>
              ))}
            </select>
          ) : (
            <span className={`pill pill--${issue.status}`}>
              {t(`issue.status.${issue.status}`)}
            </span>
          )}
        </td>
        <td className="issue-row__tools">
          <ItemComments kind="issue" id={issue.id} title={issue.title} />
          {writable ? (
            <ItemTools
              editName={t("issue.edit", { title: issue.title })}
              deleteName={t("issue.delete", { title: issue.title })}
              onEdit={() =>
                editor.edit({
                  kind: issue.kind,
                  title: issue.title,
                  description: issue.description,
                  ownerOrganizationId: issue.ownerOrganizationId,
                  assigneeUserId: issue.assigneeUserId,
                  severity: issue.severity,
                  status: issue.status,
                  dueDate: issue.dueDate,
                  linkedObjectiveId: issue.linkedObjectiveId,
                  escalationLevel: issue.escalationLevel,
                })
              }
              onDelete={() => run(() => write.remove(issue.id))}
            />
          ) : null}
        </td>
      </tr>
      {open || error ? (
        <tr className="issue-row__details">
          <td colSpan={columns}>
            <WriteError error={error} />
            {open ? (
              <div className="issue-details">
                {issue.description ? (
                  <p className="issue-details__text">{issue.description}</p>
                ) : (
                  <p className="muted">{t("issue.noDescription")}</p>
                )}
                <p className="muted issue-details__meta">
                  {t("issue.raisedBy", {
                    name: raisedBy?.name ?? t("member.unknown"),
                    date: formatDate(issue.createdAt),
                  })}{" "}
                  <OrganizationChip organizationId={issue.organizationId} />
                </p>
              </div>
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}
