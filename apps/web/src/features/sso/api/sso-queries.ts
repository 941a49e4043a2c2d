import { queryOptions } from "@tanstack/react-query";
import { ssoApi } from "./sso-api";

export const ssoKeys = {
  settings: (organizationId: string) => ["sso-settings", organizationId] as const,
};

export const ssoQueries = {
  settings: (organizationId: string) =>
    queryOptions({
      queryKey: ssoKeys.settings(organizationId),
      queryFn: () => ssoApi.settings(organizationId),
    }),
};
