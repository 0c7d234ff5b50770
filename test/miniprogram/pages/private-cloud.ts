import { startChildCloud, type ChildCloud } from '../../harness/child-cloud';

/**
 * A local cloud of a test file's own, for page tests that change public content (which the shared,
 * seeded cloud of every other page test must not see).
 */
export type PrivateCloud = ChildCloud;

export function startPrivateCloud(): Promise<PrivateCloud> {
  return startChildCloud('page-test-cloud-');
}
