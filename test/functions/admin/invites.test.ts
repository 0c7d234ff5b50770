import { INVITE_CODE_ALPHABET, INVITE_TTL_HOURS } from '../../../contract/constants';
import {
  admin,
  auditEntries,
  docs,
  insertEnquiry,
  ok,
  OUTSIDER,
  snapshot,
  STAFF,
  staffCloudForSuite,
} from './support';
import type { TestCloud } from '../../harness/local-cloud';

const t = staffCloudForSuite();

/** What a refused redemption must leave as it was: the roster, the invitations and the audit trail. */
const guarded = async (cloud: TestCloud) => {
  const all = await snapshot(cloud);
  return { admins: all.admins, invites: all.invites, audit: all.audit };
};

const invite = async (name: string) =>
  ok<{ code: string; expiresAt: string }>(admin(t, 'staff.invite', { name }));

describe('staff invitations', () => {
  beforeAll(async () => {
    await ok(admin(t, 'staff.rename', { name: 'Mette' }));
  });

  it('invites a colleague who redeems the code, becomes staff under their name and appears by name on a note', async () => {
    const before = Date.now();
    const { code, expiresAt } = await invite('Anna');
    expect(code).toMatch(new RegExp(`^[${INVITE_CODE_ALPHABET}]{8,}$`));
    const ttl = Date.parse(expiresAt) - before;
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(INVITE_TTL_HOURS * 3600_000 + 60_000);
    // Only a hash of the code is stored.
    expect(JSON.stringify(await docs(t, 'invites'))).not.toContain(code);

    expect(await admin(t, 'whoami', {}, 'o-anna')).toMatchObject({ data: { isAdmin: false } });
    // Typed by hand: lower case, split in two.
    const typed = `${code.slice(0, 5).toLowerCase()} ${code.slice(5)}`;
    expect(await ok(admin(t, 'staff.redeem', { code: typed, name: 'Anna Holm' }, 'o-anna'))).toEqual({
      isAdmin: true,
    });
    expect(await admin(t, 'whoami', {}, 'o-anna')).toMatchObject({ data: { isAdmin: true } });

    const { items } = await ok(admin(t, 'staff.list'));
    expect(items).toContainEqual(
      expect.objectContaining({ openId: 'o-anna', name: 'Anna Holm', addedByName: 'Mette', self: false }),
    );
    expect(JSON.stringify(items)).not.toContain('"addedBy"');

    const enquiry = await insertEnquiry(t);
    await ok(
      admin(t, 'enquiries.update', { id: enquiry, status: 'in_progress', note: 'Called them' }, 'o-anna'),
    );
    const detail = await ok(admin(t, 'enquiries.get', { id: enquiry }));
    expect(detail.notes).toEqual([
      { at: expect.any(String), by: 'o-anna', author: 'Anna Holm', text: 'Called them' },
    ]);

    const [invited] = await auditEntries(t, 'staff.invite');
    expect(invited).toMatchObject({ actor: STAFF, actorName: 'Mette', details: { name: 'Anna' } });
    const [redeemed] = await auditEntries(t, 'staff.redeem');
    expect(redeemed).toMatchObject({
      actor: 'o-anna',
      actorName: 'Anna Holm',
      target: 'admins/o-anna',
      details: { invitedAs: 'Anna', added: true },
    });
    const [noted] = await auditEntries(t, 'enquiries.update');
    expect(noted).toMatchObject({ actor: 'o-anna', actorName: 'Anna Holm' });
  });

  it('refuses a used, an expired and an unknown code with FORBIDDEN and changes nothing', async () => {
    const used = await invite('Used');
    await ok(admin(t, 'staff.redeem', { code: used.code, name: 'First' }, 'o-first'));
    const expired = await invite('Late');
    await t.app
      .database()
      .collection('invites')
      .where({ name: 'Late' })
      .update({ expiresAt: new Date(Date.now() - 1000) });

    const before = await guarded(t);
    for (const code of [used.code, expired.code, 'ABCDEFGHJK']) {
      expect(await admin(t, 'staff.redeem', { code, name: 'Intruder' }, 'o-guess')).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(await guarded(t)).toEqual(before);
    expect(await admin(t, 'whoami', {}, 'o-guess')).toMatchObject({ data: { isAdmin: false } });
  });

  it('answers RATE_LIMITED after five failed codes within an hour, even to a good code', async () => {
    const good = await invite('Patient');
    for (let i = 0; i < 5; i += 1) {
      expect(
        await admin(t, 'staff.redeem', { code: `WRONGCODE${i}`, name: 'Guess' }, 'o-guesser'),
      ).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
    }
    const before = await guarded(t);
    expect(await admin(t, 'staff.redeem', { code: good.code, name: 'Guess' }, 'o-guesser')).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });
    expect(await guarded(t)).toEqual(before);
    // Another caller is not held back by these failures, and the code still works.
    await ok(admin(t, 'staff.redeem', { code: good.code, name: 'Patient' }, 'o-patient'));
  });

  it('lets only staff invite, and only themselves rename', async () => {
    const before = await snapshot(t);
    expect(await admin(t, 'staff.invite', { name: 'Sneaky' }, OUTSIDER)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await admin(t, 'staff.rename', { name: 'Sneaky' }, OUTSIDER)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await snapshot(t)).toEqual(before);

    expect(await ok(admin(t, 'staff.rename', { name: 'Anna H.' }, 'o-anna'))).toEqual({ name: 'Anna H.' });
    const [doc] = await docs(t, 'admins', { _id: 'o-anna' });
    expect(doc.name).toBe('Anna H.');
    expect(await admin(t, 'staff.rename', { name: '' }, 'o-anna')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });
});
