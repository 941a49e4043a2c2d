import { POST_TAGS, type PostTag, type PostView } from "@entente/protocol";
import { useId, useState, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { useMutation } from "@tanstack/react-query";
import { FormError, TextField } from "../../../ui/form";
import type { PostInput } from "../api/feed-api";
import { bodyOf, useRichTextEditor, RichTextEditor } from "../../rich-text";

/**
 * Writes a new post, or edits one (`post`): a title, one of the four tags, and a rich body
 * with @mentions of the partnership's members and organizations.
 */
export function PostComposer({
  post,
  onSubmit,
  onCancel,
}: {
  post?: PostView;
  onSubmit: (input: PostInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const t = useT();
  const headingId = useId();
  const [title, setTitle] = useState(post?.title ?? "");
  const [tag, setTag] = useState<PostTag>(post?.tag ?? "information");
  const { editor, menu } = useRichTextEditor({
    initial: post?.body ?? null,
    label: t("feed.field.body"),
    testId: post ? "post-edit-body" : "post-body",
  });
  const {
    mutate: run,
    isPending: pending,
    error,
  } = useMutation({
    mutationFn: async () => {
      await onSubmit({ title: title.trim(), tag, body: bodyOf(editor) });
      if (!post) {
        setTitle("");
        setTag("information");
        editor.commands.clearContent(true);
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run();
  };
  const formName = post ? t("feed.editPost", { title: post.title }) : t("feed.compose.title");

  return (
    <form
      className={post ? "post-composer post-composer--edit" : "card post-composer"}
      aria-label={formName}
      data-testid={post ? "post-edit-form" : "post-composer"}
      onSubmit={submit}
    >
      {post ? null : (
        <h3 id={headingId} className="post-composer__title">
          {t("feed.compose.title")}
        </h3>
      )}
      <TextField
        label={t("feed.field.title")}
        value={title}
        maxLength={200}
        required
        onChange={(event) => setTitle(event.target.value)}
      />
      <fieldset className="fieldset">
        <legend className="field__label">{t("feed.field.tag")}</legend>
        <div className="tag-picker">
          {POST_TAGS.map((option) => (
            <label key={option} className={`tag-picker__option feed-tag--${option}`}>
              <input
                type="radio"
                name={`${headingId}-tag`}
                value={option}
                checked={tag === option}
                onChange={() => setTag(option)}
              />
              {t(`feed.tag.${option}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <span className="field__label">{t("feed.field.body")}</span>
        <RichTextEditor editor={editor} menu={menu} />
        <p className="field__hint">{t("feed.field.bodyHint")}</p>
      </div>
      <FormError error={error} />
      <div className="post-composer__buttons">
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        ) : null}
        <button
          type="submit"
          className="button button--primary"
          disabled={pending || title.trim() === ""}
          aria-busy={pending}
        >
          {post ? t("common.save") : pending ? t("feed.compose.posting") : t("feed.compose.submit")}
        </button>
      </div>
    </form>
  );
}
