import { readValues } from "@entente/schema";
import { useMemo, useState } from "react";
import { useT } from "../../../i18n";
import { PageStatus } from "../../../ui/page-status";
import { useProfiles } from "../../organizations/hooks/use-profiles";
import { SectionHeader } from "../../partnerships/components/section-header";
import { UnreadableEntry } from "../../partnerships/components/unreadable-entry";
import { useLens } from "../../partnerships/hooks/use-lens";
import { useWrite } from "../../partnerships/hooks/use-write";
import { useObjectives } from "../hooks/use-objectives";
import { ObjectiveCard, type AffectingConstraint } from "./objective-card";
import { ObjectiveForm } from "./objective-form";

/** Objectives & KPIs (a lazy chunk): shared objectives, their actions and KPIs, and constraints. */
export default function ObjectivesSection() {
  const t = useT();
  const objectives = useObjectives();
  const profiles = useProfiles();
  const { shows } = useLens();
  const [creating, setCreating] = useState(false);
  const { run, error, clear } = useWrite();

  // Constraints by the objective they affect, whoever disclosed them (filtered by the lens).
  const constraintsByObjective = useMemo(() => {
    const map = new Map<string, AffectingConstraint[]>();
    for (const profile of profiles) {
      if (!shows(profile.organizationId)) continue;
      for (const constraint of readValues(profile.value.constraints)) {
        for (const objectiveId of constraint.affectedObjectiveIds) {
          const list = map.get(objectiveId) ?? [];
          list.push({ organizationId: profile.organizationId, constraint });
          map.set(objectiveId, list);
        }
      }
    }
    return map;
  }, [profiles, shows]);

  const visible = objectives.items.filter(
    (entry) =>
      !entry.ok ||
      shows(entry.value.ownerOrganizationIds) ||
      entry.value.actions.some((a) => a.ok && shows(a.value.ownerOrganizationId)),
  );
  const hidden = objectives.items.length - visible.length;

  return (
    <section className="section" aria-labelledby="objectives-title">
      <SectionHeader
        id="objectives-title"
        title={t("objectives.title")}
        subtitle={t("objectives.subtitle")}
        document={objectives}
      >
        {objectives.writable && !creating ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              clear();
              setCreating(true);
            }}
          >
            {t("objective.new")}
          </button>
        ) : null}
      </SectionHeader>

      {creating ? (
        <div className="card">
          <ObjectiveForm
            initial={null}
            label={t("objective.new")}
            submitLabel={t("objective.create")}
            error={error}
            onCancel={() => setCreating(false)}
            onSubmit={(values) => {
              if (run(() => objectives.write.add(values))) setCreating(false);
            }}
          />
        </div>
      ) : null}

      {objectives.items.length === 0 ? (
        objectives.loading ? (
          <PageStatus>{t("common.loading")}</PageStatus>
        ) : (
          <p className="empty">{t("objectives.empty")}</p>
        )
      ) : (
        <div className="objective-list" data-testid="objective-list">
          {visible.map((entry) =>
            entry.ok ? (
              <ObjectiveCard
                key={entry.value.id}
                objective={entry.value}
                constraints={constraintsByObjective.get(entry.value.id) ?? []}
                writable={objectives.writable}
                write={objectives.write}
              />
            ) : (
              <UnreadableEntry
                key={entry.id}
                problem={entry.problem}
                onDelete={
                  objectives.writable ? () => void objectives.write.remove(entry.id) : undefined
                }
              />
            ),
          )}
        </div>
      )}
      {hidden > 0 ? (
        <p className="lens-note" data-testid="lens-hidden">
          {t("lens.hiddenObjectives", { count: hidden })}
        </p>
      ) : null}
    </section>
  );
}
