import type { DigestContent, Language } from "@entente/protocol";
import { escapeHtml } from "../mail/compose.js";

interface Words {
  title: (c: DigestContent) => string;
  wins: string;
  difficulties: string;
  decisionsWaiting: (organization: string) => string;
  overdueActions: string;
  kpiMoves: string;
  openHealthChecks: string;
  nothing: string;
  due: string;
  objective: string;
  target: string;
  baseline: string;
  unassigned: string;
  replyByMail: string;
}

const WORDS: Record<Language, Words> = {
  en: {
    title: (c) =>
      `${c.period.kind === "week" ? "Weekly" : "Daily"} digest for ${c.organization.name}`,
    wins: "Wins",
    difficulties: "Difficulties",
    decisionsWaiting: (organization) => `Decisions waiting on ${organization}`,
    overdueActions: "Overdue actions",
    kpiMoves: "KPI moves",
    openHealthChecks: "Health checks waiting for your anonymous answer",
    nothing: "Nothing in this period",
    due: "due",
    objective: "objective",
    target: "target",
    baseline: "no earlier value",
    unassigned: "unassigned",
    replyByMail: "reply by e-mail",
  },
  fr: {
    title: (c) =>
      `Résumé ${c.period.kind === "week" ? "hebdomadaire" : "quotidien"} pour ${c.organization.name}`,
    wins: "Succès",
    difficulties: "Difficultés",
    decisionsWaiting: (organization) => `Décisions en attente de ${organization}`,
    overdueActions: "Actions en retard",
    kpiMoves: "Évolution des indicateurs",
    openHealthChecks: "Bilans de santé qui attendent votre réponse anonyme",
    nothing: "Rien sur la période",
    due: "échéance",
    objective: "objectif",
    target: "cible",
    baseline: "pas de valeur antérieure",
    unassigned: "non assignée",
    replyByMail: "répondre par e-mail",
  },
};

/** One section of a digest: its heading and its lines (none: the "nothing" line is shown). */
export interface DigestSection {
  heading: string;
  lines: string[];
  /** Beside a post's line, the address that answers it by e-mail (same index as `lines`). */
  replyAddresses?: (string | undefined)[];
}

/** Reply addresses of the digest's posts for its reader, by post id (reply by e-mail). */
export type DigestReplyAddresses = ReadonlyMap<string, string>;

const day = (iso: string) => iso.slice(0, 10);

/** The sections of a digest, in the order the e-mail shows them. */
export function digestSections(
  content: DigestContent,
  language: Language,
  replyAddresses: DigestReplyAddresses = new Map(),
): DigestSection[] {
  const w = WORDS[language];
  const posts = (heading: string, list: DigestContent["wins"]): DigestSection => ({
    heading,
    lines: list.map(post),
    replyAddresses: list.map((p) => replyAddresses.get(p.id)),
  });
  const post = (p: DigestContent["wins"][number]) =>
    `${p.title} (${p.organizationName}, ${p.authorName}, ${day(p.createdAt)})`;
  const health = content.openHealthChecks ?? [];
  return [
    posts(w.wins, content.wins),
    posts(w.difficulties, content.difficulties),
    {
      heading: w.decisionsWaiting(content.organization.name),
      lines: content.decisionsWaiting.map((d) => `${d.title} (${d.governanceLevel})`),
    },
    {
      heading: w.overdueActions,
      lines: content.overdueActions.map(
        (a) =>
          `${a.title} (${w.due} ${a.dueDate}, ${a.ownerOrganizationName}, ${a.assigneeName ?? w.unassigned}; ${w.objective}: ${a.objectiveTitle})`,
      ),
    },
    {
      heading: w.kpiMoves,
      lines: content.kpiMoves.map(
        (k) =>
          `${k.name}: ${k.from === null ? w.baseline : k.from} → ${k.to} ${k.unit} (${w.target} ${k.target}, ${k.measuredOn})`,
      ),
    },
    // Only when a cycle is open: most digests have none to mention.
    ...(health.length === 0
      ? []
      : [
          {
            heading: w.openHealthChecks,
            lines: health.map((h) => `${h.title} (${day(h.openedAt)})`),
          },
        ]),
  ];
}

/**
 * The digest e-mail: subject, plain text and HTML, in `language`. Pure: the same content
 * always reads the same, which is what the digest's tests hold it to.
 */
export function renderDigest(
  content: DigestContent,
  language: Language,
  replyAddresses?: DigestReplyAddresses,
): { subject: string; text: string; html: string } {
  const w = WORDS[language];
  const title = w.title(content);
  const range = `${day(content.period.from)} – ${day(content.period.to)}`;
  const sections = digestSections(content, language, replyAddresses);
  const textLine = (s: DigestSection, line: string, index: number) => {
    const address = s.replyAddresses?.[index];
    return address ? `- ${line}\n  ${w.replyByMail}: ${address}` : `- ${line}`;
  };
  const text = [
    `${content.partnership.name} · ${title}`,
    range,
    ...sections.map((s) =>
      [
        "",
        `${s.heading} (${s.lines.length})`,
        ...(s.lines.length === 0
          ? [`- ${w.nothing}`]
          : s.lines.map((l, index) => textLine(s, l, index))),
      ].join("\n"),
    ),
  ].join("\n");
  const htmlLine = (s: DigestSection, line: string, index: number) => {
    const address = s.replyAddresses?.[index];
    const reply = address
      ? ` · <a href="mailto:${escapeHtml(address)}">${escapeHtml(w.replyByMail)}</a>`
      : "";
    return `<li>${escapeHtml(line)}${reply}</li>`;
  };
  const list = (s: DigestSection) =>
    s.lines.length === 0
      ? `<p><em>${escapeHtml(w.nothing)}</em></p>`
      : `<ul>${s.lines.map((l, index) => htmlLine(s, l, index)).join("")}</ul>`;
  const html =
    `<!doctype html><html><body><h1>${escapeHtml(`${content.partnership.name} · ${title}`)}</h1>` +
    `<p>${escapeHtml(range)}</p>` +
    sections
      .map((s) => `<h2>${escapeHtml(`${s.heading} (${s.lines.length})`)}</h2>${list(s)}`)
      .join("") +
    `</body></html>`;
  return { subject: `[${content.partnership.name}] ${title}`, text: `${text}\n`, html };
}
