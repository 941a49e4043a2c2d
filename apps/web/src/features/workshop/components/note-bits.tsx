import type { NoteConversionView } from "@entente/protocol";
import { memo, useState, type DragEvent, type ReactNode } from "react";
import { useT } from "../../../i18n";
import { Link } from "@tanstack/react-router";
import { usePartnershipContext, sectionPath } from "../../partnerships";
import type { WorkshopActions } from "../hooks/use-workshop";
import type { WorkshopPerson } from "../state/presence";
import { ConvertForm } from "./convert-form";

export const NOTE_DRAG_TYPE = "application/x-entente-workshop-note";

/**
 * Makes a column or a cluster a drop target for dragged notes while `canDrop`: `dropping`
 * while a note hovers it, and `onDropNote` with the note's id once one is dropped. Spread
 * `dropProps` on the element.
 */
export function useNoteDrop(canDrop: boolean, onDropNote: (noteId: string) => void) {
  const [dropping, setDropping] = useState(false);
  const dropProps = {
    onDragOver: (event: DragEvent) => {
      if (!canDrop || !event.dataTransfer.types.includes(NOTE_DRAG_TYPE)) return;
      event.preventDefault();
      setDropping(true);
    },
    onDragLeave: () => setDropping(false),
    onDrop: (event: DragEvent) => {
      setDropping(false);
      const noteId = event.dataTransfer.getData(NOTE_DRAG_TYPE);
      if (!noteId) return;
      event.preventDefault();
      onDropNote(noteId);
    },
  };
  return { dropping, dropProps };
}

/** What a user may do on the board; one object per page, so notes can be memoized. */
export interface BoardPermissions {
  userId: string;
  /** Editors and admins write; viewers read the board only. */
  canAct: boolean;
  isFacilitator: boolean;
}

/** What the board gives a note and a cluster alike. */
export interface BoardItemProps {
  perms: BoardPermissions;
  /** The caller's dots on it; `null` when no vote is open for them. */
  myDots: number | null;
  canAddDot: boolean;
  dotsDisabled: boolean;
  /** Its votes once the vote closed; `null` otherwise. */
  resultVotes: number | null;
  lookers: readonly WorkshopPerson[];
  onDot: (targetId: string, delta: 1 | -1) => void;
  actions: WorkshopActions;
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

/**
 * The foot of a note or a cluster: the caller's dots while a vote is open for them, its votes
 * once the vote closed, the item it was turned into, then `tools` (for members).
 */
export function NoteFoot({
  targetId,
  label,
  myDots,
  canAddDot,
  dotsDisabled,
  onDot,
  resultVotes,
  votesTestId,
  conversion,
  tools,
}: Pick<BoardItemProps, "myDots" | "canAddDot" | "dotsDisabled" | "resultVotes" | "onDot"> & {
  /** The note's or the cluster's id, which the dots go on. */
  targetId: string;
  /** What the dots are on, for the buttons' accessible names. */
  label: string;
  votesTestId: string;
  conversion: NoteConversionView | null;
  /** Its buttons and choices; `null` shows none. */
  tools: ReactNode;
}) {
  const t = useT();
  return (
    <footer className="sticky-note__foot">
      {myDots !== null ? (
        <DotControls
          label={label}
          mine={myDots}
          canAdd={canAddDot}
          disabled={dotsDisabled}
          onDot={(delta) => onDot(targetId, delta)}
        />
      ) : null}
      {resultVotes !== null ? (
        <span className="vote-count" data-testid={votesTestId}>
          {t("workshop.vote.count", { count: resultVotes })}
        </span>
      ) : null}
      {conversion ? <ConversionLink conversion={conversion} /> : null}
      {tools !== null ? <span className="sticky-note__tools">{tools}</span> : null}
    </footer>
  );
}

/** Opens "Turn into…" for a note or a cluster. */
export function ConvertButton({ source, onOpen }: { source: string; onOpen: () => void }) {
  const t = useT();
  return (
    <button
      type="button"
      className="button button--small"
      aria-label={t("workshop.convert.open", { source })}
      onClick={onOpen}
    >
      {t("workshop.convert.button")}
    </button>
  );
}

/** "Turn into…" for a note or a cluster; closes once the item is made. */
export function NoteConvertForm({
  target,
  source,
  defaultTitle,
  actions,
  onClose,
}: {
  target: { kind: "note" | "group"; id: string };
  /** The note's text or the cluster's title, for the form's name. */
  source: string;
  defaultTitle: string;
  actions: WorkshopActions;
  onClose: () => void;
}) {
  return (
    <ConvertForm
      source={source}
      defaultTitle={defaultTitle}
      onCancel={onClose}
      onConvert={async (input) => {
        await actions.convert(target, input);
        onClose();
      }}
    />
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
