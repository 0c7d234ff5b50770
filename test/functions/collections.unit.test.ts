import fs from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../../contract/constants';

/** The one list of collections the code names is the list the deployment creates. */
describe('collections', () => {
  it('are exactly those cloudbase/manifest.json declares', () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(__dirname, '../../cloudbase/manifest.json'), 'utf8'),
    ) as { collections: { name: string }[] };
    const declared = manifest.collections.map((collection) => collection.name).sort();
    expect(Object.values(COLLECTIONS).sort()).toEqual(declared);
  });
});
