/**
 * Every user-facing string of the public pages (Simplified Chinese), assembled from one file per
 * section under `./zh/`. A new section is one import and one line below.
 */
import { about, focusArea } from './zh/about';
import { app, common, errors, tabBar } from './zh/common';
import { contact } from './zh/contact';
import { display } from './zh/display';
import { enquiry } from './zh/enquiry';
import { home } from './zh/home';
import { links } from './zh/links';
import { news } from './zh/news';
import { opportunities } from './zh/opportunities';
import { privacyPopup } from './zh/privacy';

export const zh = {
  app,
  errors,
  common,
  tabBar,
  home,
  news,
  about,
  focusArea,
  enquiry,
  privacyPopup,
  opportunities,
  contact,
  display,
  links,
} as const;

export type Dictionary = typeof zh;
