import {
  REACTION_NAMES,
  type PostTag,
  type ReactionName,
  type ReactionView,
  type SeenByView,
} from "@entente/protocol";
import { useState } from "react";
import { useT } from "../../../i18n";
import { ConfirmButton } from "../../../ui/confirm-button";
import { OrganizationChip } from "../../partnerships";

/** The server sends names; the glyphs are drawn here. */
const GLYPHS: Record<ReactionName, string> = {
  thumbs_up: "👍",
  heart: "❤️",
  tada: "🎉",
  pray: "🙏",
  eyes: "👀",
  thinking: "🤔",
};

export function TagBadge({ tag }: { tag: PostTag }) {
  const t = useT();
  return (
    <span className={`feed-tag feed-tag--${tag}`} data-testid="post-tag">
      {t(`feed.tag.${tag}`)}
    </span>
  );
}

/** The reactions in use, mine pressed; editors and admins add, change or remove theirs. */
export function ReactionBar({
  reactions,
  userId,
  canReact,
  onReact,
}: {
  reactions: ReactionView[];
  userId: string;
  canReact: boolean;
  /** The reaction to set, or `null` to remove mine. */
  onReact: (reaction: ReactionName | null) => void;
}) {
  const t = useT();
  const [picking, setPicking] = useState(false);
  const mine = reactions.find((r) => r.userIds.includes(userId))?.name ?? null;
  const toggle = (name: ReactionName) => {
    setPicking(false);
    onReact(mine === name ? null : name);
  };

  return (
    <div className="reactions" data-testid="reactions">
      {reactions.map((reaction) => (
        <button
          key={reaction.name}
          type="button"
          className="reaction"
          aria-pressed={reaction.name === mine}
          aria-label={t("feed.reaction.count", {
            reaction: t(`feed.reaction.${reaction.name}`),
            count: reaction.count,
          })}
          disabled={!canReact}
          onClick={() => toggle(reaction.name)}
        >
          <span aria-hidden="true">{GLYPHS[reaction.name]}</span>
          <span className="reaction__count">{reaction.count}</span>
        </button>
      ))}
      {canReact ? (
        <span className="reactions__add">
          <button
            type="button"
            className="reaction reaction--add"
            aria-expanded={picking}
            aria-label={t("feed.reaction.add")}
            title={t("feed.reaction.add")}
            onClick={() => setPicking((open) => !open)}
          >
            <span aria-hidden="true">☺+</span>
          </button>
          {picking ? (
            <span className="reactions__palette" role="group" aria-label={t("feed.reaction.add")}>
              {REACTION_NAMES.map((name) => (
                <button
                  key={name}
                  type="button"
                  className="reaction reaction--choice"
                  aria-pressed={name === mine}
                  aria-label={t(`feed.reaction.${name}`)}
                  title={t(`feed.reaction.${name}`)}
                  onClick={() => toggle(name)}
                >
                  <span aria-hidden="true">{GLYPHS[name]}</span>
                </button>
              ))}
            </span>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}

/** Which organizations, and which of their members, have read a post. */
export function SeenBy({ seenBy }: { seenBy: SeenByView }) {
  const t = useT();
  if (seenBy.organizations.length === 0) {
    return (
      <p className="seen-by seen-by--none" data-testid="seen-by">
        {t("feed.seenBy.nobody")}
      </p>
    );
  }
  return (
    <div className="seen-by" data-testid="seen-by">
      <span className="seen-by__label">{t("feed.seenBy")}</span>
      <ul className="seen-by__list">
        {seenBy.organizations.map((organization) => (
          <li
            key={organization.id}
            className="seen-by__organization"
            data-testid="seen-by-organization"
          >
            <OrganizationChip organizationId={organization.id} />
            <span className="seen-by__names">
              {organization.members.map((m) => m.name).join(", ")}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Edit and Delete (with a confirmation) for the author of a post or reply. */
export function AuthorTools({
  deleteName,
  onEdit,
  onDelete,
}: {
  /** What is deleted, for the confirmation ("the post “Pilot”"). */
  deleteName: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const t = useT();
  return (
    <span className="item-tools">
      <button type="button" className="button button--small button--ghost" onClick={onEdit}>
        {t("common.edit")}
      </button>
      <ConfirmButton
        label={t("common.delete")}
        name={deleteName}
        confirmLabel={t("common.confirmDelete")}
        cancelLabel={t("common.cancel")}
        onConfirm={onDelete}
      />
    </span>
  );
}
