import type { JSONContent } from "@entente/editor";
import type {
  CharterStatus,
  DecisionVotesView,
  DeletedSignedItemView,
  DecisionVoteView,
  MeetingView,
  OrganizationView,
  PartnershipMemberView,
} from "@entente/protocol";
import type {
  Action,
  Decision,
  Issue,
  Kpi,
  Measurement,
  Objective,
  Profile,
  ReadResult,
  TargetChange,
} from "@entente/schema";
import { inlineText, plainTextToMarkdown, proseMirrorToMarkdown } from "./markdown.js";
import { deletedSignedItemsMarkdown } from "./signed-items-markdown.js";

/** Everything one caller may read of a partnership, already read out of its documents. */
export interface PartnershipExport {
  partnership: { name: string; createdAt: string };
  exportedAt: Date;
  exportedBy: { name: string; organizationId: string };
  organizations: OrganizationView[];
  members: PartnershipMemberView[];
  /** `null` when the charter document could not be read. */
  charter: JSONContent | null;
  charterStatus: CharterStatus;
  objectives: ReadResult<Objective>[];
  issues: ReadResult<Issue>[];
  decisions: ReadResult<Decision>[];
  votes: Record<string, DecisionVotesView>;
  profiles: { organizationId: string; profile: Profile }[];
  /** The caller's own organization's notes only; `content` null when unreadable. */
  privateNotes: { organizationId: string; content: JSONContent | null }[];
  /** Every meeting, oldest first, with each agenda item's notes (null when unreadable). */
  meetings: { meeting: MeetingView; notes: ReadonlyMap<string, JSONContent | null> }[];
  /** Signed agenda items deleted since, with what was signed. */
  deletedSignedItems: DeletedSignedItemView[];
  /** Titles deleted objectives had (server records), for references that outlived them. */
  deletedObjectiveTitles?: ReadonlyMap<string, string>;
}

const OUTCOME_LABEL = { pending: "pending", approved: "approved", rejected: "rejected" } as const;

/**
 * The partnership as one Markdown file. Pure: what goes in is exactly what the caller may
 * read (the route decides); malformed entries are listed as such, never dropped silently.
 */
