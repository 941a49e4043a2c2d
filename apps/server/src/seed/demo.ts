import type { GovernanceLevel } from "@entente/domain";
import { writeCharterContent, type JSONContent } from "@entente/editor";
import { agendaNotesFragment, type MeetingKind } from "@entente/protocol";
import type { Kysely } from "kysely";
import * as Y from "yjs";
import { AccessService } from "../access/access-service.js";
import { addSeat } from "../access/memberships.js";
import { hashPassword } from "../auth/password.js";
import type { Store } from "../db/database.js";
import type { Database } from "../db/schema.js";
import { CommentService } from "../comments/comment-service.js";
import { InProcessFeedEvents } from "../live-events/feed-events.js";
import { NotificationService } from "../notifications/notification-service.js";
import { PostService } from "../posts/post-service.js";
import { GovernanceService } from "../governance/governance-service.js";
import { signedContent, signedContentVersion } from "../meetings/sign-off-records.js";
import type { Logger } from "../observability/logger.js";
import { newId } from "../ids.js";
import { CurrentDocuments } from "../sync/document-reader.js";
import { LiveDocumentWriter } from "../sync/document-writer.js";
import { SqlUpdateLog } from "../sync/update-log.js";
import { StampingUpdateLog } from "../history/item-stamps.js";
import { seedCharterHistory } from "./demo-versions.js";
import { ago, DAY_MS, type DemoCast, type DemoPerson } from "./demo-cast.js";
import { seedWork } from "./demo-documents.js";
import { seedConversation } from "./demo-feed.js";
import { seedPendingTarget } from "./demo-targets.js";
import { seedHealthChecks } from "./demo-health.js";
import { DemoHistory, recordEdit, type DemoEdit } from "./demo-history.js";
import {
  LIVE_WORKSHOP_STARTED_MINUTES_AGO,
  LIVE_WORKSHOP_TITLE,
  seedLiveWorkshop,
} from "./demo-workshop.js";

const MINUTE_MS = 60_000;

export const DEMO_PASSWORD = "entente-demo-2026";
export const DEMO_PARTNERSHIP = "Northwind × Southpeak";

export const DEMO_USERS = [
  {
    email: "amara@northwind.example",
    name: "Amara Diallo",
    organization: "Northwind",
    role: "admin",
    level: "strategic",
  },
  {
    email: "ben@northwind.example",
    name: "Ben Carter",
    organization: "Northwind",
    role: "editor",
    level: "tactical",
  },
  {
    email: "sofia@southpeak.example",
    name: "Sofia Marchetti",
    organization: "Southpeak",
    role: "admin",
    level: "strategic",
  },
  {
    email: "lucas@southpeak.example",
    name: "Lucas Bernard",
    organization: "Southpeak",
    role: "editor",
    level: "tactical",
  },
  // Viewers: a third member a side, so a health check's results show (3 answers needed).
  {
    email: "chen@northwind.example",
    name: "Chen Wei",
    organization: "Northwind",
    role: "viewer",
    level: "operational",
  },
  {
    email: "ines@southpeak.example",
    name: "Inès Moreau",
    organization: "Southpeak",
    role: "viewer",
    level: "operational",
  },
] as const;

const heading = (text: string): JSONContent => ({
  type: "heading",
  attrs: { level: 2 },
  content: [{ type: "text", text }],
});
const paragraph = (text: string): JSONContent => ({
  type: "paragraph",
  content: [{ type: "text", text }],
});

const exitTerms = (text: string): JSONContent[] => [heading("Exit terms"), paragraph(text)];

/** The charter as Amara drafted it, one section after the other. */
const CHARTER_DRAFT: readonly JSONContent[] = [
  heading("Purpose"),
  paragraph(
    "Northwind and Southpeak join forces to bring low-carbon cold-chain logistics to regional food producers, sharing means, expertise and risk.",
  ),
  heading("Shared values"),
  paragraph(
    "Trust, transparency about constraints, and sharing difficulties as openly as successes.",
  ),
  heading("Governance"),
  paragraph(
    "A steering committee each quarter, a tactical review each month, an operational sync each week.",
  ),
];

/** The charter today: Amara's draft, whose exit terms Sofia amended. */
const DEMO_CHARTER: JSONContent = {
  type: "doc",
  content: [
    ...CHARTER_DRAFT,
    ...exitTerms(
      "Either partner may leave with six months' notice; jointly developed assets stay available to both.",
    ),
  ],
};

/**
 * The charter as its authors wrote it: Amara drafts it section by section (an edit each, a few
 * minutes apart), adding exit terms; months later Sofia amends them so that what both build
 * survives a departure. Each edit goes through the editor schema, as the browser's would.
 */
