/**
 * Tampered pagination cursors: a date outside a JavaScript Date's range, a fractional or non-number
 * date, an id of the wrong shape or a wrong number of values is INVALID_ARGUMENT (naming the cursor)
 * in every list of every function, and changes nothing.
 */
import { admin, STAFF, staffCloudForSuite, type Envelope } from '../admin/support';
import { world } from './support';

const t = staffCloudForSuite();

const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

const BAD_DATES: unknown[] = [
  { d: 1e300 },
  { d: -1e300 },
  { d: 8.64e15 + 1 },
  { d: 1.5 },
  { d: '1700000000000' },
  { d: null },
  {},
];
const BAD_IDS: unknown[] = ['', 'a'.repeat(65), '../exports/x', 'id with space', { $gt: '' }, 7, null];
const GOOD_DATE = { d: Date.UTC(2026, 0, 1) };

/** Every list of every function, with the cursor's value layout. */
const LISTS: { name: string; call: (cursor: string) => Promise<Envelope>; layout: 'pinned' | 'plain' }[] = [
  {
    name: 'content news.list',
    call: (cursor) => t.call('content', { action: 'news.list', data: { cursor } }, 'o-reader'),
    layout: 'pinned',
  },
  {
    name: 'content opportunities.list',
    call: (cursor) => t.call('content', { action: 'opportunities.list', data: { cursor } }, 'o-reader'),
    layout: 'plain',
  },
  {
    name: 'enquiry mine',
    call: (cursor) => t.call('enquiry', { action: 'mine', data: { cursor } }, 'o-reader'),
    layout: 'plain',
  },
  { name: 'admin news.list', call: (cursor) => admin(t, 'news.list', { cursor }, STAFF), layout: 'plain' },
  {
    name: 'admin opportunities.list',
    call: (cursor) => admin(t, 'opportunities.list', { cursor }, STAFF),
    layout: 'plain',
  },
  {
    name: 'admin enquiries.list',
    call: (cursor) => admin(t, 'enquiries.list', { cursor }, STAFF),
    layout: 'plain',
  },
];

function tampered(layout: 'pinned' | 'plain'): string[] {
  const wrap = (date: unknown, id: unknown) => (layout === 'pinned' ? [false, date, id] : [date, id]);
  return [
    ...BAD_DATES.map((date) => cursorOf(wrap(date, 'abc123'))),
    ...BAD_IDS.map((id) => cursorOf(wrap(GOOD_DATE, id))),
    cursorOf(wrap(GOOD_DATE, 'abc123').slice(1)),
    cursorOf([...wrap(GOOD_DATE, 'abc123'), 'extra']),
    ...(layout === 'pinned' ? [cursorOf(['false', GOOD_DATE, 'abc123'])] : []),
  ];
}

describe.each(LISTS)('$name', ({ call, layout }) => {
  it('answers a well-formed cursor', async () => {
    const wrap = layout === 'pinned' ? [false, GOOD_DATE, 'abc123'] : [GOOD_DATE, 'abc123'];
    expect(await call(cursorOf(wrap))).toMatchObject({ ok: true, data: { items: expect.any(Array) } });
  });

  it('refuses every tampered cursor as INVALID_ARGUMENT and changes nothing', async () => {
    const before = await world(t);
    for (const cursor of tampered(layout)) {
      const res = await call(cursor);
      expect({ cursor, res }).toMatchObject({
        res: { ok: false, error: { code: 'INVALID_ARGUMENT', fields: { cursor: expect.any(String) } } },
      });
    }
    expect(await world(t)).toEqual(before);
  });
});
