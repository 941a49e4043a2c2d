import type { DocumentRef } from "@entente/domain";
import { charterSchema, readRichTextFragment, type JSONContent } from "@entente/editor";
import {
  AGENDA_ITEM_PARAM,
  agendaNotesFragment,
  ITEM_PARAM,
  ORGANIZATION_PARAM,
  PASSAGE_PARAM,
  type SearchKind,
} from "@entente/protocol";
import {
  privateNotesFragment,
  privateNotesPlainText,
  readDecisions,
  readIssues,
  readObjectives,
  readProfile,
  readValues,
} from "@entente/schema";
import type * as Y from "yjs";
import { partnershipPath, query, type IndexedEntry } from "./search-entries.js";

/** What a meeting's notes need from SQL: its title and its agenda items' titles. */
export interface MeetingTitles {
  title: string;
  agendaItems: { id: string; title: string }[];
}

/** One text block of a rich-text document, with the heading it sits under. */
interface Passage {
  text: string;
  heading: string;
}

/**
 * The text blocks (paragraphs, headings, code blocks) of rich text in document order, the
 * way the editor counts them: the n-th is the web app's `?passage=n`.
 */
function passages(content: JSONContent): Passage[] {
  const found: Passage[] = [];
  let heading = "";
  charterSchema.nodeFromJSON(content).descendants((node) => {
    if (!node.isTextblock) return true;
    if (node.type.name === "heading") heading = node.textContent;
    found.push({ text: node.textContent, heading });
    return false;
  });
  return found;
}

function plainPassages(fragment: Y.XmlFragment, fallback: () => string): Passage[] {
  try {
    return passages(readRichTextFragment(fragment));
  } catch {
    // Content the editor's schema refuses (a hostile writer's): still searchable, unplaced.
    return fallback()
      .split("\n")
      .map((text) => ({ text, heading: "" }));
  }
}

function passageEntries(
  kind: SearchKind,
  documentName: string,
  found: Passage[],
  path: string,
  scope: { partnershipId: string; organizationId: string | null; visibleTo: string | null },
): IndexedEntry[] {
  const entries: IndexedEntry[] = [];
  found.forEach((passage, index) => {
    if (passage.text.trim() === "") return;
    entries.push({
      key: `${documentName}#${index}`,
      kind,
      partnershipId: scope.partnershipId,
      documentName,
      organizationId: scope.organizationId,
      visibleToOrganizationId: scope.visibleTo,
      title: passage.heading,
      body: passage.text,
      url: `${path}${query({ [PASSAGE_PARAM]: String(index) })}`,
    });
  });
  return entries;
}

/**
 * Everything search can find in one document, read with the schema's own readers (broken
 * entries are skipped). `meeting` is needed for a meeting's notes only; without it (the
 * meeting is gone) its notes give nothing.
 */
export function documentEntries(
  ref: DocumentRef,
  documentName: string,
  doc: Y.Doc,
  meeting: MeetingTitles | null,
): IndexedEntry[] {
  const { partnershipId } = ref;
  const base = partnershipPath(partnershipId);
  const item = (
    kind: SearchKind,
    id: string,
    section: string,
    fields: { title: string; body: string; organizationId: string | null },
    extra: Record<string, string> = {},
  ): IndexedEntry => ({
    key: `${documentName}#${kind}:${id}`,
    kind,
    partnershipId,
    documentName,
    organizationId: fields.organizationId,
    visibleToOrganizationId: null,
    title: fields.title,
    body: fields.body,
    url: `${base}/${section}${query({ ...extra, [ITEM_PARAM]: id })}`,
  });

  switch (ref.kind) {
    case "charter":
      return passageEntries(
        "charter",
        documentName,
        plainPassages(doc.getXmlFragment("default"), () => ""),
        `${base}/charter`,
        { partnershipId, organizationId: null, visibleTo: null },
      );
    case "private":
      return passageEntries(
        "private-note",
        documentName,
        plainPassages(privateNotesFragment(doc), () => privateNotesPlainText(doc)),
        `${base}/private`,
        { partnershipId, organizationId: ref.organizationId, visibleTo: ref.organizationId },
      );
    case "objectives":
      return readValues(readObjectives(doc)).flatMap((objective) => [
        item("objective", objective.id, "objectives", {
          title: objective.title,
          body: objective.description,
          organizationId: objective.ownerOrganizationIds[0] ?? objective.organizationId,
        }),
        ...readValues(objective.actions).map((action) =>
          item("action", action.id, "objectives", {
            title: action.title,
            body: objective.title,
            organizationId: action.ownerOrganizationId,
          }),
        ),
        ...readValues(objective.kpis).map((kpi) =>
          item("kpi", kpi.id, "objectives", {
            title: kpi.name,
            body: `${kpi.unit} · ${objective.title}`,
            organizationId: objective.ownerOrganizationIds[0] ?? kpi.organizationId,
          }),
        ),
      ]);
    case "issues":
      return readValues(readIssues(doc)).map((issue) =>
        item("issue", issue.id, "issues", {
          title: issue.title,
          body: issue.description,
          organizationId: issue.ownerOrganizationId,
        }),
      );
    case "decisions":
      return readValues(readDecisions(doc)).map((decision) =>
        item("decision", decision.id, "decisions", {
          title: decision.title,
          body: decision.context,
          organizationId: decision.organizationId,
        }),
      );
    case "profile": {
      const profile = readProfile(doc);
      const organization = { [ORGANIZATION_PARAM]: ref.organizationId };
      const owned = (text: string) => ({
        title: firstWords(text),
        body: text,
        organizationId: ref.organizationId,
      });
      return [
        ...readValues(profile.contributions).map((c) =>
          item("contribution", c.id, "organizations", owned(c.description), organization),
        ),
        ...readValues(profile.constraints).map((c) =>
          item("constraint", c.id, "organizations", owned(c.description), organization),
        ),
        ...readValues(profile.ambitions).map((a) =>
          item("ambition", a.id, "organizations", owned(a.statement), organization),
        ),
      ];
    }
    case "meeting": {
      if (!meeting) return [];
      const path = `${base}/meetings/${encodeURIComponent(ref.meetingId)}`;
      return meeting.agendaItems.flatMap((agendaItem) => {
        const body = plainPassages(doc.getXmlFragment(agendaNotesFragment(agendaItem.id)), () => "")
          .map((p) => p.text)
          .join("\n");
        if (body.trim() === "") return [];
        return [
          {
            key: `${documentName}#agenda:${agendaItem.id}`,
            kind: "meeting-notes" as const,
            partnershipId,
            documentName,
            organizationId: null,
            visibleToOrganizationId: null,
            title: `${meeting.title} · ${agendaItem.title}`,
            body,
            url: `${path}${query({ [AGENDA_ITEM_PARAM]: agendaItem.id })}`,
          },
        ];
      });
    }
  }
}

/** A title for entries that have only a text (contributions, constraints, ambitions). */
export function firstWords(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(" ", max);
  return `${flat.slice(0, cut > max / 2 ? cut : max)}…`;
}
