import type { Constraint, Objective } from "@entente/schema";
import { useI18n } from "../../../i18n";
import { isOverdue, todayIso } from "../../../lib/dates";
import { ItemTools, WriteError } from "../../../ui/item-tools";
import { ItemComments } from "../../comments";
import { ConstraintNote } from "../../organizations";
import { OrganizationChip, useLens, usePartnershipContext } from "../../partnerships";
import { useItemEditor } from "../../items";
import type { ObjectivesWriter } from "../hooks/use-objectives";
import { ActionList } from "./action-list";
import { KpiList } from "./kpi-list";
import { ObjectiveForm, type ObjectiveFormValues } from "./objective-form";

export interface AffectingConstraint {
  organizationId: string;
  constraint: Constraint;
}

/**
 * One objective: owners, level, status, its KPIs and actions, and beside it the
 * constraints the organizations disclosed as weighing on it.
 */
export function ObjectiveCard({
  objective,
  constraints,
  writable,
  write,
}: {
  objective: Objective;
  constraints: AffectingConstraint[];
  writable: boolean;
  write: ObjectivesWriter;
}) {
  const { t, formatDay } = useI18n();
  const { shows } = useLens();
  const { organizations } = usePartnershipContext();
  const editor = useItemEditor<ObjectiveFormValues>();
  const done = objective.status === "achieved" || objective.status === "dropped";
  const overdue = isOverdue(objective.dueDate, done, todayIso());
  // Owners in the partnership's order (the set's own order differs from peer to peer).
  const rank = (id: string) => {
    const index = organizations.findIndex((o) => o.id === id);
    return index < 0 ? organizations.length : index;
  };
  const owners = [...objective.ownerOrganizationIds].sort((a, b) => rank(a) - rank(b));
  const actions = objective.actions.filter(
    (entry) => !entry.ok || shows(entry.value.ownerOrganizationId),
  );

  return (
    <article
      className="objective card"
      data-testid="objective"
      data-objective-id={objective.id}
      aria-labelledby={`objective-${objective.id}`}
    >
      <div className="objective__main">
        {editor.snapshot ? (
          <ObjectiveForm
            initial={editor.snapshot}
            label={t("objective.edit", { title: objective.title })}
            submitLabel={t("common.save")}
            error={editor.error}
            onCancel={editor.cancel}
            onSubmit={(values) => editor.save(values, (patch) => write.update(objective.id, patch))}
          />
        ) : (
          <header className="objective__header">
            <div className="objective__meta">
              {owners.map((id) => (
                <OrganizationChip key={id} organizationId={id} />
              ))}
              <span className="pill">{t(`level.${objective.governanceLevel}`)}</span>
              <span className={`pill pill--${objective.status}`} data-testid="objective-status">
                {t(`objective.status.${objective.status}`)}
              </span>
              {objective.dueDate ? (
                <span className={overdue ? "due due--overdue" : "due"}>
                  {overdue ? `${t("common.overdue")} · ` : ""}
                  {t("common.dueOn", { date: formatDay(objective.dueDate) })}
                </span>
              ) : null}
            </div>
            <div className="objective__title-row">
              <h3 id={`objective-${objective.id}`} className="objective__title">
                {objective.title}
              </h3>
              <ItemComments kind="objective" id={objective.id} title={objective.title} />
              {writable ? (
                <ItemTools
                  editName={t("objective.edit", { title: objective.title })}
                  deleteName={t("objective.delete", { title: objective.title })}
                  onEdit={() =>
                    editor.edit({
                      title: objective.title,
                      description: objective.description,
                      ownerOrganizationIds: objective.ownerOrganizationIds,
                      governanceLevel: objective.governanceLevel,
                      status: objective.status,
                      dueDate: objective.dueDate,
                    })
                  }
                  onDelete={() => editor.run(() => write.remove(objective.id))}
                />
              ) : null}
            </div>
            {objective.description ? (
              <p className="objective__description">{objective.description}</p>
            ) : null}
            <WriteError error={editor.error} />
          </header>
        )}
        <KpiList
          objectiveId={objective.id}
          owners={objective.ownerOrganizationIds}
          kpis={objective.kpis}
          writable={writable}
          write={write}
        />
        <ActionList
          objectiveId={objective.id}
          actions={actions}
          hiddenByLens={objective.actions.length - actions.length}
          writable={writable}
          write={write}
        />
      </div>
      {/* A group, not a landmark: every objective has one. */}
      <div className="objective__constraints" role="group" aria-label={t("objective.constraints")}>
        <h4 className="subsection__title">
          {t("objective.constraints")} <span className="count">{constraints.length}</span>
        </h4>
        {constraints.length === 0 ? (
          <p className="muted">{t("objective.noConstraint")}</p>
        ) : (
          <ul className="constraint-notes">
            {constraints.map(({ organizationId, constraint }) => (
              <ConstraintNote
                key={`${organizationId}/${constraint.id}`}
                organizationId={organizationId}
                constraint={constraint}
              />
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}
