import { formatDocumentName } from "@entente/domain";
import {
  addAmbition,
  addConstraint,
  addContribution,
  readProfile,
  removeAmbition,
  removeConstraint,
  removeContribution,
  updateAmbition,
  updateConstraint,
  updateContribution,
  type AmbitionInput,
  type Author,
  type AmbitionPatch,
  type ConstraintInput,
  type ConstraintPatch,
  type ContributionInput,
  type ContributionPatch,
  type Profile,
} from "@entente/schema";
import { useMemo } from "react";
import type * as Y from "yjs";
import {
  useAuthor,
  usePartnershipDocuments,
  type PartnershipDocument,
  usePartnershipContext,
} from "../../partnerships";

const EMPTY: Profile = { contributions: [], constraints: [], ambitions: [] };

/** The writes of one organization's profile (the server refuses them from anyone else). */
export interface ProfileWriter {
  addContribution: (input: ContributionInput) => string;
  updateContribution: (id: string, patch: ContributionPatch) => boolean;
  removeContribution: (id: string) => boolean;
  addConstraint: (input: ConstraintInput) => string;
  updateConstraint: (id: string, patch: ConstraintPatch) => boolean;
  removeConstraint: (id: string) => boolean;
  addAmbition: (input: AmbitionInput) => string;
  updateAmbition: (id: string, patch: AmbitionPatch) => boolean;
  removeAmbition: (id: string) => boolean;
}

export interface OrganizationProfile extends PartnershipDocument<Profile> {
  organizationId: string;
  write: ProfileWriter;
}

function writer(doc: Y.Doc | null, author: Author): ProfileWriter {
  const d = (): Y.Doc => {
    if (!doc) throw new Error("the profile document is not open");
    return doc;
  };
  return {
    addContribution: (input) => addContribution(d(), input, author),
    updateContribution: (id, patch) => updateContribution(d(), id, patch),
    removeContribution: (id) => removeContribution(d(), id),
    addConstraint: (input) => addConstraint(d(), input, author),
    updateConstraint: (id, patch) => updateConstraint(d(), id, patch),
    removeConstraint: (id) => removeConstraint(d(), id),
    addAmbition: (input) => addAmbition(d(), input, author),
    updateAmbition: (id, patch) => updateAmbition(d(), id, patch),
    removeAmbition: (id) => removeAmbition(d(), id),
  };
}

/**
 * Every organization's profile (contributions, constraints, ambitions), live, in the
 * partnership's order. Partners' profiles are read-only (`writable` false): the server
 * would drop the writes anyway.
 */
export function useProfiles(): OrganizationProfile[] {
  const { partnershipId, organizations } = usePartnershipContext();
  const names = organizations.map((o) =>
    formatDocumentName({ kind: "profile", partnershipId, organizationId: o.id }),
  );
  const views = usePartnershipDocuments(names, readProfile, EMPTY);
  const author = useAuthor();
  const docs = views.map((v) => v.doc);
  const key = docs.map((d) => d?.guid ?? "").join(",");
  // `key` names the documents: new writers only when a document changes.
  const writers = useMemo(() => docs.map((doc) => writer(doc, author)), [key, author]);

  return views.map((view, index) => ({
    ...view,
    organizationId: organizations[index]?.id ?? "",
    write: writers[index] ?? writer(null, author),
  }));
}
