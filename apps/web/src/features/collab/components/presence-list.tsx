import type { Awareness } from "y-protocols/awareness";
import { useT } from "../../../i18n";
import { usePresence } from "../hooks/use-presence";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")
  ).toUpperCase();
}

/** Who is in the document right now, with their organization and its colour. */
export function PresenceList({ awareness }: { awareness: Awareness | null }) {
  const t = useT();
  const people = usePresence(awareness);
  const alone = people.every((p) => p.isSelf);

  return (
    <section className="presence" aria-labelledby="presence-title">
      <h2 id="presence-title" className="presence__title">
        {t("presence.title")}
      </h2>
      <ul className="presence__list" data-testid="presence-list">
        {people.map(({ clientId, user, isSelf }) => (
          <li
            key={clientId}
            className="presence__person"
            data-testid="presence-person"
            data-self={isSelf ? "true" : undefined}
          >
            <span className="avatar" style={{ backgroundColor: user.color }} aria-hidden="true">
              {initials(user.name)}
            </span>
            <span className="presence__who">
              <span className="presence__name">
                {user.name}
                {isSelf ? <span className="presence__you"> ({t("presence.you")})</span> : null}
              </span>
              <span className="presence__org">{user.organizationName}</span>
            </span>
          </li>
        ))}
      </ul>
      {alone ? <p className="presence__alone">{t("presence.alone")}</p> : null}
    </section>
  );
}
