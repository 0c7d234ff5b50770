import type { RenderedMarkdown } from '../../../contract/api/admin';
import { renderMarkdown } from '../../_shared/markdown';

/**
 * The staff preview renders Markdown with the public pages' own renderer (shared with `content`),
 * so what staff see is exactly what readers will see, sanitised the same way.
 */
export function preview(markdown: string): RenderedMarkdown {
  return renderMarkdown(markdown);
}
