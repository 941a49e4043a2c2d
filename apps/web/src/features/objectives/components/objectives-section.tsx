import { readValues } from "@entente/schema";
import { useMemo } from "react";
import { useT } from "../../../i18n";
import { useProfiles } from "../../organizations";
import { ItemsSection, UnreadableEntry } from "../../items";
import { useLens } from "../../partnerships";
import { useObjectives } from "../hooks/use-objectives";
import { KpiTargetsProvider } from "../state/kpi-targets-context";
import { ObjectiveCard, type AffectingConstraint } from "./objective-card";
import { ObjectiveForm } from "./objective-form";

/** Objectives & KPIs (a lazy chunk): shared objectives, their actions and KPIs, and constraints. */
export default function ObjectivesSection() {
  const t = useT();
  const objectives = useObjectives();
  const profiles = useProfiles();
  const { shows } = useLens();

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
    <ItemsSection
      id="objectives-title"
      title={t("objectives.title")}
      subtitle={t("objectives.subtitle")}
      document={objectives}
      newLabel={t("objective.new")}
      createLabel={t("objective.create")}
      renderCreateForm={(form, save) => (
        <ObjectiveForm
          {...form}
          initial={null}
          onSubmit={(values) => save(() => objectives.write.add(values))}
        />
      )}
      emptyText={t("objectives.empty")}
      emptyHint={t("objectives.emptyHint")}
      footer={
        hidden > 0 ? (
          <p className="lens-note" data-testid="lens-hidden">
            {t("lens.hiddenObjectives", { count: hidden })}
          </p>
        ) : null
      }
    >
      <KpiTargetsProvider>
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
      </KpiTargetsProvider>
    </ItemsSection>
  );
}
