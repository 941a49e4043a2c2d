import { ITEM_PARAM, type CommentItemKind } from "@entente/protocol";
import { Suspense, useState } from "react";
import { useT } from "../../../i18n";
import { useLocation, useNavigate } from "@tanstack/react-router";
import { useComments } from "../state/comments-context";
import { isAbout, openCommentCount } from "../state/comments-state";
import "../comments.css";
import { lazyComponent } from "../../../lib/lazy-component";

// The dialog brings the rich-text editor: loaded when a dialog opens, not with every list.
const ItemCommentsDialog = lazyComponent(() =>
  import("./item-comments-dialog").then((module) => module.default),
);

/**
 * The comment button of an item (objective, action, KPI, issue, decision, contribution,
 * constraint) with the number of comments in its open threads; it opens the item's threads,
 * by itself when the URL names one of them (`?thread=<id>`: a notification's link) or names
 * the item (`?item=<id>`: a search result's link; closing it drops the parameter).
 */
export function ItemComments({
  kind,
  id,
  title,
}: {
  kind: CommentItemKind;
  id: string;
  /** The item's name, for the button's accessible name and the panel's heading. */
  title: string;
}) {
  const t = useT();
  const store = useComments();
  const [opened, setOpened] = useState(false);
  const count = openCommentCount(store.state, { kind, id });
  const { linked, clearLinked } = store;
  const linkedHere = linked !== null && isAbout(linked.target, { kind, id }) ? linked : null;
  const location = useLocation();
  const navigate = useNavigate();
  const itemLinked = new URLSearchParams(location.searchStr).get(ITEM_PARAM) === id;
  const open = opened || linkedHere !== null || itemLinked;
  const close = () => {
    setOpened(false);
    if (linkedHere) clearLinked();
    if (itemLinked) {
      const params = new URLSearchParams(location.searchStr);
      params.delete(ITEM_PARAM);
      const query = params.toString();
      void navigate({
        href: `${location.pathname}${query === "" ? "" : `?${query}`}`,
        replace: true,
        resetScroll: false,
      });
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button--small button--ghost item-comments-button"
        data-testid="item-comments"
        data-item-kind={kind}
        data-item-id={id}
        data-count={count}
        aria-haspopup="dialog"
        aria-label={t("comments.item.button", { title, count })}
        title={t("comments.item.button", { title, count })}
        onClick={() => setOpened(true)}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path
            fill="currentColor"
            d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3 3v-3h-.5A1.5 1.5 0 0 1 2 9.5v-6Z"
          />
        </svg>
        <span className="item-comments-button__count" data-testid="item-comments-count">
          {count}
        </span>
      </button>
      {open ? (
        <Suspense fallback={null}>
          <ItemCommentsDialog
            subject={{ kind, id }}
            title={title}
            linkedThread={linkedHere}
            onClose={close}
          />
        </Suspense>
      ) : null}
    </>
  );
}
