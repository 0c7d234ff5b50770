import { t } from '../../i18n/index';
import { newsDetailUrl } from '../../utils/news';

/**
 * One news item in a list (home, 新闻): date, title, summary and tags; opens the detail on tap.
 * Takes a `NewsCardItem` (utils/news), already formatted, so the card renders without logic.
 */
Component({
  properties: {
    item: { type: Object, value: {} },
    /** Title and date only, for short lists. */
    compact: { type: Boolean, value: false },
  },
  data: {
    labels: { pinned: t('news.pinned') },
  },
  methods: {
    onTap() {
      const id = (this.data.item as { id?: string }).id;
      if (id) wx.navigateTo({ url: newsDetailUrl(id) });
    },
  },
});
