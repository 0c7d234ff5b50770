/** Once per `npm run test:e2e`: start from an empty screenshot folder, so every journey file adds to it. */
import { clearScreenshots } from './harness';

export default function globalSetup(): void {
  clearScreenshots();
}
