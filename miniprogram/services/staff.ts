import type { WhoamiOutput } from '../contract/api/admin';
import { call } from './cloud';

/**
 * Who the caller is to the `admin` function: staff or not, and their OPENID. Only decides whether
 * the staff entry is shown; every staff action re-checks on the server. A read, so retried once.
 */
export function whoami(): Promise<WhoamiOutput> {
  return call('admin', 'whoami', {}, { retry: true });
}
