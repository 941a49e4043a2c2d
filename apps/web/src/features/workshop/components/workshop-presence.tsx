import type { WorkshopView } from "@entente/protocol";
import { useT } from "../../../i18n";
import type { WorkshopPerson } from "../state/presence";
import { initials } from "./note-bits";

/** Where a person looks, in words: a column or cluster by its title, a note by its text. */
function whereLabel(
  t: ReturnType<typeof useT>,
  person: WorkshopPerson,
  workshop: WorkshopView,
): string {
  const view = person.view;
  if (!view) return t("workshop.presence.elsewhere");
  if (view.area === "agenda") return t("workshop.presence.agenda");
  if (view.area === "results") return t("workshop.presence.results");
  const id = view.focusId;
  const column = workshop.columns.find((c) => c.id === id);
  if (column) return t("workshop.presence.column", { title: column.title });
  const group = workshop.groups.find((g) => g.id === id);
  if (group) return t("workshop.presence.cluster", { title: group.title });
  const note = workshop.notes.find((n) => n.id === id);
  if (note) return t("workshop.presence.note", { name: note.author.name });
  return t("workshop.presence.board");
}

/**
 * Who is in the workshop, from which organization, and where they look; and the
 * "follow the facilitator" switch.
 */
export function WorkshopPresence({
  people,
  workshop,
  follow,
  onFollowChange,
  showFollow,
}: {
  people: readonly WorkshopPerson[];
  workshop: WorkshopView;
  follow: boolean;
  onFollowChange: (follow: boolean) => void;
  /** Only those who are not the facilitator follow. */
  showFollow: boolean;
}) {
  const t = useT();
  return (
    <section className="presence workshop-presence" aria-labelledby="workshop-presence-title">
      <h2 id="workshop-presence-title" className="presence__title">
        {t("workshop.presence.title", { count: people.length })}
      </h2>
      {showFollow ? (
        <label className="choice workshop-presence__follow">
          <input
            type="checkbox"
            checked={follow}
            onChange={(e) => onFollowChange(e.target.checked)}
            data-testid="follow-facilitator"
          />
          {t("workshop.presence.follow")}
        </label>
      ) : null}
      <ul className="presence__list" data-testid="workshop-people">
        {people.map((person) => (
          <li
            key={person.clientId}
            className="presence__person"
            data-testid="workshop-person"
            data-user-id={person.user.id}
            data-self={person.isSelf ? "true" : undefined}
          >
            <span
              className={
                person.user.id === workshop.facilitatorId ? "avatar avatar--facilitator" : "avatar"
              }
              style={{ backgroundColor: person.user.color }}
              aria-hidden="true"
            >
              {initials(person.user.name)}
            </span>
            <span className="presence__who">
              <span className="presence__name">
                {person.user.name}
                {person.isSelf ? (
                  <span className="presence__you"> ({t("presence.you")})</span>
                ) : null}
                {person.user.id === workshop.facilitatorId ? (
                  <span className="badge workshop-presence__role">
                    {t("workshop.presence.facilitator")}
                  </span>
                ) : null}
              </span>
              <span className="presence__org">{person.user.organizationName}</span>
              <span className="presence__org workshop-presence__where" data-testid="person-where">
                {whereLabel(t, person, workshop)}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
