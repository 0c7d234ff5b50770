import type { z } from 'zod';
import type { ContentApi } from '../../../contract/api/content';
import { action, createMain, type Action } from '../../_shared/function';
import { contact } from './handlers/contact';
import { home } from './handlers/home';
import { newsGet } from './handlers/news-get';
import { newsList } from './handlers/news-list';
import { opportunitiesGet } from './handlers/opportunities-get';
import { opportunitiesList } from './handlers/opportunities-list';
import { profile } from './handlers/profile';
import { subscribe } from './handlers/subscribe';
import { byIdInput, newsListInput, noInput, opportunitiesListInput, subscribeInput } from './schema';

/** Every action of contract/api/content, each answering its declared output. */
type ContentActions = {
  [A in keyof ContentApi]: Action<z.ZodType<unknown, ContentApi[A]['input']>, ContentApi[A]['output']>;
};

const actions: ContentActions = {
  home: action(noInput, home),
  profile: action(noInput, profile),
  contact: action(noInput, contact),
  'news.list': action(newsListInput, newsList),
  'news.get': action(byIdInput, newsGet),
  'opportunities.list': action(opportunitiesListInput, opportunitiesList),
  'opportunities.get': action(byIdInput, opportunitiesGet),
  subscribe: action(subscribeInput, subscribe),
};

export const main = createMain('content', actions);
