import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useT } from "../../../i18n";
import { useLocation, useNavigate } from "@tanstack/react-router";
import { errorMessage } from "../../../ui/error-message";
import { useMe } from "../../auth";
import { requestOpenNotifications } from "../../notifications";
import { MIN_QUERY_LENGTH, useSearchResults, type SearchState } from "../hooks/use-search-results";
import {
  buildCommands,
  filterCommands,
  type PaletteCommand,
  type PaletteScope,
} from "../state/palette-commands";
import { activeIndexOf, isNavigationKey, moveActive } from "../state/palette-navigation";
import {
  flattenOptions,
  groupOptions,
  type PaletteGroup,
  type PaletteOption,
} from "../state/palette-options";
import { kindLabel } from "../state/search-kinds";
import { SearchResultOption } from "./search-result-option";

/** How the palette closed: the owner gives the focus back only when nothing was opened. */
export type PaletteClose = "cancel" | "chosen";

/**
 * The search box and command palette (WAI-ARIA combobox with a listbox popup in a modal
 * dialog): typing filters the pages and actions and, past two characters, asks the server's
 * search; arrow keys move through both, Enter opens the active one, Escape closes.
 */
export function CommandPalette({ onClose }: { onClose: (how: PaletteClose) => void }) {
  const t = useT();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const listbox = useRef<HTMLDivElement>(null);
  const closedAs = useRef<PaletteClose>("cancel");
  const baseId = useId();
  const titleId = `${baseId}-title`;
  const listboxId = `${baseId}-listbox`;
  const hintId = `${baseId}-hint`;
  const [query, setQuery] = useState("");
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const scope = useMemo<PaletteScope | null>(() => {
    const [first, id] = location.pathname.split("/").filter(Boolean);
    if (first !== "p" || id === undefined) return null;
    let partnershipId: string;
    try {
      partnershipId = decodeURIComponent(id);
    } catch {
      return null;
    }
    const seat = me.partnerships.find((p) => p.id === partnershipId);
    return seat ? { partnershipId, permission: seat.permission } : null;
  }, [location.pathname, me.partnerships]);

  const commands = useMemo(
    () => buildCommands(t, scope, me.partnerships),
    [t, scope, me.partnerships],
  );
  const search = useSearchResults(query, scope?.partnershipId ?? null, attempt);
  const results = search.status === "ready" || search.status === "loading" ? search.results : [];
  const groups = useMemo(
    () => groupOptions(results, filterCommands(commands, query)),
    [results, commands, query],
  );
  const options = useMemo(() => flattenOptions(groups), [groups]);
  const active = activeIndexOf(
    options.map((option) => option.key),
    activeKey,
  );
  const optionId = (index: number) => `${baseId}-option-${index}`;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    input.current?.focus();
    return () => element?.close();
  }, []);

  useEffect(() => {
    if (active < 0) return;
    listbox.current
      ?.querySelector(`#${CSS.escape(optionId(active))}`)
      ?.scrollIntoView({ block: "nearest" });
    // `optionId` derives from `baseId`, stable for the palette's life.
  });

  const close = (how: PaletteClose) => {
    closedAs.current = how;
    dialog.current?.close();
  };

  const choose = (option: PaletteOption) => {
    if (option.type === "result") {
      close("chosen");
      void navigate({ href: option.result.url });
      return;
    }
    runCommand(option.command);
  };

  const runCommand = (command: PaletteCommand) => {
    close("chosen");
    if (command.path) void navigate({ href: command.path });
    if (command.effect === "open-notifications") requestOpenNotifications();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (isNavigationKey(event.key)) {
      // Home/End move the caret in the text unless there is a list to move through.
      if (options.length === 0) return;
      event.preventDefault();
      const next = options[moveActive(active, options.length, event.key)];
      if (next) setActiveKey(next.key);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const option = options[active];
      if (option) choose(option);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="palette"
      aria-labelledby={titleId}
      aria-modal="true"
      data-testid="command-palette"
      onClose={() => onClose(closedAs.current)}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (event.target === dialog.current) close("cancel");
      }}
    >
      <div className="palette__box">
        <h2 id={titleId} className="visually-hidden">
          {t("palette.title")}
        </h2>
        <div className="palette__search">
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path
              fill="currentColor"
              d="M7 1.5a5.5 5.5 0 0 1 4.38 8.82l3.15 3.15a.75.75 0 1 1-1.06 1.06l-3.15-3.15A5.5 5.5 0 1 1 7 1.5Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z"
            />
          </svg>
          <input
            ref={input}
            className="palette__input"
            type="text"
            role="combobox"
            aria-label={t("palette.input")}
            aria-expanded={options.length > 0}
            aria-controls={listboxId}
            aria-autocomplete="list"
            aria-activedescendant={active >= 0 ? optionId(active) : undefined}
            aria-describedby={hintId}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            placeholder={t("palette.placeholder")}
            value={query}
            data-testid="palette-input"
            onChange={(event) => {
              setQuery(event.target.value);
              setActiveKey(null);
            }}
            onKeyDown={onKeyDown}
          />
          <button
            type="button"
            className="button button--small button--ghost palette__close"
            onClick={() => close("cancel")}
          >
            {t("palette.close")}
          </button>
        </div>
        <SearchStatus
          search={search}
          query={query}
          inPartnership={scope !== null}
          nothingListed={options.length === 0}
          onRetry={() => setAttempt((n) => n + 1)}
        />
        <div
          ref={listbox}
          id={listboxId}
          role="listbox"
          aria-label={t("palette.title")}
          className="palette__list"
          data-testid="palette-listbox"
        >
          {renderGroups(groups, {
            baseId,
            active,
            optionId,
            onHover: (option) => setActiveKey(option.key),
            onChoose: choose,
            groupLabel: (group) =>
              group.label.type === "result"
                ? t(kindLabel(group.label.kind))
                : t(`palette.group.${group.label.group}`),
            commandLabel: (command) => command.label,
          })}
        </div>
        <p id={hintId} className="palette__hint">
          {t("palette.keys")}
        </p>
      </div>
    </dialog>
  );
}

