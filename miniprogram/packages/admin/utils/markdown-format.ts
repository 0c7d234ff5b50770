/**
 * The news editor's formatting toolbar: each button writes Markdown into the body at the cursor.
 * WeChat's textarea reports where the cursor is (`cursor` on input and blur), not what is
 * selected, so line formats (heading, list item) apply to the cursor's line and inline ones (bold,
 * link, image) insert a snippet there.
 */

export interface BodyEdit {
  body: string;
  /** Where the cursor belongs after the edit. */
  cursor: number;
}

/** A link target the renderer keeps: https, or an in-app page path (one leading slash). */
const LINK_TARGET = /^(?:https:\/\/[^\s/?#]+[^\s]*|\/(?![/\\])[^\s]*)$/i;

function clamp(body: string, cursor: number): number {
  return Number.isInteger(cursor) && cursor >= 0 && cursor <= body.length ? cursor : body.length;
}

/** Text in link or image brackets: brackets and backslashes escaped, on one line. */
function bracketText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\[\]]/g, (char) => `\\${char}`);
}

/** Parentheses and blanks would end a Markdown link target early. */
function target(url: string): string {
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

export function isLinkTarget(url: string): boolean {
  return LINK_TARGET.test(url.trim());
}

/** Starts the cursor's line with `prefix` (`## `, `- `), replacing another heading or list mark. */
export function prefixLine(body: string, cursor: number, prefix: string): BodyEdit {
  const at = clamp(body, cursor);
  const start = body.lastIndexOf('\n', at - 1) + 1;
  const endIndex = body.indexOf('\n', at);
  const end = endIndex === -1 ? body.length : endIndex;
  const line = body.slice(start, end);
  const text = line.replace(/^\s*(?:#{1,6}\s+|[-*+]\s+)/, '');
  const replaced = `${prefix}${text}`;
  return { body: body.slice(0, start) + replaced + body.slice(end), cursor: start + replaced.length };
}

/** Inserts `snippet` at the cursor. */
export function insertAt(body: string, cursor: number, snippet: string): BodyEdit {
  const at = clamp(body, cursor);
  return { body: body.slice(0, at) + snippet + body.slice(at), cursor: at + snippet.length };
}

/** Inserts `snippet` as a paragraph of its own: blank lines before and after, as Markdown needs. */
export function insertBlock(body: string, cursor: number, snippet: string): BodyEdit {
  const at = clamp(body, cursor);
  const before = body.slice(0, at).replace(/[ \t]+$/, '');
  const after = body.slice(at).replace(/^[ \t]+/, '');
  const lead = before === '' ? '' : before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after === '' ? '\n' : after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  const inserted = `${lead}${snippet}${trail}`;
  return { body: before + inserted + after, cursor: before.length + inserted.length };
}

export function boldMarkdown(text: string): string {
  return `**${text.trim()}**`;
}

export function linkMarkdown(text: string, url: string): string {
  return `[${bracketText(text)}](${target(url.trim())})`;
}

export function imageMarkdown(alt: string, fileId: string): string {
  return `![${bracketText(alt)}](${target(fileId)})`;
}
