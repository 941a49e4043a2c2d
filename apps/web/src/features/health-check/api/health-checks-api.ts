import type {
  CreateHealthCheckRequest,
  HealthCheckAnswerRequest,
  HealthCheckCreatedResponse,
  HealthCheckListResponse,
  HealthCheckResponse,
} from "@entente/protocol";
import { api } from "../../../lib/api-client";

const cycle = (id: string) => `/api/health-checks/${encodeURIComponent(id)}`;

export const healthChecksApi = {
  /** Newest first. */
  list: (partnershipId: string) =>
    api.get<HealthCheckListResponse>(
      `/api/partnerships/${encodeURIComponent(partnershipId)}/health-checks`,
    ),
  open: (partnershipId: string, body: CreateHealthCheckRequest) =>
    api.post<HealthCheckCreatedResponse>(
      `/api/partnerships/${encodeURIComponent(partnershipId)}/health-checks`,
      body,
    ),
  read: (id: string) => api.get<HealthCheckResponse>(cycle(id)),
  answer: (id: string, body: HealthCheckAnswerRequest) =>
    api.post<{ answered: true }>(`${cycle(id)}/responses`, body),
  close: (id: string) => api.post<HealthCheckResponse>(`${cycle(id)}/close`, {}),
};
