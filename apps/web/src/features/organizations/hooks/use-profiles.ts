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

/** The writes of one list of a profile. */
export interface ProfileEntryWriter<Input, Patch> {
  add: (input: Input) => string;
  update: (id: string, patch: Patch) => boolean;
  remove: (id: string) => boolean;
}

/** The writes of one organization's profile, list by list (the server refuses them from anyone else). */
export interface ProfileWriter {
  contribution: ProfileEntryWriter<ContributionInput, ContributionPatch>;
  constraint: ProfileEntryWriter<ConstraintInput, ConstraintPatch>;
  ambition: ProfileEntryWriter<AmbitionInput, AmbitionPatch>;
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
    contribution: {
      add: (input) => addContribution(d(), input, author),
      update: (id, patch) => updateContribution(d(), id, patch),
      remove: (id) => removeContribution(d(), id),
    },
    constraint: {
      add: (input) => addConstraint(d(), input, author),
      update: (id, patch) => updateConstraint(d(), id, patch),
      remove: (id) => removeConstraint(d(), id),
    },
    ambition: {
      add: (input) => addAmbition(d(), input, author),
      update: (id, patch) => updateAmbition(d(), id, patch),
      remove: (id) => removeAmbition(d(), id),
    },
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
