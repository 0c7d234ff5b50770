import { admin, auditEntries, docs, insertSubscription, ok, STAFF, staffCloudForSuite } from './support';

const t = staffCloudForSuite();

const roster = async () =>
  (await ok(admin(t, 'staff.list'))).items.map((m: { openId: string }) => m.openId).sort();

describe('staff roster', () => {
  it('lists the staff seeded from ADMIN_OPENIDS, marking the caller', async () => {
    const { items } = await ok(admin(t, 'staff.list'));
    // The seed has no display name and was added by no one on the roster: no name is invented.
    expect(items).toEqual([{ openId: STAFF, addedAt: expect.any(String), self: true }]);
  });

  it('adds a colleague, who then passes the server check; adding again changes nothing but the name', async () => {
    expect(await admin(t, 'whoami', {}, 'o-colleague')).toMatchObject({ data: { isAdmin: false } });
    expect(await ok(admin(t, 'staff.add', { openId: 'o-colleague', name: '李娜' }))).toEqual({
      openId: 'o-colleague',
      added: true,
    });
    expect(await admin(t, 'whoami', {}, 'o-colleague')).toMatchObject({ data: { isAdmin: true } });
    expect(await ok(admin(t, 'staff.list', {}, 'o-colleague'))).toMatchObject({ items: expect.any(Array) });
    expect(await ok(admin(t, 'staff.add', { openId: 'o-colleague', name: '李娜（国际处）' }))).toEqual({
      openId: 'o-colleague',
      added: false,
    });
    const [doc] = await docs(t, 'admins', { _id: 'o-colleague' });
    expect(doc).toMatchObject({ addedBy: STAFF, name: '李娜（国际处）' });
    const entries = (await auditEntries(t, 'staff.add')).filter((e) => e.target === 'admins/o-colleague');
    expect(entries.map((e) => e.details)).toEqual([{ added: true }, { added: false }]);
  });

  it('removes a colleague (and their alert credits), who is then FORBIDDEN', async () => {
    await ok(admin(t, 'staff.add', { openId: 'o-leaver' }));
    await ok(admin(t, 'alerts.subscribe', {}, 'o-leaver'));
    expect(await ok(admin(t, 'staff.remove', { openId: 'o-leaver' }))).toEqual({ openId: 'o-leaver' });
    expect(await admin(t, 'staff.list', {}, 'o-leaver')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await docs(t, 'subscriptions', { _openid: 'o-leaver' })).toHaveLength(0);
    expect(await admin(t, 'staff.remove', { openId: 'o-leaver' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const [entry] = (await auditEntries(t, 'staff.remove')).filter((e) => e.target === 'admins/o-leaver');
    expect(entry).toMatchObject({ actor: STAFF, at: expect.any(Date) });
  });

  it('never removes the last staff member', async () => {
    await ok(admin(t, 'staff.remove', { openId: 'o-colleague' }));
    expect(await roster()).toEqual([STAFF]);
    const res = await admin(t, 'staff.remove', { openId: STAFF });
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await roster()).toEqual([STAFF]);
  });

  it('keeps one staff member when two remove each other (or themselves) at the same time', async () => {
    await ok(admin(t, 'staff.add', { openId: 'o-second' }));
    const results = await Promise.all([
      admin(t, 'staff.remove', { openId: 'o-second' }, STAFF),
      admin(t, 'staff.remove', { openId: STAFF }, 'o-second'),
      admin(t, 'staff.remove', { openId: STAFF }, STAFF),
      admin(t, 'staff.remove', { openId: 'o-second' }, 'o-second'),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await roster()).toHaveLength(1);
    // Put things back for whoever is left.
    const [left] = await roster();
    if (left !== STAFF) await ok(admin(t, 'staff.add', { openId: STAFF }, left));
  });

  it('validates the OPENID and name', async () => {
    const res = await admin(t, 'staff.add', { openId: 'not an openid!', name: 'x'.repeat(31) });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { openId: expect.any(String), name: expect.any(String) } },
    });
    expect(await admin(t, 'staff.remove', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { openId: expect.any(String) } },
    });
  });

  it('records new-enquiry alert credits for staff, up to a limit', async () => {
    const first = await ok(admin(t, 'alerts.subscribe'));
    expect(first).toEqual({ open: 1, recorded: true });
    await insertSubscription(t, STAFF, 'news');
    expect(await ok(admin(t, 'alerts.subscribe'))).toEqual({ open: 2, recorded: true });
    const alerts = await docs(t, 'subscriptions', { _openid: STAFF, topic: 'enquiry_alert', status: 'open' });
    expect(alerts).toHaveLength(2);
    expect((await auditEntries(t, 'alerts.subscribe')).filter((e) => e.actor === STAFF)).toHaveLength(2);
    for (let open = 3; open <= 20; open += 1) await ok(admin(t, 'alerts.subscribe'));
    expect(await ok(admin(t, 'alerts.subscribe'))).toEqual({ open: 20, recorded: false });
    expect(await docs(t, 'subscriptions', { _openid: STAFF, topic: 'enquiry_alert' })).toHaveLength(20);
  });
});
