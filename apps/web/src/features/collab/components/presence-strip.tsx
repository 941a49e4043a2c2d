import type { Awareness } from "y-protocols/awareness";
import { useT } from "../../../i18n";
import { usePresence } from "../hooks/use-presence";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")
  ).toUpperCase();
}

/** A compact row of avatars: who else has this document open right now. */
export function PresenceStrip({ awareness }: { awareness: Awareness | null }) {
  const t = useT();
  const others = usePresence(awareness).filter((p) => !p.isSelf);
  if (others.length === 0) return null;
  const names = others.map((p) => `${p.user.name} (${p.user.organizationName})`).join(", ");
  return (
    <span
      className="presence-strip"
      data-testid="presence-strip"
      title={t("presence.here", { names })}
    >
      {others.map(({ clientId, user }) => (
        <span
          key={clientId}
          className="avatar avatar--small"
          style={{ backgroundColor: user.color }}
          aria-hidden="true"
        >
          {initials(user.name)}
        </span>
      ))}
      <span className="visually-hidden">{t("presence.here", { names })}</span>
    </span>
  );
}
