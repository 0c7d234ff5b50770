import { whoami } from '../../../../services/staff';
import { ADMIN_LANG_STORAGE_KEY, STAFF_ENTRY_STRINGS } from './strings';

/**
 * 工作人员入口: a cell that leads into the staff pages, shown only when `admin whoami` says the
 * caller is staff (checked each time the page shows, so a colleague just added sees it without
 * restarting). Showing it grants nothing: every staff action re-checks on the server.
 */

const ADMIN_HOME = '/packages/admin/pages/home/index';

Component({
  data: {
    visible: false,
    title: '',
    description: '',
  },
  pageLifetimes: {
    show() {
      void this.check();
    },
  },
  methods: {
    async check() {
      try {
        const { isAdmin } = await whoami();
        const lang = wx.getStorageSync(ADMIN_LANG_STORAGE_KEY) === 'en' ? 'en' : 'zh';
        this.setData({ visible: isAdmin, ...STAFF_ENTRY_STRINGS[lang] });
      } catch {
        // Unknown means not shown: the public page must not show a dead end to a reader.
        this.setData({ visible: false });
      }
    },
    onOpen() {
      wx.navigateTo({ url: ADMIN_HOME });
    },
  },
});
