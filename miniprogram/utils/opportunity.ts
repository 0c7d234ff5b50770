import type { Availability } from '../contract/models';
import { t } from '../i18n/index';
import { formatDate } from './date';

/**
 * An opportunity's status with its basis, in the one wording partners and staff share:
 * '开放至2027年3月31日', '可商洽' or '已结束'.
 */
export function availabilityText(availability: Availability, deadline: string | null): string {
  return t(`opportunities.availability.${availability}`, { date: formatDate(deadline) });
}

/** Whether one can take part now (the list answers an expired deadline as closed). */
export function canTakePart(availability: Availability): boolean {
  return availability !== 'closed';
}
