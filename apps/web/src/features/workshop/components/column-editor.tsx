import type { WorkshopColumnView } from "@entente/protocol";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { errorMessage } from "../../../ui/error-message";
import { WriteError } from "../../../ui/item-tools";
import { useActionError } from "../../../ui/use-action-error";

interface Draft {
  /** Absent for a column not saved yet. */
  id?: string;
  title: string;
  key: number;
}

const MAX_COLUMNS = 12;

/**
 * The facilitator's columns: rename, add, remove, reorder, then save them all at once. A
 * board still as it opened (`suggest`: its default column, nothing on it) opens the editor
 * with suggested columns after the ones it has, which keep their ids (and so their notes).
 */
export function ColumnEditor({
  columns,
  suggest,
  onSave,
}: {
  columns: readonly WorkshopColumnView[];
  suggest: boolean;
  onSave: (columns: { id?: string; title: string }[]) => Promise<void>;
}) {
  const t = useT();
  const draftsFrom = (list: readonly WorkshopColumnView[]): Draft[] => {
    const kept: Omit<Draft, "key">[] = list.map((c) => ({ id: c.id, title: c.title }));
    const suggested = suggest
      ? [
          t("workshop.columns.default1"),
          t("workshop.columns.default2"),
          t("workshop.columns.default3"),
        ]
          .filter((title) => !list.some((c) => c.title === title))
          .map((title) => ({ title }))
      : [];
    return [...kept, ...suggested].map((draft, key) => ({ ...draft, key }));
  };
  const [open, setOpen] = useState(suggest);
  const [drafts, setDrafts] = useState<Draft[]>(() => draftsFrom(columns));
  const [nextKey, setNextKey] = useState(() => draftsFrom(columns).length);
  const { error, guard } = useActionError();

  const start = () => {
    const initial = draftsFrom(columns);
    setDrafts(initial);
    setNextKey(initial.length);
    setOpen(true);
  };

  if (!open) {
    return (
      <button type="button" className="button button--small" onClick={start}>
        {t("workshop.columns.edit")}
      </button>
    );
  }

  const update = (key: number, title: string) =>
    setDrafts((list) => list.map((d) => (d.key === key ? { ...d, title } : d)));
  const remove = (key: number) => setDrafts((list) => list.filter((d) => d.key !== key));
  const move = (index: number, by: -1 | 1) =>
    setDrafts((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const list = drafts
      .map((d) => ({ ...(d.id ? { id: d.id } : {}), title: d.title.trim() }))
      .filter((d) => d.title !== "");
    if (list.length === 0) return;
    guard(async () => {
      await onSave(list);
      setOpen(false);
    });
  };

  return (
    <form
      className="column-editor"
      aria-label={t("workshop.columns.title")}
      onSubmit={submit}
      data-testid="column-editor"
    >
      <h3 className="workshop-panel__title">{t("workshop.columns.title")}</h3>
      <ol className="column-editor__list">
        {drafts.map((draft, index) => (
          <li key={draft.key} className="column-editor__row">
            <input
              className="field__input"
              aria-label={t("workshop.columns.name", { n: index + 1 })}
              value={draft.title}
              maxLength={80}
              onChange={(e) => update(draft.key, e.target.value)}
              required
            />
            <button
              type="button"
              className="button button--small button--ghost"
              aria-label={t("workshop.columns.up", { n: index + 1 })}
              disabled={index === 0}
              onClick={() => move(index, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="button button--small button--ghost"
              aria-label={t("workshop.columns.down", { n: index + 1 })}
              disabled={index === drafts.length - 1}
              onClick={() => move(index, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="button button--small button--danger-ghost"
              aria-label={t("workshop.columns.remove", { n: index + 1 })}
              disabled={drafts.length === 1}
              onClick={() => remove(draft.key)}
            >
              {t("common.delete")}
            </button>
          </li>
        ))}
      </ol>
      <div className="column-editor__buttons">
        <button
          type="button"
          className="button button--small"
          disabled={drafts.length >= MAX_COLUMNS}
          onClick={() => {
            setDrafts((list) => [...list, { title: "", key: nextKey }]);
            setNextKey((k) => k + 1);
          }}
        >
          {t("workshop.columns.add")}
        </button>
        <span className="column-editor__end">
          {columns.length > 0 ? (
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => setOpen(false)}
            >
              {t("common.cancel")}
            </button>
          ) : null}
          <button type="submit" className="button button--small button--primary">
            {t("workshop.columns.save")}
          </button>
        </span>
      </div>
      <WriteError error={error ? errorMessage(t, error) : null} />
    </form>
  );
}
