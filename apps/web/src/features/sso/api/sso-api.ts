import type {
  SsoSettingsRequest,
  SsoSettingsResponse,
  SsoStartRequest,
  SsoStartResponse,
} from "@entente/protocol";
import { api } from "../../../lib/api-client";

const settingsPath = (organizationId: string) =>
  `/api/organizations/${encodeURIComponent(organizationId)}/sso`;

export const ssoApi = {
  start: (request: SsoStartRequest) => api.post<SsoStartResponse>("/api/auth/sso/start", request),
  settings: (organizationId: string) => api.get<SsoSettingsResponse>(settingsPath(organizationId)),
  save: (organizationId: string, request: SsoSettingsRequest) =>
    api.put<SsoSettingsResponse>(settingsPath(organizationId), request),
  remove: (organizationId: string) => api.delete(settingsPath(organizationId)),
};
