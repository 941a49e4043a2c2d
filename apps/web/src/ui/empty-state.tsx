import type { ReactNode } from "react";
import "./empty-state.css";

/** The step that fills an empty list: a button that opens its form. */
export interface EmptyStateAction {
  label: string;
  onClick: () => void;
}

/**
 * What an empty list or a waiting screen shows: what it will hold (`title`), what happens
 * next or who can fill it (`text`), and the next step, as a button (`action`) or anything
 * else (`children`, e.g. a link). Every empty list of the app goes through it, so they all
 * lead somewhere in the same way.
 */
export function EmptyState({
  title,
  text,
  action,
  children,
  testId = "empty-state",
}: {
  title: ReactNode;
  text?: ReactNode;
  action?: EmptyStateAction | null | undefined;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <div className="empty empty-state" data-testid={testId}>
      <p className="empty-state__title">{title}</p>
      {text ? <p className="empty-state__text">{text}</p> : null}
      {action || children ? (
        <div className="empty-state__actions">
          {action ? (
            <button
              type="button"
              className="button button--small button--primary"
              onClick={action.onClick}
            >
              {action.label}
            </button>
          ) : null}
          {children}
        </div>
      ) : null}
    </div>
  );
}
