import type { Adapters } from '../adapters/adapters.js';
import type { SigningKeyRing } from '../adapters/signing-keys.js';

/** App session tokens are signed and verified with the API's signing keys. */
export interface AppSessionsDeps {
  keys: SigningKeyRing;
}

export function appSessionsDeps(adapters: Adapters): AppSessionsDeps {
  return { keys: adapters.keys };
}
