import type { NoteConversionView } from "@entente/protocol";
import { memo } from "react";
import { useT } from "../../../i18n";
import { Link } from "../../../lib/router";
import { usePartnershipContext } from "../../partnerships/state/partnership-context";
import { sectionPath } from "../../partnerships/state/sections";
import type { WorkshopPerson } from "../state/presence";

export const NOTE_DRAG_TYPE = "application/x-entente-workshop-note";

/** What a user may do on the board; one object per page, so notes can be memoized. */
export interface BoardPermissions {
  userId: string;
  /** Editors and admins write; viewers read the board only. */
  canAct: boolean;
  isFacilitator: boolean;
}

/** One's own dots on a note or a cluster, with "+" and "−" while the vote is open. */
export function DotControls({
  label,
  mine,
  canAdd,
  disabled,
  onDot,
}: {
  /** What the dots are on, for the buttons' accessible names. */
  label: string;
  mine: number;
  canAdd: boolean;
  disabled: boolean;
  onDot: (delta: 1 | -1) => void;
}) {
  const t = useT();
  return (
    <span className="dots" data-testid="my-dots" data-count={mine}>
      <button
        type="button"
        className="dots__button"
        aria-label={t("workshop.vote.remove", { label })}
        disabled={disabled || mine === 0}
        onClick={() => onDot(-1)}
      >
        −
      </button>
      <span className="dots__marks" aria-hidden="true">
        {mine > 0 ? "●".repeat(Math.min(mine, 10)) : "○"}
      </span>
      <span className="visually-hidden">{t("workshop.vote.mine", { count: mine })}</span>
      <button
        type="button"
        className="dots__button"
        aria-label={t("workshop.vote.add", { label })}
        disabled={disabled || !canAdd}
        onClick={() => onDot(1)}
      >
        +
      </button>
    </span>
  );
}

const CONVERSION_SECTION = {
  action: "objectives",
  issue: "issues",
  decision: "decisions",
} as const;

/** "Action created" (or issue, or decision), linking to where the item now lives. */
export function ConversionLink({ conversion }: { conversion: NoteConversionView }) {
  const t = useT();
  const { partnershipId } = usePartnershipContext();
  return (
    <Link
      className="conversion-link"
      data-testid="conversion-link"
      data-kind={conversion.kind}
      to={sectionPath(partnershipId, CONVERSION_SECTION[conversion.kind])}
      title={t("workshop.convert.by", { name: conversion.convertedBy.name })}
    >
      {t(`workshop.converted.${conversion.kind}`)}
    </Link>
  );
}

/** Up to two letters of a name, for avatars. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")
  ).toUpperCase();
}

/** Who else is looking at this note or column: small avatars in their organization's colour. */
export const Lookers = memo(function Lookers({ people }: { people: readonly WorkshopPerson[] }) {
  const t = useT();
  if (people.length === 0) return null;
  const names = people.map((p) => p.user.name).join(", ");
  return (
    <span
      className="lookers"
      data-testid="lookers"
      title={t("workshop.presence.looking", { names })}
    >
      {people.slice(0, 5).map((p) => (
        <span
          key={p.clientId}
          className={
            p.facilitating ? "avatar avatar--tiny avatar--facilitator" : "avatar avatar--tiny"
          }
          style={{ backgroundColor: p.user.color }}
          aria-hidden="true"
        >
          {initials(p.user.name)}
        </span>
      ))}
      {people.length > 5 ? <span className="lookers__more">+{people.length - 5}</span> : null}
      <span className="visually-hidden">{t("workshop.presence.looking", { names })}</span>
    </span>
  );
});
