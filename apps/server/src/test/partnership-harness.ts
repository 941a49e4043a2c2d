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

/** What each test of a suite that called `useApiHarness` finds ready. */
export interface ApiHarnessFixture {
  readonly harness: ApiHarness;
}

/**
 * A fresh `ApiHarness` (its own store, nobody signed up) for each test of the calling
 * `describe` (`"each"`) or shared by all of them (`"all"`), closed again after. Hooks the
 * suite registers itself run after this set-up and before this clean-up.
 */
export function useApiHarness(scope: "each" | "all" = "each"): ApiHarnessFixture {
  let harness: ApiHarness | undefined;
  (scope === "each" ? beforeEach : beforeAll)(async () => {
    harness = await ApiHarness.create();
  });
  (scope === "each" ? afterEach : afterAll)(async () => {
    await harness?.close();
    harness = undefined;
  });
  return {
    get harness() {
      if (!harness) throw new Error("the API harness exists only while the suite runs");
      return harness;
    },
  };
}

/**
 * The set-up of most API suites: {@link useApiHarness} with the two-organization cast of
 * `twoOrganizationPartnership`, for each test of the calling `describe` (`"each"`) or shared
 * by all of them (`"all"`). Hooks the suite registers itself run after this set-up and
 * before this clean-up, so they may use both.
 */
export function usePartnershipHarness(scope: "each" | "all" = "each"): PartnershipHarness {
  const base = useApiHarness(scope);
  let cast: PartnershipCast | undefined;
  (scope === "each" ? beforeEach : beforeAll)(async () => {
    cast = await base.harness.twoOrganizationPartnership();
  });
  (scope === "each" ? afterEach : afterAll)(() => {
    cast = undefined;
  });
  return {
    get harness() {
      return base.harness;
    },
    get cast() {
      if (!cast) throw new Error("the partnership harness exists only while the suite runs");
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
