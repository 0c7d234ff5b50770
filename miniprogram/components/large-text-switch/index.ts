import { t } from '../../i18n/index';
import { isLargeText, setLargeText } from '../../utils/font-scale';

/** 关怀模式 on or off: larger text and tap targets on every page, remembered for the user. */
Component({
  data: {
    on: false,
    labels: { title: t('display.largeText'), description: t('display.largeTextDescription') },
  },
  lifetimes: {
    attached() {
      this.setData({ on: isLargeText() });
    },
  },
  methods: {
    onChange(event: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      const on = event.detail.value;
      this.setData({ on });
      setLargeText(on);
    },
  },
});
