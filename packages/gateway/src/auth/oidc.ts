import * as client from 'openid-client';
import type { KommunConfig } from '../config/schema.js';

/** The OIDC Sweden claim that carries the personnummer. */
export const personnummerClaim = 'https://id.oidc.se/claim/personalIdentityNumber';

/**
 * The identity provider of each kommun, discovered on first use and cached. A failed
 * discovery is not cached, so a provider that was down is tried again on the next login.
 */
export class IdentityProviders {
  private readonly configurations = new Map<string, Promise<client.Configuration>>();

  for(kommun: KommunConfig): Promise<client.Configuration> {
    const idp = kommun.identityProvider;
    if (!idp) return Promise.reject(new Error(`Kommun ${kommun.id} has no identity provider configured`));
    let configuration = this.configurations.get(kommun.id);
    if (!configuration) {
      const issuer = new URL(idp.issuer);
      configuration = client.discovery(
        issuer,
        idp.clientId,
        idp.clientSecret,
        undefined,
        // Plain http is allowed only for an identity provider on this machine (development).
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated only to stand out, as here
        issuer.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(issuer.hostname) ? { execute: [client.allowInsecureRequests] } : {},
      );
      configuration.catch(() => this.configurations.delete(kommun.id));
      this.configurations.set(kommun.id, configuration);
    }
    return configuration;
  }
}

export { client };
