import type { Kysely, Migration } from "kysely";

export function userLanguage(): Migration {
  return {
    async up(db: Kysely<any>) {
      // The app's language, so that e-mails follow it unless the member chose theirs.
      await db.schema.alterTable("users").addColumn("app_language", "text").execute();
    },
  };
}
