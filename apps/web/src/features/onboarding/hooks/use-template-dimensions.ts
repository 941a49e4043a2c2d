import type { HealthDimension } from "@entente/protocol";
import { useQuery } from "@tanstack/react-query";
import { onboardingQueries } from "../api/onboarding-queries";

/** The health check dimensions the partnership's template offers; null without a template. */
export function useTemplateDimensions(partnershipId: string): HealthDimension[] | null {
  const { data } = useQuery(onboardingQueries.templateUsed(partnershipId));
  return data?.template?.healthDimensions ?? null;
}
