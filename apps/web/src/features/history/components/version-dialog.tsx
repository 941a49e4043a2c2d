import type { DocumentVersionView, VersionSegment } from "@entente/protocol";
import { useEffect, useId, useRef } from "react";
import { useT } from "../../../i18n";
import { usePartnershipDirectory } from "../../partnerships";
import type { VersionView } from "../hooks/use-version-history";
import { useVersionTitle } from "./version-title";

/**
 * One version read-only, or two compared, in a modal dialog. Additions are underlined and
 * removals struck through, coloured by the organization whose member made them and labelled
 * with its name, so the colour is never the only cue.
 */
export function VersionDialog({ view, onClose }: { view: VersionView; onClose: () => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const title = useVersionTitle();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="history-dialog"
      aria-labelledby={headingId}
      data-testid={view.kind === "version" ? "version-dialog" : "compare-dialog"}
      onClose={onClose}
    >
      <header className="history-dialog__header">
        <h2 id={headingId} className="history-dialog__title">
          {view.kind === "version"
            ? title(view.data.version)
            : t("history.compare.title", {
                from: title(view.data.from),
                to: view.data.to ? title(view.data.to) : t("history.compare.now"),
              })}
        </h2>
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => dialog.current?.close()}
        >
          {t("history.close")}
        </button>
      </header>
      {view.kind === "version" ? (
        <pre className="history-dialog__markdown" data-testid="version-markdown">
          {view.data.markdown.trim() === "" ? t("history.empty") : view.data.markdown}
        </pre>
      ) : (
        <Comparison blocks={view.data.blocks} from={view.data.from} />
      )}
    </dialog>
  );
}

function Comparison({
  blocks,
  from,
}: {
  blocks: { type: string; segments: VersionSegment[] }[];
  from: DocumentVersionView;
}) {
  const t = useT();
  const { organization } = usePartnershipDirectory();
  const changed = blocks.some((block) => block.segments.some((s) => s.change !== "same"));
  const involved = [
    ...new Set(
      blocks.flatMap((block) =>
        block.segments.flatMap((s) =>
          s.change !== "same" && s.organizationId ? [s.organizationId] : [],
        ),
      ),
    ),
  ];

  const segment = (s: VersionSegment, index: number) => {
    if (s.change === "same") return <span key={index}>{s.text}</span>;
    const found = s.organizationId ? organization(s.organizationId) : null;
    const who = found?.name ?? t("history.compare.severalOrganizations");
    const label = t(
      s.change === "added" ? "history.compare.addedBy" : "history.compare.removedBy",
      {
        organization: who,
      },
    );
    const style = found ? { color: found.color, backgroundColor: `${found.color}14` } : {};
    const Tag = s.change === "added" ? "ins" : "del";
    return (
      <Tag
        key={index}
        className={`history-change history-change--${s.change}`}
        data-testid={`change-${s.change}`}
        data-organization-id={s.organizationId ?? ""}
        style={style}
        title={label}
      >
        {s.text}
        <span className="history-change__who">[{label}]</span>
      </Tag>
    );
  };

  return (
    <div className="history-compare" data-testid="version-compare" data-from={from.number}>
      {involved.length > 0 ? (
        <p className="history-compare__legend">
          {involved.map((id) => {
            const found = organization(id);
            return (
              <span key={id} className="history-compare__key" style={{ color: found?.color }}>
                ■ {found?.name ?? t("organization.unknown")}
              </span>
            );
          })}
        </p>
      ) : null}
      {changed ? null : <p className="muted">{t("history.compare.noChange")}</p>}
      {blocks.map((block, index) => (
        <p key={index} className={`history-compare__block history-compare__block--${block.type}`}>
          {block.segments.map(segment)}
        </p>
      ))}
    </div>
  );
}
