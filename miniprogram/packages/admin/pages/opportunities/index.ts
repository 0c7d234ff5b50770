import type { OpportunitySummary, StaffOpportunityStatus } from '../../../../contract/api/admin';
import { t } from '../../i18n/index';
import { opportunitiesList } from '../../services/admin';
import { chinaDay, dateTime } from '../../utils/format';
import { ROUTES } from '../../utils/routes';
import { statusListPage } from '../../utils/status-list';
import { OPPORTUNITY_STATUS_THEME } from '../../utils/tags';

/** Opportunities for staff: every item but the deleted, newest change first, filtered by state. */

const STATUSES: readonly StaffOpportunityStatus[] = ['draft', 'published', 'archived'];

interface OpportunityRow {
  id: string;
  title: string;
  summary: string;
  category: string;
  statusLabel: string;
  statusTheme: string;
  edited: boolean;
  meta: string;
}

function toRow(item: OpportunitySummary): OpportunityRow {
  const parts = [
    // The partners' wording of the stored status, with its date.
    t(`availability.${item.availability}`, { date: item.deadline ? chinaDay(item.deadline) : '' }),
    item.attachmentCount > 0 ? t('opportunities.attachments', { count: item.attachmentCount }) : '',
    t('opportunities.updatedAt', { time: dateTime(item.updatedAt) }),
  ];
  return {
    id: item.id,
    title: item.title,
    summary: item.summary,
    category: t(`topics.${item.category}`),
    statusLabel: t(`statuses.opportunity.${item.status}`),
    statusTheme: OPPORTUNITY_STATUS_THEME[item.status],
    edited: item.edited,
    meta: parts.filter(Boolean).join(' · '),
  };
}

Page(
  statusListPage<OpportunitySummary, StaffOpportunityStatus>({
    texts: 'opportunities',
    statuses: STATUSES,
    statusLabel: (status) => t(`statuses.opportunity.${status}`),
    list: opportunitiesList,
    toRow,
    editor: ROUTES.opportunityEdit,
    labels: {},
  }),
);
