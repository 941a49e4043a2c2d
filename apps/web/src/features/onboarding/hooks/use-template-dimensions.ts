import type { HealthDimension } from "@entente/protocol";
import { useResource } from "../../../lib/use-resource";
import { onboardingApi } from "../api/onboarding-api";

const loadDimensions = (partnershipId: string) =>
  onboardingApi.templateUsed(partnershipId).then((r) => r.template?.healthDimensions ?? null);

/** The health check dimensions the partnership's template offers; null without a template. */
export function useTemplateDimensions(partnershipId: string): HealthDimension[] | null {
  const { state } = useResource(partnershipId, loadDimensions);
  return state.status === "ready" ? state.data : null;
}