export function renderPartnershipMarkdown(data: PartnershipExport): string {
  const names = new Map(data.members.map((m) => [m.id, m.name]));
  const organizations = new Map(data.organizations.map((o) => [o.id, o.name]));
  const who = (userId: string | null): string =>
    userId === null
      ? "nobody"
      : names.has(userId)
        ? inlineText(names.get(userId) ?? "")
        : `unknown user \`${userId}\``;
  const org = (organizationId: string): string =>
    organizations.has(organizationId)
      ? inlineText(organizations.get(organizationId) ?? "")
      : `unknown organization \`${organizationId}\``;
  /** Organization ids in partnership order (sets come sorted by id), unknown ones last. */
  const inOrder = (ids: readonly string[]): string[] => {
    const rank = (id: string) => {
      const index = data.organizations.findIndex((o) => o.id === id);
      return index === -1 ? data.organizations.length : index;
    };
    return [...ids].sort((a, b) => rank(a) - rank(b));
  };
  const objectiveTitles = new Map(
    data.objectives.flatMap((o) => (o.ok ? [[o.value.id, o.value.title] as const] : [])),
  );
  // A reference to a deleted objective shows its title as it was, marked as deleted.
  const objectiveRef = (id: string): string => {
    if (objectiveTitles.has(id)) return inlineText(objectiveTitles.get(id) ?? "");
    const was = data.deletedObjectiveTitles?.get(id);
    return was === undefined
      ? `a removed objective \`${id}\``
      : `${inlineText(was)} (deleted objective)`;
  };
  const stamp = (item: { createdBy: string; organizationId: string; createdAt: string }) =>
    `added by ${who(item.createdBy)} (${org(item.organizationId)}) on ${instant(item.createdAt)}`;

  const out: string[] = [];
  const own = org(data.exportedBy.organizationId);
  out.push(`# ${inlineText(data.partnership.name)}`);
  out.push(
    `Exported on ${instant(data.exportedAt.toISOString())} by ${inlineText(data.exportedBy.name)} ` +
      `(${own}). Partnership created on ${instant(data.partnership.createdAt)}. This copy holds ` +
      `what ${own} members may read: the shared documents, every organization's profile, and ` +
      `${own}'s private notes only.`,
  );

  out.push("## Organizations");
  out.push(data.organizations.map((o) => `- ${inlineText(o.name)}`).join("\n") || "_None._");

  out.push("## Members");
  out.push(
    [
      "| Name | Organization | Permission | Level |",
      "| --- | --- | --- | --- |",
      ...data.members.map(
        (m) =>
          `| ${inlineText(m.name)} | ${org(m.organizationId)} | ${m.permission} | ${m.level} |`,
      ),
    ].join("\n"),
  );

  out.push("## Charter");
  out.push(charterStatusMarkdown(data.charterStatus, data.organizations));
  if (data.charter === null) out.push("_The charter document could not be read._");
  else
    out.push(
      proseMirrorToMarkdown(data.charter, { headingOffset: 2 }) || "_The charter is empty._",
    );

  out.push("## Objectives");
  if (data.objectives.length === 0) out.push("_No objectives yet._");
  for (const entry of data.objectives) {
    if (!entry.ok) {
      out.push(`### Malformed objective \`${entry.id}\``, malformed(entry));
      continue;
    }
    const o = entry.value;
    out.push(`### ${inlineText(o.title) || "(untitled)"}`);
    out.push(
      fields([
        ["Status", o.status],
        ["Governance level", o.governanceLevel],
        ["Owners", inOrder(o.ownerOrganizationIds).map(org).join(", ") || "none"],
        ["Due", o.dueDate ?? "no due date"],
        ["Origin", stamp(o)],
      ]),
    );
    if (o.description.trim()) out.push(plainTextToMarkdown(o.description));
    out.push("#### Actions");
    out.push(list(o.actions, "No actions yet.", (a) => actionLine(a, who, org)));
    out.push("#### KPIs");
    if (o.kpis.length === 0) out.push("_No KPIs yet._");
    for (const kpi of o.kpis) {
      if (!kpi.ok) out.push(`##### Malformed KPI \`${kpi.id}\``, malformed(kpi));
      else out.push(...kpiMarkdown(kpi.value, who, org, stamp));
    }
  }

  out.push("## Issues");
  if (data.issues.length === 0) out.push("_No issues yet._");
  for (const entry of data.issues) {
    if (!entry.ok) {
      out.push(`### Malformed issue \`${entry.id}\``, malformed(entry));
      continue;
    }
    const i = entry.value;
    const linked = i.linkedObjectiveId === null ? "none" : objectiveRef(i.linkedObjectiveId);
    out.push(`### ${capitalize(i.kind)}: ${inlineText(i.title) || "(untitled)"}`);
    out.push(
      fields([
        ["Severity", i.severity],
        ["Status", i.status],
        ["Owner", org(i.ownerOrganizationId)],
        ["Assignee", i.assigneeUserId === null ? "nobody" : who(i.assigneeUserId)],
        ["Due", i.dueDate ?? "no due date"],
        ["Linked objective", linked],
        ["Escalated to", `${i.escalationLevel} level`],
        ["Raised by", who(i.raisedBy)],
        ["Origin", stamp(i)],
      ]),
    );
    if (i.description.trim()) out.push(plainTextToMarkdown(i.description));
  }

  out.push("## Decisions");
  out.push(
    "A decision takes effect only when every organization approved it; one rejection rejects " +
      "it. Outcomes and votes below are the server's record, not what the document says.",
  );
  if (data.decisions.length === 0) out.push("_No decisions yet._");
  // Decision ids are keys a client chose: never look them up on a plain object's prototype.
  const votesById = new Map(Object.entries(data.votes));
  const listed = new Set<string>();
  for (const entry of data.decisions) {
    const id = entry.ok ? entry.value.id : entry.id;
    listed.add(id);
    const votes = votesById.get(id);
    if (!entry.ok) {
      out.push(`### Malformed decision \`${entry.id}\``, malformed(entry));
      if (votes) out.push(votesMarkdown(votes, who, org));
      continue;
    }
    const d = entry.value;
    // Once decided, the text is the one decided (the server's record), whatever a copy says.
    const agreed = votes?.agreed;
    const text = {
      title: agreed?.title ?? d.title,
      context: agreed ? (agreed.context ?? "") : d.context,
      governanceLevel: agreed?.governanceLevel ?? d.governanceLevel,
      proposedBy: agreed?.proposedBy ?? d.proposedBy,
    };
    const titleOf = (id: string) => {
      const decided = votesById.get(id)?.agreed?.title;
      if (decided) return inlineText(decided);
      const found = data.decisions.find((e) => e.ok && e.value.id === id);
      return found?.ok ? inlineText(found.value.title) : `a removed decision \`${id}\``;
    };
    const newer = data.decisions.filter((e) => e.ok && e.value.supersedes === d.id).at(-1);
    out.push(`### ${inlineText(text.title) || "(untitled)"}`);
    out.push(
      fields([
        ["Outcome", OUTCOME_LABEL[votes?.outcome ?? "pending"]],
        ["Governance level", text.governanceLevel],
        ["Status in the document", d.status],
        ["Proposed by", who(text.proposedBy)],
        ["Origin", stamp(d)],
        ...(agreed ? ([["Text", "as decided by every organization"]] as [string, string][]) : []),
        ...(d.supersedes ? ([["Supersedes", titleOf(d.supersedes)]] as [string, string][]) : []),
        ...(newer?.ok ? ([["Superseded by", titleOf(newer.value.id)]] as [string, string][]) : []),
      ]),
    );
    if (text.context.trim()) out.push(plainTextToMarkdown(text.context));
    out.push(votes ? votesMarkdown(votes, who, org) : "_No votes yet._");
  }
  const orphans = [...votesById].filter(([id]) => !listed.has(id));
  if (orphans.length > 0) {
    out.push("### Votes on decisions no longer in the document");
    for (const [id, votes] of orphans) {
      const decided = votes.agreed?.title ? ` “${inlineText(votes.agreed.title)}”` : "";
      out.push(
        `Decision \`${id}\`${decided}: ${OUTCOME_LABEL[votes.outcome]}.`,
        votesMarkdown(votes, who, org),
      );
    }
  }

  for (const { organizationId, profile } of data.profiles) {
    out.push(`## Profile of ${org(organizationId)}`);
    out.push("### Contributions");
    out.push(
      list(profile.contributions, "No contributions yet.", (c) => {
        const amount = (value: number | null) =>
          value === null ? "not stated" : `${value}${c.unit ? ` ${inlineText(c.unit)}` : ""}`;
        const period =
          c.periodStart || c.periodEnd ? `, ${c.periodStart ?? "…"} to ${c.periodEnd ?? "…"}` : "";
        return (
          `**${capitalize(c.kind)}**: promised ${amount(c.promisedAmount)}, delivered ` +
          `${amount(c.deliveredAmount)}${period}; ${stamp(c)}` +
          description(c.description)
        );
      }),
    );
    out.push("### Constraints");
    out.push(
      list(profile.constraints, "No constraints disclosed.", (c) => {
        const affected = c.affectedObjectiveIds.map(objectiveRef);
        return (
          `**${capitalize(c.kind)}** (${c.severity}); affects ` +
          `${affected.join(", ") || "no objective"}; ${stamp(c)}` +
          description(c.description)
        );
      }),
    );
    out.push("### Ambitions");
    out.push(
      list(
        profile.ambitions,
        "No ambitions stated.",
        (a) => `${plainTextToMarkdown(a.statement) || "(empty)"} (${stamp(a)})`,
      ),
    );
  }

  out.push("## Meetings");
  if (data.meetings.length === 0) out.push("_No meetings yet._");
  for (const { meeting, notes } of data.meetings) {
    out.push(`### ${inlineText(meeting.title) || "(untitled)"}`);
    out.push(
      fields([
        ["Kind", capitalize(meeting.kind)],
        ["Level", meeting.level],
        ["Starts", `${instant(meeting.startsAt)}, ${meeting.durationMinutes} min`],
        ["Facilitator", inlineText(meeting.facilitator.name)],
        [
          "Participants",
          meeting.participants
            .map((p) => `${inlineText(p.name)} (${org(p.organizationId)})`)
            .join(", ") || "none",
        ],
      ]),
    );
    for (const item of meeting.agenda) {
      out.push(
        `#### ${item.position + 1}. ${inlineText(item.title) || "(untitled)"} ` +
          `(${org(item.ownerOrganizationId)}, ${item.timeboxMinutes} min)`,
      );
      out.push(
        item.signOffs
          .map(
            (s) =>
              `- Signed off for ${org(s.organizationId)} by ${inlineText(s.signedBy.name)} on ` +
              `${instant(s.signedAt)}${s.changedSince ? " (changed since: not counted)" : ""}`,
          )
          .join("\n") || "_Not signed off._",
      );
      const content = notes.get(item.id);
      if (content === null || content === undefined) out.push("_The notes could not be read._");
      else out.push(proseMirrorToMarkdown(content, { headingOffset: 4 }) || "_No notes._");
    }
  }

  out.push(...deletedSignedItemsMarkdown(data.deletedSignedItems, org, instant));

  for (const notes of data.privateNotes) {
    out.push(`## Private notes of ${org(notes.organizationId)}`);
    out.push(`_Visible to ${org(notes.organizationId)} only._`);
    if (notes.content === null) out.push("_The private notes could not be read._");
    else out.push(proseMirrorToMarkdown(notes.content, { headingOffset: 2 }) || "_No notes yet._");
  }

  return `${out.filter((part) => part !== "").join("\n\n")}\n`;
}

