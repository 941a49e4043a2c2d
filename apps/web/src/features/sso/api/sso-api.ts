import type { SsoSettingsRequest, SsoStartRequest } from "@entente/protocol";
import { api } from "../../../lib/api-client";

export const ssoApi = {
  start: (request: SsoStartRequest) => api.call("POST /api/auth/sso/start", request),
  settings: (organizationId: string) =>
    api.call("GET /api/organizations/:id/sso", { id: organizationId }),
  save: (organizationId: string, request: SsoSettingsRequest) =>
    api.call("PUT /api/organizations/:id/sso", { id: organizationId }, request),
  remove: (organizationId: string) =>
    api.call("DELETE /api/organizations/:id/sso", { id: organizationId }),
};
