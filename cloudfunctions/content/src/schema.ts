import { z } from 'zod';
import {
  NEWS_PAGE_SIZE_DEFAULT,
  NEWS_PAGE_SIZE_MAX,
  OPPORTUNITY_KINDS,
  SUBSCRIPTION_TOPICS,
} from '../../../contract/constants';
import { cursor, docId, text } from '../../_shared/validation';

/** Input schemas of every `content` action: strict (unknown keys are refused), typed, no operator objects. */

const TAG_MAX_CHARS = 30;
const LIMIT_MESSAGE = `每页数量须为 1–${NEWS_PAGE_SIZE_MAX} 之间的整数`;

export const noInput = z.strictObject({});

export const newsListInput = z.strictObject({
  limit: z
    .number({ error: LIMIT_MESSAGE })
    .int({ error: LIMIT_MESSAGE })
    .min(1, { error: LIMIT_MESSAGE })
    .max(NEWS_PAGE_SIZE_MAX, { error: LIMIT_MESSAGE })
    .default(NEWS_PAGE_SIZE_DEFAULT),
  cursor: cursor.optional(),
  tag: text({ label: '标签', max: TAG_MAX_CHARS }).optional(),
});

export const byIdInput = z.strictObject({ id: docId });

export const opportunitiesListInput = z.strictObject({
  type: z.enum(OPPORTUNITY_KINDS, { error: '合作类型不正确' }).optional(),
  cursor: cursor.optional(),
});

export const subscribeInput = z.strictObject({
  topic: z.enum(SUBSCRIPTION_TOPICS, { error: '订阅主题不正确' }),
});

export type NewsListInput = z.output<typeof newsListInput>;
export type ByIdInput = z.output<typeof byIdInput>;
export type OpportunitiesListInput = z.output<typeof opportunitiesListInput>;
export type SubscribeInput = z.output<typeof subscribeInput>;
export type NoInput = z.output<typeof noInput>;