function charterStatusMarkdown(status: CharterStatus, organizations: OrganizationView[]): string {
  const headline = status.ratified
    ? "**Ratified**: every organization endorsed this version."
    : status.changedSinceEndorsement
      ? "**Changed since endorsement**: not every organization endorsed the charter as it is now."
      : "**Not ratified**: not every organization endorsed it yet.";
  const lines = organizations.map((o) => {
    const e = status.endorsements.find((entry) => entry.organizationId === o.id);
    if (!e) return `- ${inlineText(o.name)}: has not endorsed the charter.`;
    return (
      `- ${inlineText(o.name)}: endorsed ${e.current ? "this version" : "an earlier version"} ` +
      `(version ${e.versionNumber}) by ${inlineText(e.userName)} on ${instant(e.endorsedAt)}.`
    );
  });
  return [`${headline} Current version: ${status.versionNumber}.`, lines.join("\n")].join("\n\n");
}

function votesMarkdown(
  view: DecisionVotesView,
  who: (id: string) => string,
  org: (id: string) => string,
): string {
  return view.votes
    .map((vote: DecisionVoteView) => {
      const comment = vote.comment ? `: “${inlineText(vote.comment)}”` : "";
      const stale = vote.current ? "" : " (text changed since: does not count)";
      return (
        `- ${org(vote.organizationId)} ${vote.vote === "approve" ? "approved" : "rejected"} ` +
        `(${who(vote.userId)}, ${instant(vote.votedAt)})${comment}${stale}`
      );
    })
    .join("\n");
}

