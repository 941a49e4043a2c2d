import {
  ISSUE_KINDS,
  ISSUE_STATUSES,
  SEVERITIES,
  readValues,
  type IssueKind,
  type Severity,
} from "@entente/schema";
import { useState } from "react";
import { useT } from "../../../i18n";
import { todayIso } from "../../../lib/dates";
import { SelectField } from "../../../ui/fields";
import { useObjectives } from "../../objectives";
import { ItemsSection, UnreadableEntry, useOrganizationOptions } from "../../items";
import { useLens } from "../../partnerships";
import { useIssues } from "../hooks/use-issues";
import {
  DEFAULT_FILTERS,
  ISSUE_SORTS,
  filterIssues,
  isIssueOverdue,
  sortIssues,
  type IssueFilters,
  type IssueSort,
} from "../state/issue-filters";
import { IssueForm } from "./issue-form";
import { IssueRow } from "./issue-row";

const COLUMNS = 7;

/** The open-issues log (a lazy chunk): risks, issues, dependencies, questions. */
export default function IssuesSection() {
  const t = useT();
  const issues = useIssues();
  const objectives = useObjectives();
  const { shows } = useLens();
  const organizationOptions = useOrganizationOptions();
  const [filters, setFilters] = useState<IssueFilters>(DEFAULT_FILTERS);
  const [sort, setSort] = useState<IssueSort>("due");
  const today = todayIso();

  const objectiveTitles = readValues(objectives.items).map((o) => ({ id: o.id, title: o.title }));
  const readable = readValues(issues.items).filter((i) => shows(i.ownerOrganizationId));
  const unreadable = issues.items.filter((entry) => !entry.ok);
  const shown = sortIssues(filterIssues(readable, filters, today), sort);
  const overdueCount = readable.filter((i) => isIssueOverdue(i, today)).length;
  const set = (patch: Partial<IssueFilters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <ItemsSection
      id="issues-title"
      title={t("issues.title")}
      subtitle={t("issues.subtitle")}
      document={issues}
      newLabel={t("issue.new")}
      createLabel={t("issue.create")}
      renderCreateForm={(form, save) => (
        <IssueForm
          {...form}
          initial={null}
          objectives={objectiveTitles}
          onSubmit={(values) => save(() => issues.write.add(values))}
        />
      )}
      emptyText={t("issues.empty")}
      emptyHint={t("issues.emptyHint")}
      filters={
        <div className="filters card" role="group" aria-label={t("issues.filters")}>
          <SelectField
            label={t("issue.field.kind")}
            value={filters.kind}
            onChange={(e) => set({ kind: e.target.value as IssueKind | "all" })}
            options={[
              { value: "all", label: t("filter.all") },
              ...ISSUE_KINDS.map((v) => ({ value: v, label: t(`issue.kind.${v}`) })),
            ]}
          />
          <SelectField
            label={t("field.severity")}
            value={filters.severity}
            onChange={(e) => set({ severity: e.target.value as Severity | "all" })}
            options={[
              { value: "all", label: t("filter.allFeminine") },
              ...SEVERITIES.map((v) => ({ value: v, label: t(`severity.${v}`) })),
            ]}
          />
          <SelectField
            label={t("field.status")}
            value={filters.status}
            onChange={(e) => set({ status: e.target.value as IssueFilters["status"] })}
            options={[
              { value: "all", label: t("filter.all") },
              { value: "active", label: t("filter.active") },
              ...ISSUE_STATUSES.map((v) => ({ value: v, label: t(`issue.status.${v}`) })),
            ]}
          />
          <SelectField
            label={t("field.ownerOrganization")}
            value={filters.owner}
            onChange={(e) => set({ owner: e.target.value })}
            options={[{ value: "all", label: t("filter.all") }, ...organizationOptions]}
          />
          <label className="choice filters__check">
            <input
              type="checkbox"
              checked={filters.overdueOnly}
              onChange={(e) => set({ overdueOnly: e.target.checked })}
            />
            {t("filter.overdueOnly", { count: overdueCount })}
          </label>
          <SelectField
            className="filters__sort"
            label={t("sort.label")}
            value={sort}
            onChange={(e) => setSort(e.target.value as IssueSort)}
            options={ISSUE_SORTS.map((v) => ({ value: v, label: t(`sort.${v}`) }))}
          />
        </div>
      }
      footer={
        <p className="lens-note">
          {t("issues.count", { shown: shown.length, total: issues.items.length })}
        </p>
      }
    >
      <div className="card table-card">
        <table className="data-table" data-testid="issue-table">
          <thead>
            <tr>
              <th scope="col">{t("field.severity")}</th>
              <th scope="col">{t("issue.column.issue")}</th>
              <th scope="col">{t("field.ownerOrganization")}</th>
              <th scope="col">{t("field.assignee")}</th>
              <th scope="col">{t("field.dueDate")}</th>
              <th scope="col">{t("field.status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((issue) => (
              <IssueRow
                key={issue.id}
                issue={issue}
                overdue={isIssueOverdue(issue, today)}
                objectives={objectiveTitles}
                writable={issues.writable}
                write={issues.write}
                columns={COLUMNS}
              />
            ))}
            {shown.length === 0 ? (
              <tr>
                <td colSpan={COLUMNS} className="muted data-table__empty">
                  {t("issues.noMatch")}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
        {unreadable.map((entry) =>
          entry.ok ? null : (
            <UnreadableEntry
              key={entry.id}
              problem={entry.problem}
              onDelete={issues.writable ? () => void issues.write.remove(entry.id) : undefined}
            />
          ),
        )}
      </div>
    </ItemsSection>
  );
}
