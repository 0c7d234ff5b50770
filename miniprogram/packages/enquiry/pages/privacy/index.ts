import { t } from '../../../../i18n/index';
import {
  ENQUIRY_RETENTION_MONTHS,
  MESSAGE_RECORD_RETENTION_DAYS,
  PRIVACY_NOTICE_VERSION,
} from '../../../../contract/constants';
import { fontScaleStyle } from '../../../../utils/font-scale';

/**
 * 隐私说明: what the enquiry form's consent refers to. Static text from the dictionary, so it reads
 * the same offline; its version is the one each enquiry records with the consent.
 */

const SECTIONS = [
  'controller',
  'purpose',
  'categories',
  'check',
  'retention',
  'transfer',
  'rights',
  'exercise',
] as const;

Page({
  data: {
    pageStyle: '',
    intro: t('enquiry.privacy.intro'),
    version: t('enquiry.privacy.version', { version: PRIVACY_NOTICE_VERSION }),
    sections: SECTIONS.map((key) => ({
      key,
      title: t(`enquiry.privacy.sections.${key}Title`),
      body: t(`enquiry.privacy.sections.${key}`, {
        months: ENQUIRY_RETENTION_MONTHS,
        days: MESSAGE_RECORD_RETENTION_DAYS,
      }),
    })),
  },

  onLoad() {
    this.setData({ pageStyle: fontScaleStyle() });
  },
});
