/**
 * Where a page's facts come from and how current they are, said the same way on every page.
 */
import type { SourceRef } from '../contract/models';
import { t } from '../i18n/index';
import { formatDate } from './date';

export interface AsOf {
  /** '信息截至2016年', or '' when the source gives no date. */
  source: string;
  /** '更新于2026年12月5日' (China time), or '' without a valid date. */
  updated: string;
}

/** The as-of line of a page: the source's date as the source gives it, and when staff last saved. */
export function asOf(sourceAsOf: string | null | undefined, updatedAt: string | null | undefined): AsOf {
  const updated = formatDate(updatedAt);
  return {
    source: sourceAsOf ? t('common.asOf', { asOf: sourceAsOf }) : '',
    updated: updated ? t('common.updatedAt', { date: updated }) : '',
  };
}

/** '来源：…': the reader's note when there is one (publisher and section), else the source's title. */
export function sourceLine(source: SourceRef): string {
  return t('common.source', { source: source.note || source.title });
}
