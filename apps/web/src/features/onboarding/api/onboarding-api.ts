import { api } from "../../../lib/api-client";

export const onboardingApi = {
  templates: () => api.call("GET /api/partnership-templates"),
  checklist: (partnershipId: string) =>
    api.call("GET /api/partnerships/:id/checklist", { id: partnershipId }),
  templateUsed: (partnershipId: string) =>
    api.call("GET /api/partnerships/:id/template", { id: partnershipId }),
};