function renderGroups(
  groups: readonly PaletteGroup[],
  view: {
    baseId: string;
    active: number;
    optionId: (index: number) => string;
    onHover: (option: PaletteOption) => void;
    onChoose: (option: PaletteOption) => void;
    groupLabel: (group: PaletteGroup) => string;
    commandLabel: (command: PaletteCommand) => string;
  },
) {
  let index = 0;
  return groups.map((group) => {
    const headingId = `${view.baseId}-${group.id}`;
    return (
      <div key={group.id} role="group" aria-labelledby={headingId} className="palette__group">
        <div id={headingId} role="presentation" className="palette__group-title">
          {view.groupLabel(group)}
        </div>
        {group.options.map((option) => {
          const position = index++;
          const selected = position === view.active;
          return (
            <div
              key={option.key}
              id={view.optionId(position)}
              role="option"
              aria-selected={selected}
              className={selected ? "palette__option palette__option--active" : "palette__option"}
              data-testid={option.type === "result" ? "palette-result" : "palette-command"}
              data-kind={option.type === "result" ? option.result.kind : option.command.group}
              // The input keeps the focus: a click must not move it to the option first.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => {
                if (!selected) view.onHover(option);
              }}
              onClick={() => view.onChoose(option)}
            >
              {option.type === "result" ? (
                <SearchResultOption result={option.result} />
              ) : (
                <span className="palette__command">{view.commandLabel(option.command)}</span>
              )}
            </div>
          );
        })}
      </div>
    );
  });
}

/** What the search is doing, said so a screen reader hears it too, with what to do next. */
function SearchStatus({
  search,
  query,
  inPartnership,
  nothingListed,
  onRetry,
}: {
  search: SearchState;
  query: string;
  inPartnership: boolean;
  nothingListed: boolean;
  onRetry: () => void;
}) {
  const t = useT();
  const q = query.trim();
  let message: string | null = null;
  let retry = false;
  if (q.length > 0 && q.length < MIN_QUERY_LENGTH) {
    message = t("palette.typeMore");
  } else if (search.status === "loading" && search.results.length === 0) {
    message = t("palette.searching");
  } else if (search.status === "error") {
    message = t("palette.error", { reason: errorMessage(t, search.error) });
    retry = true;
  } else if (search.status === "ready" && search.results.length === 0) {
    message = t(inPartnership ? "palette.noResults" : "palette.noResultsAnywhere", { query: q });
  } else if (nothingListed) {
    message = t("palette.nothing");
  }
  return (
    <div
      className="palette__status"
      role="status"
      data-testid="palette-status"
      data-state={search.status}
    >
      {message ? <p>{message}</p> : null}
      {retry ? (
        <button type="button" className="button button--small" onClick={onRetry}>
          {t("common.retry")}
        </button>
      ) : null}
    </div>
  );
}