function writeCharter(cast: DemoCast): DemoEdit[] {
  const doc = new Y.Doc();
  try {
    const sections = [
      ...[2, 4, 6].map((end) => CHARTER_DRAFT.slice(0, end)),
      [...CHARTER_DRAFT, ...exitTerms("Either partner may leave with six months' notice.")],
    ];
    const edits = sections.map((content, index) =>
      recordEdit(doc, cast.amara, ago(cast, 112) + index * 4 * MINUTE_MS, () =>
        writeCharterContent(doc, { type: "doc", content }),
      ),
    );
    edits.push(
      recordEdit(doc, cast.sofia, ago(cast, 2, 5), () => writeCharterContent(doc, DEMO_CHARTER)),
    );
    return edits;
  } finally {
    doc.destroy();
  }
}

/** The governance rhythm the charter states: quarterly, monthly, weekly. */
const DEMO_RHYTHM: Record<GovernanceLevel, number> = {
  strategic: 90,
  tactical: 30,
  operational: 7,
};

interface DemoMeeting {
  title: string;
  kind: MeetingKind;
  level: GovernanceLevel;
  /** Days from the seeding day, and the hour (UTC) it starts. */
  day: number;
  hour: number;
  /** Instead of `day` and `hour`: started this many minutes before the seeding (under way). */
  startedMinutesAgo?: number;
  durationMinutes: number;
  /** E-mails of the facilitator (first) and the other participants. */
  people: readonly string[];
  agenda: readonly {
    title: string;
    owner: "Northwind" | "Southpeak";
    timeboxMinutes: number;
    /** Paragraphs of the live notes; items with notes are signed off by both organizations. */
    notes?: readonly string[];
  }[];
}

const AMARA = "amara@northwind.example";
const BEN = "ben@northwind.example";
const SOFIA = "sofia@southpeak.example";
const LUCAS = "lucas@southpeak.example";

/**
 * A steering committee that met (minutes signed off by both sides), a tactical review that
 * met and its next one, a workshop under way (its board in `demo-workshop.ts`) and an
 * upcoming one nobody set up yet; the operational level has a weekly rhythm, met today.
 */
const DEMO_MEETINGS: readonly DemoMeeting[] = [
  {
    title: "Steering committee — Q4",
    kind: "steering_committee",
    level: "strategic",
    day: -20,
    hour: 9,
    durationMinutes: 120,
    people: [AMARA, SOFIA, BEN, LUCAS],
    agenda: [
      {
        title: "Pilot results in the three depots",
        owner: "Northwind",
        timeboxMinutes: 30,
        notes: [
          "The refrigerated routes ran at 99.2% on-time delivery over the pilot.",
          "Energy use per pallet fell by 18% against the diesel baseline.",
        ],
      },
      {
        title: "Funding for 2027",
        owner: "Southpeak",
        timeboxMinutes: 40,
        notes: [
          "Southpeak confirms its share of the 2027 budget.",
          "Northwind brings two engineers full time from January.",
        ],
      },
      {
        title: "Decisions and next steps",
        owner: "Northwind",
        timeboxMinutes: 20,
        notes: ["Extend the pilot to a fourth depot; review at the next steering committee."],
      },
    ],
  },
  {
    title: "Tactical review — objectives and KPIs",
    kind: "tactical_review",
    level: "tactical",
    day: -26,
    hour: 14,
    durationMinutes: 60,
    people: [BEN, LUCAS],
    agenda: [
      { title: "KPI review", owner: "Northwind", timeboxMinutes: 30 },
      { title: "Open issues", owner: "Southpeak", timeboxMinutes: 30 },
    ],
  },
  {
    title: "Tactical review — preparing the fourth depot",
    kind: "tactical_review",
    level: "tactical",
    day: 3,
    hour: 14,
    durationMinutes: 60,
    people: [BEN, LUCAS, AMARA],
    agenda: [
      { title: "Fourth depot: site and schedule", owner: "Southpeak", timeboxMinutes: 25 },
      { title: "KPI targets for the extension", owner: "Northwind", timeboxMinutes: 20 },
      { title: "Risks and open issues", owner: "Southpeak", timeboxMinutes: 15 },
    ],
  },
  {
    title: LIVE_WORKSHOP_TITLE,
    kind: "workshop",
    level: "operational",
    day: 0,
    hour: 0,
    startedMinutesAgo: LIVE_WORKSHOP_STARTED_MINUTES_AGO,
    durationMinutes: 120,
    people: [LUCAS, AMARA, BEN, SOFIA],
    agenda: [
      { title: "Brainstorm in private, then reveal", owner: "Southpeak", timeboxMinutes: 25 },
      { title: "Cluster and dot voting", owner: "Northwind", timeboxMinutes: 20 },
      { title: "Turn the winners into actions", owner: "Southpeak", timeboxMinutes: 30 },
    ],
  },
  {
    title: "Co-development workshop: the regional cold-chain offer",
    kind: "workshop",
    level: "operational",
    day: 8,
    hour: 9,
    durationMinutes: 180,
    people: [LUCAS, BEN, AMARA, SOFIA],
    agenda: [
      { title: "What producers ask of us", owner: "Southpeak", timeboxMinutes: 45 },
      { title: "Brainstorm and dot voting", owner: "Northwind", timeboxMinutes: 60 },
      { title: "Turn the winners into actions", owner: "Southpeak", timeboxMinutes: 30 },
    ],
  },
];

