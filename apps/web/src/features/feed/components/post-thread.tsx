import type { ReplyView, RichTextDoc } from "@entente/protocol";
import { useEditorState } from "@tiptap/react";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { useMutation } from "@tanstack/react-query";
import { FormButtons } from "../../../ui/form-buttons";
import { useActionError } from "../../../ui/use-action-error";
import type { Feed } from "../hooks/use-feed";
import {
  bodyHasContent,
  bodyOf,
  useRichTextEditor,
  RichTextEditor,
  RichTextView,
} from "../../rich-text";
import { AuthorLine } from "./author-line";
import { AuthorTools, ReactionBar } from "./feed-bits";
import { FormError } from "../../../ui/form";

interface ThreadProps {
  postId: string;
  /** `undefined` while the thread is loading. */
  replies: ReplyView[] | undefined;
  /** The post was deleted: its thread is kept, but nobody replies any more. */
  closed: boolean;
  userId: string;
  canWrite: boolean;
  actions: Feed["actions"];
}

/** The replies of a post, oldest first, and the box to reply. */
export function PostThread({ postId, replies, closed, userId, canWrite, actions }: ThreadProps) {
  const t = useT();
  return (
    <div className="thread" data-testid="thread">
      {replies === undefined ? (
        <p className="muted">{t("common.loading")}</p>
      ) : replies.length === 0 ? (
        <p className="thread__empty muted">{t("feed.thread.empty")}</p>
      ) : (
        <ol className="thread__list">
          {replies.map((reply) => (
            <ReplyItem
              key={reply.id}
              reply={reply}
              userId={userId}
              canWrite={canWrite}
              actions={actions}
            />
          ))}
        </ol>
      )}
      {canWrite && !closed ? (
        <ReplyComposer onSubmit={(body) => actions.reply(postId, body)} />
      ) : null}
    </div>
  );
}

function ReplyItem({
  reply,
  userId,
  canWrite,
  actions,
}: {
  reply: ReplyView;
  userId: string;
  canWrite: boolean;
  actions: Feed["actions"];
}) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const { error: actionError, guard } = useActionError();
  const mine = reply.author.id === userId;
  const deleted = reply.deletedAt !== null || reply.body === null;

  return (
    <li className="reply" data-testid="reply" data-reply-id={reply.id}>
      <AuthorLine author={reply.author} createdAt={reply.createdAt} editedAt={reply.editedAt} />
      {deleted ? (
        <p className="feed-deleted">{t("feed.reply.deleted")}</p>
      ) : editing && reply.body ? (
        <ReplyComposer
          initial={reply.body}
          onSubmit={async (body) => {
            await actions.editReply(reply.id, body);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : reply.body ? (
        <RichTextView body={reply.body} />
      ) : null}
      {deleted || editing ? null : (
        <div className="feed-item__footer">
          <ReactionBar
            reactions={reply.reactions}
            userId={userId}
            canReact={canWrite}
            onReact={(reaction) => guard(() => actions.react(reply.postId, reply.id, reaction))}
          />
          {mine && canWrite ? (
            <AuthorTools
              deleteName={t("feed.reply.delete")}
              onEdit={() => setEditing(true)}
              onDelete={() => guard(() => actions.removeReply(reply.postId, reply.id))}
            />
          ) : null}
        </div>
      )}
      <FormError error={actionError} />
    </li>
  );
}

function ReplyComposer({
  initial,
  onSubmit,
  onCancel,
}: {
  initial?: RichTextDoc;
  onSubmit: (body: RichTextDoc) => Promise<void>;
  onCancel?: () => void;
}) {
  const t = useT();
  const { editor, menu } = useRichTextEditor({
    initial: initial ?? null,
    label: initial ? t("feed.reply.editLabel") : t("feed.reply.label"),
    testId: initial ? "reply-edit-body" : "reply-body",
  });
  const hasContent = useEditorState({ editor, selector: ({ editor: e }) => bodyHasContent(e) });
  const {
    mutate: run,
    isPending: pending,
    error,
  } = useMutation({
    mutationFn: async () => {
      await onSubmit(bodyOf(editor));
      if (!initial) editor.commands.clearContent(true);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run();
  };

  return (
    <form
      className="reply-composer"
      aria-label={initial ? t("feed.reply.editLabel") : t("feed.reply.label")}
      onSubmit={submit}
    >
      <RichTextEditor editor={editor} menu={menu} toolbar={false} />
      <FormError error={error} />
      <FormButtons
        className="post-composer__buttons"
        submitLabel={initial ? t("common.save") : t("feed.reply.submit")}
        pending={pending}
        disabled={!hasContent}
        onCancel={onCancel}
      />
    </form>
  );
}
