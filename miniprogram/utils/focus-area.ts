import { pageUrl, ROUTES } from './routes';

/** A focus area as a link to its page (the home page's grid, and the others on an area's page). */
export interface FocusAreaLink {
  id: string;
  title: string;
  summary: string;
  icon: string;
  url: string;
}

export function toFocusAreaLink(area: {
  id: string;
  title: string;
  summary: string;
  icon: string;
}): FocusAreaLink {
  const { id, title, summary, icon } = area;
  return { id, title, summary, icon, url: pageUrl(ROUTES.focusArea, { id }) };
}