function actionLine(
  a: Action,
  who: (id: string | null) => string,
  org: (id: string) => string,
): string {
  return (
    `**${inlineText(a.title) || "(untitled)"}** [${a.status}]: owner ${org(a.ownerOrganizationId)}, ` +
    `assignee ${a.assigneeUserId === null ? "nobody" : who(a.assigneeUserId)}, ` +
    `due ${a.dueDate ?? "no due date"}`
  );
}

function kpiMarkdown(
  kpi: Kpi,
  who: (id: string) => string,
  org: (id: string) => string,
  stamp: (item: { createdBy: string; organizationId: string; createdAt: string }) => string,
): string[] {
  const unit = kpi.unit ? ` ${inlineText(kpi.unit)}` : "";
  return [
    `##### ${inlineText(kpi.name) || "(unnamed KPI)"}`,
    fields([
      ["Current target", `${kpi.target}${unit}`],
      ["Baseline", kpi.baseline === null ? "not stated" : `${kpi.baseline}${unit}`],
      ["Direction", kpi.direction],
      ["Origin", stamp(kpi)],
    ]),
    "Target history:",
    list(kpi.targetHistory, "No targets.", (t: TargetChange) => {
      const note = t.note ? `: ${inlineText(t.note)}` : "";
      return `${t.target}${unit}, set by ${who(t.changedBy)} (${org(t.organizationId)}) on ${instant(t.changedAt)}${note}`;
    }),
    "Measurements:",
    list(kpi.measurements, "No measurements yet.", (m: Measurement) => {
      const note = m.note ? `: ${inlineText(m.note)}` : "";
      return `${m.date}: ${m.value}${unit}${note}`;
    }),
  ];
}

/** A bullet list of entries; malformed ones are listed as such. */
function list<T>(entries: ReadResult<T>[], empty: string, line: (value: T) => string): string {
  if (entries.length === 0) return `_${empty}_`;
  return entries
    .map((entry) =>
      entry.ok
        ? `- ${line(entry.value).replace(/\n(?=[^\n])/g, "\n  ")}`
        : `- Malformed entry \`${entry.id}\`: ${inlineText(entry.problem)}`,
    )
    .join("\n");
}

function malformed(entry: { id: string; problem: string; raw: unknown }): string {
  let raw: string;
  try {
    raw = JSON.stringify(entry.raw, null, 2) ?? "null";
  } catch {
    raw = "(unprintable)";
  }
  const fence = raw.includes("```") ? "````" : "```";
  return `This entry does not fit the schema: ${inlineText(entry.problem)}.\n\n${fence}json\n${raw}\n${fence}`;
}

function fields(pairs: [string, string][]): string {
  return pairs.map(([label, value]) => `- ${label}: ${value}`).join("\n");
}

/** A long text under a list entry, as an indented paragraph. */
function description(text: string): string {
  const markdown = plainTextToMarkdown(text);
  return markdown ? `\n\n${markdown}` : "";
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).replace(/_/g, " ");
}

/** `2026-05-20 14:03 UTC` out of an ISO instant; anything else as it is. */
function instant(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return inlineText(iso) || "an unknown time";
  return `${new Date(time).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
