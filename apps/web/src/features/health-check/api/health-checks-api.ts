import type { CreateHealthCheckRequest, HealthCheckAnswerRequest } from "@entente/protocol";
import { api } from "../../../lib/api-client";

export const healthChecksApi = {
  /** Newest first. */
  list: (partnershipId: string) =>
    api.call("GET /api/partnerships/:id/health-checks", { id: partnershipId }),
  open: (partnershipId: string, body: CreateHealthCheckRequest) =>
    api.call("POST /api/partnerships/:id/health-checks", { id: partnershipId }, body),
  read: (id: string) => api.call("GET /api/health-checks/:healthCheckId", { healthCheckId: id }),
  answer: (id: string, body: HealthCheckAnswerRequest) =>
    api.call("POST /api/health-checks/:healthCheckId/responses", { healthCheckId: id }, body),
  close: (id: string) =>
    api.call("POST /api/health-checks/:healthCheckId/close", { healthCheckId: id }),
};
