import { privacyTexts, type PrivacyPopupTexts } from '../../../../components/privacy-popup/texts';
import { t } from '../../i18n/index';

/**
 * The shared privacy popup in the staff language: every staff page that calls a privacy-scoped
 * API (clipboard, phone, choosing a photo or a file) carries one, so the held call waits on this
 * page's popup rather than on one left behind on a public page.
 */
Component<{ texts: PrivacyPopupTexts | null }, Record<string, never>, { updateTexts(): void }, []>({
  data: { texts: null },
  lifetimes: {
    attached() {
      this.updateTexts();
    },
  },
  pageLifetimes: {
    show() {
      // The home page may have switched the language since.
      this.updateTexts();
    },
  },
  methods: {
    updateTexts() {
      this.setData({ texts: privacyTexts((key, params) => t(`privacy.${key}`, params)) });
    },
  },
});
