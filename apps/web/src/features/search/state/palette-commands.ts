import { canWrite, type Permission } from "@entente/domain";
import type { Translate } from "../../../i18n";
import { CREATE_PARAM, SECTIONS, type Section } from "../../partnerships";
import { foldText } from "./fold";

/**
 * What the palette can do without a search: go to a page, or start something new. A command
 * is a label and where it leads (`path`), or an effect the palette's owner runs (`effect`).
 */
export interface PaletteCommand {
  id: string;
  group: "pages" | "actions";
  label: string;
  path?: string;
  effect?: PaletteEffect;
}

/** Effects that are not a page of their own. */
export type PaletteEffect = "open-notifications";

/** The partnership the user is on, as the palette needs it: which one, and what they may do. */
export interface PaletteScope {
  partnershipId: string;
  permission: Permission;
}

/** Sections that have a "new" form the palette can open, with the label of that action. */
const CREATABLE = [
  { section: "objectives", label: "palette.action.newObjective" },
  { section: "issues", label: "palette.action.newIssue" },
  { section: "decisions", label: "palette.action.newDecision" },
  { section: "meetings", label: "palette.action.newMeeting" },
  { section: "updates", label: "palette.action.newPost" },
] as const satisfies readonly { section: Section; label: string }[];

function partnershipPath(partnershipId: string, section: Section): string {
  // The explicit section address, not the landing root: "Charter" must open the charter
  // even for a member whose landing page is the dashboard.
  return `/p/${encodeURIComponent(partnershipId)}/${section}`;
}

/**
 * The commands for where the user is: the sections of the current partnership, the other
 * partnerships, settings and notifications, and, for members who may write here, the
 * "new …" actions. A viewer is never offered an action the server would refuse.
 */
export function buildCommands(
  t: Translate,
  scope: PaletteScope | null,
  partnerships: readonly { id: string; name: string }[],
): PaletteCommand[] {
  const commands: PaletteCommand[] = [];
  if (scope) {
    for (const section of SECTIONS) {
      commands.push({
        id: `section:${section}`,
        group: "pages",
        label: t("palette.goTo", { page: t(`sections.${section}`) }),
        path: partnershipPath(scope.partnershipId, section),
      });
    }
  }
  commands.push({ id: "home", group: "pages", label: t("palette.goHome"), path: "/" });
  for (const partnership of partnerships) {
    if (partnership.id === scope?.partnershipId) continue;
    commands.push({
      id: `partnership:${partnership.id}`,
      group: "pages",
      label: t("palette.goTo", { page: partnership.name }),
      path: `/p/${encodeURIComponent(partnership.id)}`,
    });
  }
  commands.push(
    {
      id: "notifications",
      group: "pages",
      label: t("palette.openNotifications"),
      effect: "open-notifications",
    },
    {
      id: "settings",
      group: "pages",
      label: t("palette.goTo", { page: t("header.settings") }),
      path: "/settings/notifications",
    },
  );
  if (scope && canWrite(scope.permission)) {
    for (const { section, label } of CREATABLE) {
      commands.push({
        id: `new:${section}`,
        group: "actions",
        label: t(label),
        path: `${partnershipPath(scope.partnershipId, section)}?${CREATE_PARAM}=1`,
      });
    }
  }
  return commands;
}

/**
 * The commands whose label holds every word of the query, in any order, accents and case
 * aside; an empty query keeps them all. Actions come first when the query names one ("new").
 */
export function filterCommands(
  commands: readonly PaletteCommand[],
  query: string,
): PaletteCommand[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  return commands.filter((command) => {
    const label = foldText(command.label);
    return words.every((word) => label.includes(word));
  });
}
