import type { ContentApi } from '../../../contract/api/content';
import { action, createMain, type ActionsOf } from '../../_shared/function';
import { contact } from './handlers/contact';
import { home } from './handlers/home';
import { newsGet } from './handlers/news-get';
import { newsList } from './handlers/news-list';
import { opportunitiesGet } from './handlers/opportunities-get';
import { opportunitiesList } from './handlers/opportunities-list';
import { profile } from './handlers/profile';
import { subscribe } from './handlers/subscribe';
import { byIdInput, newsListInput, noInput, opportunitiesListInput, subscribeInput } from './schema';

const actions: ActionsOf<ContentApi> = {
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
