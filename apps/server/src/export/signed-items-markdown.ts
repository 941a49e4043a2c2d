import type { JSONContent } from "@entente/editor";
import type { DeletedSignedItemView } from "@entente/protocol";
import { inlineText, proseMirrorToMarkdown } from "./markdown.js";

/**
 * Signed agenda items deleted since, as the export shows them: each with what was signed
 * (the snapshot stored at sign-off) and "signed by Northwind, then deleted by Lucas
 * Bernard, Southpeak" (the deleter from the server's session and seat).
 */
export function deletedSignedItemsMarkdown(
  items: readonly DeletedSignedItemView[],
  org: (organizationId: string) => string,
  instant: (iso: string) => string,
): string[] {
  if (items.length === 0) return [];
  const out = ["### Signed, then deleted"];
  for (const item of items) {
    // The text of the latest sign-off; any other that signed another text says so.
    const latest = [...item.signOffs]
      .filter((s) => s.signed !== null)
      .sort((a, b) => b.signedAt.localeCompare(a.signedAt))[0];
    const signed = latest?.signed ?? null;
    const title = signed ? inlineText(signed.title) || "(untitled)" : "(signed before snapshots)";
    const meeting = signed
      ? ` (${inlineText(signed.meetingTitle) || "(untitled)"}, ${instant(signed.meetingStartsAt)})`
      : "";
    out.push(`#### ${title}${meeting}`);
    const by = item.signOffs.map((s) => org(s.organizationId)).join(" and ");
    const deleter = item.deletedBy;
    out.push(
      `Signed by ${by}, then deleted by ${inlineText(deleter.name) || "an unknown user"}, ` +
        `${org(deleter.organizationId)} on ${instant(item.deletedAt)}.`,
    );
    out.push(
      item.signOffs
        .map(
          (s) =>
            `- Signed off for ${org(s.organizationId)} by ${inlineText(s.signedBy.name)} on ` +
            `${instant(s.signedAt)}${sameContent(s.signed, signed) ? "" : " (another text)"}`,
        )
        .join("\n"),
    );
    if (signed) {
      out.push(`Owner: ${org(signed.ownerOrganizationId)}.`);
      out.push(
        proseMirrorToMarkdown(signed.notes as JSONContent, { headingOffset: 4 }) || "_No notes._",
      );
    }
  }
  return out;
}

function sameContent(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
