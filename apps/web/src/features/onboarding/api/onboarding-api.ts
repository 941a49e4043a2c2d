import type {
  ChecklistResponse,
  PartnershipTemplateListResponse,
  PartnershipTemplateUsedResponse,
} from "@entente/protocol";
import { api } from "../../../lib/api-client";

const partnership = (id: string) => `/api/partnerships/${encodeURIComponent(id)}`;

export const onboardingApi = {
  templates: () => api.get<PartnershipTemplateListResponse>("/api/partnership-templates"),
  checklist: (partnershipId: string) =>
    api.get<ChecklistResponse>(`${partnership(partnershipId)}/checklist`),
  templateUsed: (partnershipId: string) =>
    api.get<PartnershipTemplateUsedResponse>(`${partnership(partnershipId)}/template`),
};
