import { Migrator, type Kysely, type Migration, type MigrationProvider } from "kysely";
import type { Dialect } from "../database.js";
import { walkingSkeleton } from "./0001_walking_skeleton.js";
import { documentSnapshots } from "./0002_document_snapshots.js";
import { governance } from "./0003_governance.js";
import { updatesFeed } from "./0004_updates_feed.js";
import { comments } from "./0005_comments.js";
import { notificationPreferences } from "./0006_notification_preferences.js";
import { digestDeliveries } from "./0007_digest_deliveries.js";
import { activityIndex } from "./0008_activity_index.js";
import { governanceNotifications } from "./0009_governance_notifications.js";
import { itemWatch } from "./0010_item_watch.js";
import { meetings } from "./0011_meetings.js";
import { workshops } from "./0012_workshops.js";
import { loginThrottle } from "./0013_login_throttle.js";
import { organizationConsent } from "./0014_organization_consent.js";
import { entryRecords } from "./0016_entry_records.js";
import { decisionContent } from "./0017_decision_content.js";
import { contentVersions } from "./0018_content_versions.js";
import { kpiTargets } from "./0019_kpi_targets.js";
import { documentVersions } from "./0020_document_versions.js";
import { healthChecks } from "./0021_health_checks.js";
import { landingPage } from "./0022_landing_page.js";
import { searchIndex } from "./0023_search_index.js";
import { partnershipTemplates } from "./0024_partnership_templates.js";
import { invitationLifecycle } from "./0025_invitation_lifecycle.js";
import { organizationSso } from "./0027_organization_sso.js";
import { meetingCalendar } from "./0028_meeting_calendar.js";
import { replyAddresses } from "./0029_reply_addresses.js";
import { meetingDiscussions } from "./0030_meeting_discussions.js";
import { userLanguage } from "./0031_user_language.js";
import { notificationFilters } from "./0033_notification_filters.js";

/**
 * Versioned migrations, one file each, applied in name order at start-up. Never edit one that
 * has shipped: add the next file and list it here. Each receives the dialect for the few types
 * that differ. A file's name is the migration's name stored in every database: never rename one.
 */
const MIGRATIONS: readonly (readonly [name: string, migration: (dialect: Dialect) => Migration])[] =
  [
    ["0001_walking_skeleton", walkingSkeleton],
    ["0002_document_snapshots", documentSnapshots],
    ["0003_governance", governance],
    ["0004_updates_feed", updatesFeed],
    ["0005_comments", comments],
    ["0006_notification_preferences", notificationPreferences],
    ["0007_digest_deliveries", digestDeliveries],
    ["0008_activity_index", activityIndex],
    ["0009_governance_notifications", governanceNotifications],
    ["0010_item_watch", itemWatch],
    ["0011_meetings", meetings],
    ["0012_workshops", workshops],
    ["0013_login_throttle", loginThrottle],
    ["0014_organization_consent", organizationConsent],
    ["0016_entry_records", entryRecords],
    ["0017_decision_content", decisionContent],
    ["0018_content_versions", contentVersions],
    ["0019_kpi_targets", kpiTargets],
    ["0020_document_versions", documentVersions],
    ["0021_health_checks", healthChecks],
    ["0022_landing_page", landingPage],
    ["0023_search_index", searchIndex],
    ["0024_partnership_templates", partnershipTemplates],
    ["0025_invitation_lifecycle", invitationLifecycle],
    ["0027_organization_sso", organizationSso],
    ["0028_meeting_calendar", meetingCalendar],
    ["0029_reply_addresses", replyAddresses],
    ["0030_meeting_discussions", meetingDiscussions],
    ["0031_user_language", userLanguage],
    ["0033_notification_filters", notificationFilters],
  ];

/** The migrations' names, in the order they apply. */
export const MIGRATION_NAMES: readonly string[] = MIGRATIONS.map(([name]) => name);

function provider(dialect: Dialect): MigrationProvider {
  const migrations = Object.fromEntries(
    MIGRATIONS.map(([name, migration]) => [name, migration(dialect)]),
  );
  return { getMigrations: () => Promise.resolve(migrations) };
}

/** Brings the schema to the latest version; throws (and the server does not start) on failure. */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({ db, provider: provider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error !== undefined || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed`, { cause: error });
  }
}

/** Brings the schema up to the named migration only (tests of a migration on older data). */
export async function migrateUpTo(db: Kysely<any>, dialect: Dialect, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider: provider(dialect) }).migrateTo(name);
  if (error !== undefined) throw new Error(`Migration to ${name} failed`, { cause: error });
}
