/**
 * What may be public: the public renderer (`content`) signs links only for files in the public
 * folders (news covers and body images, opportunity files); staff saving a body, cover or
 * attachment that names any other file (an export with personal data, a path climbing out of a
 * public folder) get a field error and nothing is stored.
 */
import { newsItem, opportunity, seedDatabase } from '../../harness/seed';
import { admin, draft, staffCloudForSuite, STAFF } from '../admin/support';
import { world } from './support';

const t = staffCloudForSuite();
const BUCKET = 'cloud://local.local-bucket';

let publicImage: string;
let exportFile: string;

beforeAll(async () => {
  publicImage = (
    await t.app.uploadFile({ cloudPath: 'news-covers/public.png', fileContent: Buffer.from('public-bytes') })
  ).fileID;
  exportFile = (
    await t.app.uploadFile({
      cloudPath: 'exports/enquiries-20261205.png',
      fileContent: Buffer.from('王伟,wang.wei@example.cn'),
    })
  ).fileID;
});

const PRIVATE_REFERENCES = [
  () => exportFile,
  () => `${BUCKET}/news-covers/../exports/enquiries-20261205.png`,
  () => `${BUCKET}/news-covers/%2E%2E/exports/enquiries-20261205.png`,
  () => `${BUCKET}/private/photo.png`,
];

describe('the public renderer signs public folders only', () => {
  it('gives an already published body no link to an export, and still links the public image', async () => {
    await seedDatabase(t.app, {
      news: [
        newsItem({
          _id: 'news-naming-an-export',
          publishAt: new Date('2020-01-01T00:00:00Z'),
          cover: { fileId: exportFile, alt: '封面' },
          body: `![公开](${publicImage})\n\n${PRIVATE_REFERENCES.map((ref) => `![x](${ref()})`).join('\n\n')}`,
        }),
      ],
    });
    const res = await t.call<{ ok: boolean; data: unknown }>(
      'content',
      { action: 'news.get', data: { id: 'news-naming-an-export' } },
      'o-reader',
    );
    expect(res).toMatchObject({ ok: true });
    const text = JSON.stringify(res.data);
    expect(text).not.toContain('exports');
    expect(text).not.toContain('private/photo');
    // The public image is still shown, by a signed link.
    expect(text).toMatch(/news-covers\/public\.png/);
    const list = await t.call<{ ok: boolean; data: unknown }>(
      'content',
      { action: 'news.list', data: {} },
      'o-reader',
    );
    expect(JSON.stringify(list)).not.toContain('exports');
  });
});

describe('staff cannot make a private file public', () => {
  it.each(PRIVATE_REFERENCES.map((ref, i) => [i, ref] as const))(
    'refuses a body naming private file #%i, with a field error, storing nothing',
    async (_i, ref) => {
      const before = await world(t);
      const res = await admin(t, 'news.save', draft({ body: `## 附件\n\n![图](${ref()})` }), STAFF);
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', fields: { body: expect.any(String) } },
      });
      expect(await world(t)).toEqual(before);
    },
  );

  it('refuses a private cover', async () => {
    const before = await world(t);
    expect(
      await admin(t, 'news.save', draft({ cover: { fileId: exportFile, alt: '封面' } }), STAFF),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { 'cover.fileId': expect.any(String) } },
    });
    expect(await world(t)).toEqual(before);
  });

  it('accepts a body and cover from the public folders', async () => {
    const res = await admin(
      t,
      'news.save',
      draft({ body: `![图](${publicImage})`, cover: { fileId: publicImage, alt: '封面' } }),
      STAFF,
    );
    expect(res).toMatchObject({ ok: true });
  });

  it('refuses to publish stored content that names a private file, changing nothing', async () => {
    await seedDatabase(t.app, {
      news: [
        newsItem({
          _id: 'draft-naming-an-export',
          status: 'draft',
          body: `![x](${exportFile})`,
        }),
      ],
      opportunities: [
        opportunity({
          _id: 'opportunity-draft-with-export',
          status: 'draft',
          attachments: [{ fileId: exportFile, name: '导出.pdf', sizeBytes: 10 }],
        }),
      ],
    });
    const before = await world(t);
    expect(await admin(t, 'news.publish', { id: 'draft-naming-an-export' }, STAFF)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { body: expect.any(String) } },
    });
    expect(
      await admin(t, 'opportunities.publish', { id: 'opportunity-draft-with-export' }, STAFF),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { 'attachments.0.fileId': expect.any(String) } },
    });
    expect(await world(t)).toEqual(before);
  });
});