/**
 * The demo's rhythm and meetings; the notes of the past steering committee are written as
 * Yjs binary and signed off by both organizations, as they were when signed. Returns each
 * meeting's id and start by title.
 */
async function seedMeetings(
  db: Kysely<Database>,
  history: DemoHistory,
  cast: DemoCast,
  person: (email: string) => DemoPerson,
): Promise<Map<string, { id: string; startsAt: number }>> {
  const seeded = new Map<string, { id: string; startsAt: number }>();
  const { partnershipId, now } = cast;
  const organizations = new Map([
    ["Northwind", cast.northwind],
    ["Southpeak", cast.southpeak],
  ]);
  /** Who types an item's notes: the strategic lead of the organization that owns it. */
  const noteTaker = { Northwind: cast.amara, Southpeak: cast.sofia };
  const day = new Date(now);
  day.setUTCHours(0, 0, 0, 0);
  await db
    .insertInto("governance_rhythms")
    .values(
      Object.entries(DEMO_RHYTHM).map(([level, intervalDays]) => ({
        partnership_id: partnershipId,
        level: level as GovernanceLevel,
        interval_days: intervalDays,
      })),
    )
    .execute();
  for (const meeting of DEMO_MEETINGS) {
    const id = newId();
    const startsAt =
      meeting.startedMinutesAgo === undefined
        ? day.getTime() + meeting.day * DAY_MS + meeting.hour * 60 * 60_000
        : now - meeting.startedMinutesAgo * MINUTE_MS;
    seeded.set(meeting.title, { id, startsAt });
    const facilitator = person(meeting.people[0] ?? "");
    const items = meeting.agenda.map((item) => ({ ...item, id: newId() }));
    // Each item's notes are typed while it is discussed, by the lead of the side that owns it.
    const notes = new Y.Doc();
    const edits: DemoEdit[] = [];
    let discussedAt = startsAt;
    for (const item of items) {
      discussedAt += item.timeboxMinutes * MINUTE_MS;
      if (item.notes === undefined) continue;
      const fragment = notes.getXmlFragment(agendaNotesFragment(item.id));
      edits.push(
        recordEdit(notes, noteTaker[item.owner], discussedAt - 5 * MINUTE_MS, () => {
          for (const text of item.notes ?? []) {
            const paragraph = new Y.XmlElement("paragraph");
            paragraph.insert(0, [new Y.XmlText(text)]);
            fragment.push([paragraph]);
          }
        }),
      );
    }
    const signedAt = startsAt + meeting.durationMinutes * 60_000;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("meetings")
        .values({
          id,
          partnership_id: partnershipId,
          title: meeting.title,
          kind: meeting.kind,
          level: meeting.level,
          starts_at: startsAt,
          duration_minutes: meeting.durationMinutes,
          facilitator_user_id: facilitator.id,
          created_by_user_id: facilitator.id,
          created_by_organization_id: facilitator.organizationId,
          created_at: Math.min(now, startsAt - 14 * DAY_MS),
        })
        .execute();
      await trx
        .insertInto("meeting_participants")
        .values(
          meeting.people.map((email) => ({
            meeting_id: id,
            user_id: person(email).id,
            organization_id: person(email).organizationId,
          })),
        )
        .execute();
      await trx
        .insertInto("agenda_items")
        .values(
          items.map((item, position) => ({
            id: item.id,
            meeting_id: id,
            title: item.title,
            owner_organization_id: organizations.get(item.owner) ?? "",
            timebox_minutes: item.timeboxMinutes,
            position,
            created_at: Math.min(now, startsAt - 14 * DAY_MS),
          })),
        )
        .execute();
      for (const item of items.filter((i) => i.notes !== undefined)) {
        const content = signedContent(
          { title: meeting.title, starts_at: startsAt },
          {
            id: item.id,
            title: item.title,
            owner_organization_id: organizations.get(item.owner) ?? "",
          },
          notes,
        );
        const version = signedContentVersion(content);
        for (const [offset, email] of [AMARA, SOFIA].entries()) {
          await trx
            .insertInto("agenda_sign_offs")
            .values({
              partnership_id: partnershipId,
              meeting_id: id,
              agenda_item_id: item.id,
              snapshot: JSON.stringify(content),
              organization_id: person(email).organizationId,
              user_id: person(email).id,
              version,
              created_at: signedAt + offset * 60_000,
            })
            .execute();
        }
      }
    });
    if (edits.length > 0) {
      await history.store({ kind: "meeting", partnershipId, meetingId: id }, edits);
    }
    notes.destroy();
  }
  return seeded;
}

