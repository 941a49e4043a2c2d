import { Suspense, type ComponentProps } from "react";
import { lazyComponent } from "../../../lib/lazy-component";

const CommentComposerChunk = lazyComponent(() =>
  import("./comment-composer").then((module) => module.CommentComposer),
);

/**
 * The comment composer, loaded when someone starts to write: its editor (Tiptap with
 * mentions and their floating menu) stays out of the pages that only show comments.
 */
export function LazyCommentComposer(props: ComponentProps<typeof CommentComposerChunk>) {
  return (
    <Suspense fallback={null}>
      <CommentComposerChunk {...props} />
    </Suspense>
  );
}
