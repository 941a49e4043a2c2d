import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { addObjective, type Author } from "@entente/schema";
import type * as Y from "yjs";
import { ApiHarness, type TestUser } from "./api-harness.js";
import { changeDocument } from "./document-writes.js";

/** Two organizations in one partnership, each with an admin, an editor and a viewer. */
export type PartnershipCast = Awaited<ReturnType<ApiHarness["twoOrganizationPartnership"]>>;

/** What each test of a suite that called `usePartnershipHarness` finds ready. */
export interface PartnershipHarness {
  readonly harness: ApiHarness;
  readonly cast: PartnershipCast;
}

/**
 * The set-up of most API suites: a fresh `ApiHarness` (its own store) with the
 * two-organization cast of `twoOrganizationPartnership`, for each test of the calling
 * `describe` (`"each"`) or shared by all of them (`"all"`), closed again after. Hooks the
 * suite registers itself run after this set-up and before this clean-up, so they may use both.
 */
export function usePartnershipHarness(scope: "each" | "all" = "each"): PartnershipHarness {
  let harness: ApiHarness | undefined;
  let cast: PartnershipCast | undefined;
  (scope === "each" ? beforeEach : beforeAll)(async () => {
    harness = await ApiHarness.create();
    cast = await harness.twoOrganizationPartnership();
  });
  (scope === "each" ? afterEach : afterAll)(async () => {
    await harness?.close();
    harness = undefined;
    cast = undefined;
  });
  const outside = () => new Error("the partnership harness exists only while the suite runs");
  return {
    get harness() {
      if (!harness) throw outside();
      return harness;
    },
    get cast() {
      if (!cast) throw outside();
      return cast;
    },
  };
}

/** `user` acting for `organizationId`, as documents and records stamp an author. */
export function authorOf(user: TestUser, organizationId: string): Author {
  return { userId: user.id, organizationId };
}

/** The six members of the cast, North's admin, editor and viewer, then South's. */
export function everyoneIn(cast: PartnershipCast): TestUser[] {
  return [
    cast.north.admin,
    cast.north.editor,
    cast.north.viewer,
    cast.south.admin,
    cast.south.editor,
    cast.south.viewer,
  ];
}

/**
 * North's admin writes the "Joint pilot" objective (Northwind's, tactical) into the
 * partnership's objectives document, with whatever `within` adds to it, as one stamped
 * update; resolves to the objective's id.
 */
export async function seedJointPilot(
  { harness, cast }: PartnershipHarness,
  within: (doc: Y.Doc, objectiveId: string, north: Author) => void = () => {},
): Promise<string> {
  const north = authorOf(cast.north.admin, cast.north.id);
  let objectiveId = "";
  await changeDocument(
    harness.store,
    `${cast.partnershipId}/objectives`,
    (doc) => {
      objectiveId = addObjective(
        doc,
        {
          title: "Joint pilot",
          ownerOrganizationIds: [cast.north.id],
          governanceLevel: "tactical",
        },
        north,
      );
      within(doc, objectiveId, north);
    },
    { userId: north.userId, organizationId: north.organizationId },
  );
  return objectiveId;
}
