import {
  AGENDA_ITEM_PARAM,
  ITEM_PARAM,
  ORGANIZATION_PARAM,
  PASSAGE_PARAM,
} from "@entente/protocol";

/**
 * What a link into a partnership page points at, read from its query (the search results'
 * `url`s, docs/API.md): a passage of the charter or the private notes (`?passage=<n>`, the
 * n-th text block), an item of a list (`?item=<id>`), an agenda item of a meeting
 * (`?agendaItem=<id>`), an organization's profile (`?organization=<id>`). The most precise
 * one wins when several are given.
 */
export type LinkedTarget =
  | { kind: "passage"; index: number }
  | { kind: "item"; id: string }
  | { kind: "agenda-item"; id: string }
  | { kind: "organization"; id: string };

export function linkedTarget(search: string): LinkedTarget | null {
  const params = new URLSearchParams(search);
  const value = (name: string) => {
    const found = params.get(name);
    return found === null || found === "" ? null : found;
  };
  const passage = value(PASSAGE_PARAM);
  if (passage !== null && /^\d{1,6}$/.test(passage)) {
    return { kind: "passage", index: Number(passage) };
  }
  const item = value(ITEM_PARAM);
  if (item !== null) return { kind: "item", id: item };
  const agendaItem = value(AGENDA_ITEM_PARAM);
  if (agendaItem !== null) return { kind: "agenda-item", id: agendaItem };
  const organization = value(ORGANIZATION_PARAM);
  if (organization !== null) return { kind: "organization", id: organization };
  return null;
}

/** The text blocks of the editor's schema (StarterKit), in the order the server counts passages. */
const TEXT_BLOCKS = "p, h1, h2, h3, h4, h5, h6, pre";

/**
 * The element of the page the target names, once it is there: a passage only once the live
 * text has it (an empty block is a document still loading; the server never links to one).
 */
export function findLinkedElement(root: ParentNode, target: LinkedTarget): HTMLElement | null {
  switch (target.kind) {
    case "passage": {
      const blocks = root.querySelectorAll<HTMLElement>(`.ProseMirror :is(${TEXT_BLOCKS})`);
      const block = blocks[target.index];
      return block && (block.textContent ?? "").trim() !== "" ? block : null;
    }
    case "item": {
      const id = CSS.escape(target.id);
      const button = root.querySelector<HTMLElement>(
        `[data-testid="item-comments"][data-item-id="${id}"]`,
      );
      if (button) return button.closest<HTMLElement>("tr, li, .card") ?? button;
      // Ambitions have no comments (so no dialog): their entry itself.
      return root.querySelector<HTMLElement>(`[data-ambition-id="${id}"]`);
    }
    case "agenda-item":
      return root.querySelector<HTMLElement>(
        `[data-testid="agenda-item"][data-item-id="${CSS.escape(target.id)}"]`,
      );
    case "organization":
      return root.querySelector<HTMLElement>(
        `[data-testid="profile-column"][data-organization-id="${CSS.escape(target.id)}"]`,
      );
  }
}
