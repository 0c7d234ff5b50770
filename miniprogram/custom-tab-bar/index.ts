import { TABS, type TabValue } from '../utils/tab-bar';

/**
 * The custom tab bar (app.json `tabBar.custom`): TDesign's tab bar with icons. Each tab page has
 * its own instance and marks itself selected in `onShow` (`selectTab`).
 */
Component({
  data: {
    selected: 'home' as TabValue,
    tabs: TABS.map(({ value, icon, label }) => ({ value, icon, label })),
  },
  methods: {
    onChange(event: WechatMiniprogram.CustomEvent<{ value: TabValue }>) {
      const tab = TABS.find((candidate) => candidate.value === event.detail.value);
      if (!tab || tab.value === this.data.selected) return;
      this.setData({ selected: tab.value });
      wx.switchTab({ url: `/${tab.pagePath}` });
    },
  },
});
