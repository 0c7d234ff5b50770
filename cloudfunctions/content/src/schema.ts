import type * as z from 'zod/mini';
import {
  byId,
  contentNewsList,
  contentOpportunitiesList,
  contentSubscribe,
  noInput as noInputRule,
} from '../../../contract/rules';
import { schemaOf } from '../../_shared/validation';

/** Input schemas of every `content` action, from the shared rules: strict, typed, no operator objects. */

export const noInput = schemaOf(noInputRule);
export const newsListInput = schemaOf(contentNewsList);
export const byIdInput = schemaOf(byId);
export const opportunitiesListInput = schemaOf(contentOpportunitiesList);
export const subscribeInput = schemaOf(contentSubscribe);

export type NewsListInput = z.output<typeof newsListInput>;
export type ByIdInput = z.output<typeof byIdInput>;
export type OpportunitiesListInput = z.output<typeof opportunitiesListInput>;
export type SubscribeInput = z.output<typeof subscribeInput>;
export type NoInput = z.output<typeof noInput>;
