import { queryOptions } from "@tanstack/react-query";
import { partnershipKey, polled } from "../../../lib/query-keys";
import { onboardingApi } from "./onboarding-api";

export const onboardingKeys = {
  templates: () => ["partnership-templates"] as const,
  checklist: (partnershipId: string) => [...partnershipKey(partnershipId), "checklist"] as const,
  templateUsed: (partnershipId: string) =>
    [...partnershipKey(partnershipId), "template-used"] as const,
};

export const onboardingQueries = {
  templates: () =>
    queryOptions({
      queryKey: onboardingKeys.templates(),
      queryFn: () => onboardingApi.templates().then((r) => r.templates),
      staleTime: Infinity,
    }),
  /** The first steps, ticked by the server from what both sides did: polled. */
  checklist: (partnershipId: string) =>
    queryOptions({
      queryKey: onboardingKeys.checklist(partnershipId),
      queryFn: () => onboardingApi.checklist(partnershipId),
      ...polled(10_000),
    }),
  templateUsed: (partnershipId: string) =>
    queryOptions({
      queryKey: onboardingKeys.templateUsed(partnershipId),
      queryFn: () => onboardingApi.templateUsed(partnershipId),
      staleTime: Infinity,
    }),
};
