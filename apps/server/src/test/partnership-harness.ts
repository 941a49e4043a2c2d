import { afterEach, beforeEach } from "vitest";
import { ApiHarness } from "./api-harness.js";

/** Two organizations in one partnership, each with an admin, an editor and a viewer. */
export type PartnershipCast = Awaited<ReturnType<ApiHarness["twoOrganizationPartnership"]>>;

/** What each test of a suite that called `usePartnershipHarness` finds ready. */
export interface PartnershipHarness {
  readonly harness: ApiHarness;
  readonly cast: PartnershipCast;
}

/**
 * The set-up of most API suites: each test of the calling `describe` gets a fresh
 * `ApiHarness` (its own store) with the two-organization cast of
 * `twoOrganizationPartnership`, closed again after the test. Hooks the suite registers
 * itself run after this set-up and before this clean-up, so they may use both.
 */
export function usePartnershipHarness(): PartnershipHarness {
  let harness: ApiHarness | undefined;
  let cast: PartnershipCast | undefined;
  beforeEach(async () => {
    harness = await ApiHarness.create();
    cast = await harness.twoOrganizationPartnership();
  });
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
    cast = undefined;
  });
  const outside = () => new Error("the partnership harness exists only while a test runs");
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
