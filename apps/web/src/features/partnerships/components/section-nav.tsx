import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Link } from "@tanstack/react-router";
import { useT } from "../../../i18n";
import { MeetingsTabBadge } from "../../meetings";
import { usePartnershipContext } from "../state/partnership-context";
import { SECTIONS, sectionPath, type Section } from "../state/sections";

/**
 * The sections of a partnership: a row of tabs on wide screens; below the breakpoint of
 * `.section-nav` (CSS), the same links behind a disclosure button that names the current
 * section. One set of links either way, so a link has one test id and one place in the
 * tab order.
 */
export function SectionNav({
  current,
  search,
}: {
  current: Section | undefined;
  /** The query the links carry (the lens). */
  search: Record<string, string>;
}) {
  const t = useT();
  const { partnershipId, landing } = usePartnershipContext();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const links = () => Array.from(root.current?.querySelectorAll<HTMLElement>(".tab") ?? []);

  const focusLink = (index: number) => {
    const all = links();
    all.at(index % all.length)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!open) return;
    if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
      return;
    }
    // Arrows move through the open list as well as Tab does.
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at <= 0 ? all.length - 1 : at - 1,
      Home: 0,
      End: all.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusLink(next);
  };

  return (
    <nav
      ref={root}
      className="section-nav"
      aria-label={t("sections.label")}
      data-open={open ? "true" : "false"}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (open && !root.current?.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="section-nav__toggle button"
        aria-expanded={open}
        aria-controls={listId}
        data-testid="section-menu-button"
        onClick={() => setOpen((value) => !value)}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path
            fill="currentColor"
            d="M2 3.75A.75.75 0 0 1 2.75 3h10.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 3.75Zm0 4.25a.75.75 0 0 1 .75-.75h10.5a.75.75 0 0 1 0 1.5H2.75A.75.75 0 0 1 2 8Zm.75 3.5a.75.75 0 0 0 0 1.5h10.5a.75.75 0 0 0 0-1.5H2.75Z"
          />
        </svg>
        <span className="visually-hidden">{t("sections.menu")} </span>
        <span className="section-nav__current">
          {current ? t(`sections.${current}`) : t("sections.label")}
        </span>
      </button>
      <ul id={listId} className="section-nav__list">
        {SECTIONS.map((section) => (
          <li key={section} className="section-nav__item">
            <Link
              to={sectionPath(partnershipId, section, landing)}
              search={search}
              className="tab"
              // The router marks a link whose path starts the current one as the page too
              // (the root's section would be current everywhere): only an exact match.
              activeOptions={{ exact: true }}
              aria-current={section === current ? "page" : undefined}
              data-testid={`tab-${section}`}
              // A section chosen from the open menu: the menu has done its job.
              onClick={() => setOpen(false)}
            >
              {t(`sections.${section}`)}
              {section === "meetings" ? <MeetingsTabBadge partnershipId={partnershipId} /> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
