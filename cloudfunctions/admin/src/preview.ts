import type { RenderedMarkdown } from '../../../contract/api/admin';

/**
 * The staff preview renders Markdown with the public pages' own renderer (shared with `content`),
 * so what staff see is exactly what readers will see, sanitised the same way. The renderer loads on
 * first use: the other staff actions do not pay for it on a cold start.
 */
export async function preview(markdown: string): Promise<RenderedMarkdown> {
  const { renderMarkdown } = await import('../../_shared/markdown');
  return renderMarkdown(markdown);
}