/**
 * Seeds the "Northwind × Southpeak" demo: two organizations, two users each, a charter, the
 * governance rhythm with a few meetings (a workshop under way among them), objectives with KPIs and actions, the open-issues
 * log, decisions and their votes, both organizations' profiles, a week of the updates feed and
 * two comment threads. Every document is stored as the edits of the members who wrote it,
 * back-dated to their place in the story, so the activity view tells that story. Runs only on
 * a database without the demo (its first user is the marker), so a restart never seeds twice.
 */
export async function seedDemo(store: Store, logger: Logger): Promise<void> {
  const { db } = store;
  const existing = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", DEMO_USERS[0].email)
    .executeTakeFirst();
  if (existing) return;

  const now = Date.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const organizations = new Map([
    ["Northwind", newId()],
    ["Southpeak", newId()],
  ]);
  const partnershipId = newId();

  const users = DEMO_USERS.map((u) => ({
    ...u,
    id: newId(),
    organizationId: organizations.get(u.organization) ?? "",
  }));

  await db.transaction().execute(async (trx) => {
    for (const [name, id] of organizations) {
      await trx.insertInto("organizations").values({ id, name, created_at: now }).execute();
    }
    for (const user of users) {
      await trx
        .insertInto("users")
        .values({
          id: user.id,
          email: user.email,
          name: user.name,
          password_hash: passwordHash,
          created_at: now,
        })
        .execute();
      await trx
        .insertInto("organization_members")
        .values({ organization_id: user.organizationId, user_id: user.id, role: user.role })
        .execute();
    }
    await trx
      .insertInto("partnerships")
      .values({
        id: partnershipId,
        name: DEMO_PARTNERSHIP,
        created_by: users[0]?.id ?? "",
        created_at: now,
      })
      .execute();
    let order = 0;
    for (const organizationId of organizations.values()) {
      await trx
        .insertInto("partnership_organizations")
        .values({
          partnership_id: partnershipId,
          organization_id: organizationId,
          joined_at: now + order++,
        })
        .execute();
    }
    for (const user of users) {
      await addSeat(trx, {
        partnership_id: partnershipId,
        user_id: user.id,
        organization_id: user.organizationId,
        permission: user.role,
        level: user.level,
      });
    }
  });

  const person = (email: string): DemoPerson => {
    const user = users.find((u) => u.email === email);
    if (!user) throw new Error(`${email} is not a demo user`);
    return { id: user.id, name: user.name, organizationId: user.organizationId };
  };
  const cast: DemoCast = {
    partnershipId,
    northwind: organizations.get("Northwind") ?? "",
    southpeak: organizations.get("Southpeak") ?? "",
    amara: person(AMARA),
    ben: person(BEN),
    sofia: person(SOFIA),
    lucas: person(LUCAS),
    now,
  };
  // Stamping: a comparison of seeded versions colours the text by who wrote it.
  const log = new StampingUpdateLog(new SqlUpdateLog(store), store);
  const history = new DemoHistory(log, db);
  await seedCharterHistory(db, log, history, cast, writeCharter(cast));
  const meetings = await seedMeetings(db, history, cast, person);
  const liveWorkshop = meetings.get(LIVE_WORKSHOP_TITLE);
  if (liveWorkshop) await seedLiveWorkshop(db, cast, liveWorkshop.id, liveWorkshop.startsAt);
  const work = await seedWork(history, cast);
  const documents = new CurrentDocuments(log);
  const access = new AccessService(db);
  const events = new InProcessFeedEvents();
  // No listener: seeding the demo e-mails nobody.
  const notifications = new NotificationService(db, events);
  await seedConversation(
    {
      db,
      access,
      posts: new PostService(db, access, events, notifications),
      notifications,
      governance: new GovernanceService(db, documents),
      documents,
      comments: new CommentService(db, access, documents, events, notifications),
    },
    cast,
    work,
  );
  await seedPendingTarget({ db, access, documents, writer: new LiveDocumentWriter(log) }, cast);
  await seedHealthChecks({ db, access }, cast, {
    northwind: [cast.amara, cast.ben, person("chen@northwind.example")],
    southpeak: [cast.sofia, cast.lucas, person("ines@southpeak.example")],
  });
  logger.info(
    `Seeded the "${DEMO_PARTNERSHIP}" demo (password for every demo user: ${DEMO_PASSWORD})`,
  );
}
