/**
 * 信息截至… and 更新于…: the public answers carry the source's date as the source gives it, and
 * when the profile was last saved: the seed's check until staff save it, then the save.
 */
import { PROFILE } from '../../../cloudbase/seed/profile';
import { admin, ok, staffCloudForSuite, type Data, type Envelope } from '../admin/support';

const t = staffCloudForSuite({ seeded: true });

const publicCall = (action: 'home' | 'profile') =>
  ok(t.call<Envelope<Data>>('content', { action, data: {} }, 'o-reader'));

describe('as of', () => {
  it("answers the seed's dates until staff save the profile, then the moment of the save", async () => {
    const seeded = await publicCall('home');
    expect(seeded.sourceAsOf).toBe('2016年');
    expect(seeded.updatedAt).toBe(PROFILE.updatedAt.toISOString());
    expect((await publicCall('profile')).source.asOf).toBe('2016年');

    const intro = {
      ...PROFILE.intro,
      paragraphs: [...PROFILE.intro.paragraphs, '国际事务办公室补充的一段说明。'],
    };
    const saved = await ok(admin(t, 'profile.save', { intro }));
    expect(Date.parse(saved.updatedAt)).toBeGreaterThan(PROFILE.updatedAt.getTime());

    const home = await publicCall('home');
    const profile = await publicCall('profile');
    expect(home.updatedAt).toBe(saved.updatedAt);
    expect(profile.updatedAt).toBe(saved.updatedAt);
    // The source's date is the source's: a save does not move it.
    expect(home.sourceAsOf).toBe('2016年');
    expect(profile.intro.paragraphs.at(-1)).toBe('国际事务办公室补充的一段说明。');
  });
});
