/** Moved into the mini program so it ships with it; kept here until every import points there. */
export * from '../miniprogram/shared/constants';
