import type { RichTextNode } from '../../contract/api/content';
import { openLink } from '../../utils/links';
import { toBlocks, type Block } from './blocks';

/**
 * A body rendered by the content function's Markdown renderer, with links the reader can tap and
 * images shown by `<image>` (which also takes the staff preview's `cloud://` files). Lists and
 * quotations that hold links render their items through this same component.
 */
Component({
  properties: {
    nodes: { type: Array, value: [] as RichTextNode[] },
  },
  data: {
    blocks: [] as Block[],
  },
  observers: {
    nodes(nodes: RichTextNode[]) {
      this.setData({ blocks: toBlocks(nodes ?? []) });
    },
  },
  methods: {
    onLink(event: WechatMiniprogram.BaseEvent<Record<string, never>, { href?: string }>) {
      const href = event.currentTarget.dataset.href;
      if (href) openLink(href);
    },
  },
});
