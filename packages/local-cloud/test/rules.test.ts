import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkRuleExpression } from '../src/rules';
import { startFixtureCloud } from './helpers';

/** Security rules in the manifest: the documented forms are accepted, anything else fails the start. */

const DOCUMENTED = [
  { read: false, write: false },
  { read: true, write: false },
  { read: true, write: 'doc._openid == auth.openid' },
  { read: 'doc._openid == auth.openid', write: 'doc._openid == auth.openid' },
  { read: 'doc.published == true || doc.author == auth.openid', write: 'doc.author == auth.openid' },
  { read: 'doc.userId == auth.openid || doc.userId == auth.uid', write: 'auth != null' },
  { read: true, create: 'auth.openid == doc._openid', update: 'auth.openid == doc._openid', delete: false },
  { read: 'get(`database.admins.${auth.openid}`).role == "staff"', write: false },
  { read: "doc.status in ['open', 'closed'] && now > doc.publishAt", write: '!(auth == null)' },
];

function manifestWith(rules: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-rules-'));
  const file = path.join(dir, 'manifest.json');
  fs.writeFileSync(file, JSON.stringify({ collections: [{ name: 'items', rules, indexes: [] }] }));
  return file;
}

describe('rule expressions', () => {
  it.each(DOCUMENTED.flatMap((rules) => Object.values(rules).filter((v) => typeof v === 'string')))(
    'accepts %s',
    (source) => {
      expect(() => checkRuleExpression(source as string)).not.toThrow();
    },
  );

  it.each([
    ['user.id == auth.openid', /unknown variable "user"/],
    ['doc._openid = auth.openid', /unexpected "="/],
    ['doc._openid == ', /expected a value/],
    ['(auth != null', /expected "\)"/],
    ['doc. == 1', /field name/],
    ['auth.openid auth.uid', /unexpected text/],
  ])('refuses %s', (source, reason) => {
    expect(() => checkRuleExpression(source)).toThrow(reason);
  });
});

describe('manifest rules at start', () => {
  it.each(DOCUMENTED.map((rules) => [JSON.stringify(rules), rules]))(
    'starts with %s, and server SDK access is unaffected',
    async (_label, rules) => {
      const t = await startFixtureCloud({ manifestPath: manifestWith(rules) });
      try {
        await t.app.database().collection('items').add({ _id: 'a', n: 1 });
        expect((await t.app.database().collection('items').get()).data).toEqual([{ _id: 'a', n: 1 }]);
      } finally {
        await t.close();
      }
    },
  );

  it.each([
    [{ read: true }, /write/],
    [{ write: false }, /read/],
    [{ read: true, write: false, list: true }, /list/],
    [{ read: 'doc.a === 1', write: false }, /invalid rule expression/],
    [{ read: 1, write: false }, /rules\.read/],
  ])('refuses %j', async (rules, reason) => {
    await expect(startFixtureCloud({ manifestPath: manifestWith(rules) })).rejects.toThrow(reason);
  });
});
