import type { AuthorView } from "@entente/protocol";
import type { ReactNode } from "react";
import { OrganizationChip } from "../../partnerships";
import { EditedMark, WrittenTime } from "../../../ui/written-time";

/** Who wrote it, for which organization (in its colour), when, and whether it was edited. */
export function AuthorLine({
  author,
  createdAt,
  editedAt,
  children,
}: {
  author: AuthorView;
  createdAt: string;
  editedAt: string | null;
  /** More badges (the post's tag). */
  children?: ReactNode;
}) {
  return (
    <div className="author-line">
      <span className="author-line__name" data-testid="author">
        {author.name}
      </span>
      <OrganizationChip organizationId={author.organizationId} />
      {children}
      <WrittenTime iso={createdAt} />
      <EditedMark editedAt={editedAt} />
    </div>
  );
}
