import type { MyEnquiry } from '../../../contract/api/enquiry';
import type { EnquiryTopic } from '../../../contract/models';

/**
 * The enquiries this phone has listed (kept in wx storage): when one of them is no longer there
 * (erased on request or at the end of its retention), 我的咨询 and the detail page say 已删除
 * instead of leaving a silent gap. Only what identifies an enquiry to its sender is kept.
 */
export interface SeenEnquiry {
  id: string;
  ref: string;
  topic: EnquiryTopic;
  createdAt: string;
  erased: boolean;
}

const SEEN_KEY = 'enquiry.seen';
/** Enough for anyone's own enquiries (five an hour at most); the oldest go first. */
const SEEN_MAX = 100;

function readSeen(): SeenEnquiry[] {
  try {
    const stored: unknown = wx.getStorageSync(SEEN_KEY);
    return Array.isArray(stored)
      ? stored.filter(
          (entry): entry is SeenEnquiry =>
            typeof entry === 'object' &&
            entry !== null &&
            typeof (entry as SeenEnquiry).id === 'string' &&
            typeof (entry as SeenEnquiry).createdAt === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

function writeSeen(entries: SeenEnquiry[]): void {
  const newestFirst = [...entries].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  try {
    wx.setStorageSync(SEEN_KEY, newestFirst.slice(0, SEEN_MAX));
  } catch {
    // Storage full or unavailable: only the 已删除 notice is lost.
  }
}

/**
 * Records `listed` (a run of 我的咨询, newest first, from its top down to `listed`'s last item or
 * to the end when `complete`) and answers the enquiries seen before that fall in that run but are
 * gone from it: erased.
 */
export function reconcileSeen(listed: readonly MyEnquiry[], complete: boolean): SeenEnquiry[] {
  const ids = new Set(listed.map((item) => item.id));
  const oldest = listed[listed.length - 1]?.createdAt ?? '';
  const kept = readSeen().map((entry) => {
    const covered = complete || entry.createdAt >= oldest;
    return covered && !ids.has(entry.id) ? { ...entry, erased: true } : entry;
  });
  const known = new Set(kept.map((entry) => entry.id));
  const added = listed
    .filter((item) => !known.has(item.id))
    .map((item) => ({
      id: item.id,
      ref: item.ref,
      topic: item.topic,
      createdAt: item.createdAt,
      erased: false,
    }));
  const all = [...kept, ...added];
  writeSeen(all);
  return all.filter((entry) => entry.erased);
}

/** Records that the enquiry `id` is gone (its detail answered NOT_FOUND); true when it was seen before. */
export function markErased(id: string): boolean {
  const entries = readSeen();
  const entry = entries.find((seen) => seen.id === id);
  if (!entry) return false;
  entry.erased = true;
  writeSeen(entries);
  return true;
}
