import { isLoopbackHttp } from "@entente/protocol/schemas";
import * as oidc from "openid-client";

export interface ProviderCredentials {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface ProviderClientOptions {
  /**
   * Seconds added to this server's clock when checking token times (openid-client's
   * `clockSkew`): tests move it to see an expired ID token refused, without waiting.
   */
  clockSkewSeconds?: number | undefined;
}

/**
 * The relying party's view of one organization's provider: discovery through openid-client,
 * cached per issuer, client and secret (a changed configuration is discovered again).
 */
export class ProviderClients {
  private readonly cache = new Map<string, Promise<oidc.Configuration>>();

  constructor(private readonly options: ProviderClientOptions = {}) {}

  configuration(credentials: ProviderCredentials): Promise<oidc.Configuration> {
    const key = JSON.stringify([
      credentials.issuer,
      credentials.clientId,
      credentials.clientSecret,
    ]);
    let found = this.cache.get(key);
    if (!found) {
      found = this.discover(credentials);
      // A failed discovery is tried again next time (the provider may be back).
      found.catch(() => this.cache.delete(key));
      this.cache.set(key, found);
    }
    return found;
  }

  private discover({ issuer, clientId, clientSecret }: ProviderCredentials) {
    const url = new URL(issuer);
    const metadata: Partial<oidc.ClientMetadata> = { client_secret: clientSecret };
    if (this.options.clockSkewSeconds) metadata[oidc.clockSkew] = this.options.clockSkewSeconds;
    return oidc.discovery(url, clientId, metadata, oidc.ClientSecretBasic(clientSecret), {
      ...(isLoopbackHttp(url) ? { execute: [oidc.allowInsecureRequests] } : {}),
      timeout: 10,
    });
  }
}
