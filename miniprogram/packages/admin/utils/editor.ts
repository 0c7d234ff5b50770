import type { RichTextNode } from '../../../contract/api/content';
import { t } from '../i18n/index';
import { newsPreview } from '../services/admin';
import { errorMessage, noErrors, placeFieldErrors } from './errors';

/** What the editors share: the live Markdown preview and the guard against losing changes. */

/** Quiet time after the last keystroke before the preview is asked for (each call is audited). */
const PREVIEW_DEBOUNCE_MS = 800;

export type PreviewState = 'empty' | 'loading' | 'ready' | 'error';

export interface PreviewView {
  state: PreviewState;
  nodes: RichTextNode[];
  message: string;
}

export interface LivePreview {
  /** The body changed: render it once typing pauses (an empty body shows as empty at once). */
  update(body: string): void;
  /** The page is going away: nothing more is asked for or shown. */
  stop(): void;
}

/**
 * A preview rendered by the public pages' own Markdown renderer (`news.preview`, which serves
 * news and opportunities alike), debounced, showing only the answer for the latest text. A failed
 * rendering keeps the last good one on screen with a note saying why it is not current.
 */
export function livePreview(show: (update: Partial<PreviewView>) => void): LivePreview {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const render = async (body: string) => {
    const asked = ++generation;
    try {
      const { nodes } = await newsPreview(body);
      if (asked === generation) show({ state: 'ready', nodes, message: '' });
    } catch (error) {
      if (asked !== generation) return;
      const { fields } = placeFieldErrors(error, ['body']);
      show({
        state: 'error',
        message: t('editor.previewFailed', { message: fields.body || errorMessage(error) }),
      });
    }
  };
  return {
    update(body) {
      cancel();
      if (!body.trim()) {
        generation += 1;
        show({ state: 'empty', nodes: [], message: '' });
        return;
      }
      show({ state: 'loading' });
      timer = setTimeout(() => {
        timer = null;
        void render(body);
      }, PREVIEW_DEBOUNCE_MS);
    },
    stop() {
      cancel();
      generation += 1;
    },
  };
}

/** Asks before leaving the page while there are unsaved changes (where the base library can). */
export function warnBeforeLeaving(unsaved: boolean): void {
  if (unsaved && typeof wx.enableAlertBeforeUnload === 'function') {
    wx.enableAlertBeforeUnload({ message: t('common.unsavedChanges') });
  } else if (!unsaved && typeof wx.disableAlertBeforeUnload === 'function') {
    wx.disableAlertBeforeUnload();
  }
}

/** The part of an editor page the helpers below drive. */
export interface EditorHost {
  readonly data: { readonly busy: string };
  setData(data: Record<string, unknown>): void;
}

/** A failed save or action: field messages at their fields (the others cleared), anything else as a toast. */
export function showEditorFailure(host: EditorHost, fields: readonly string[], error: unknown): void {
  const { fields: placed, unplaced } = placeFieldErrors(error, fields);
  if (Object.keys(placed).length > 0) {
    host.setData({ errors: { ...noErrors(fields), ...placed } });
    wx.showToast({ title: unplaced[0] ?? t('common.fixFields'), icon: 'none' });
    return;
  }
  wx.showToast({ title: errorMessage(error), icon: 'none' });
}

/**
 * Runs one editor action at a time (`busy` names it for the buttons): on success toasts what
 * `work` answered and shows the item's state as the server has it; on failure shows why.
 */
export async function runEditorAction(
  host: EditorHost,
  busy: string,
  work: () => Promise<string | null>,
  after: { refresh(): Promise<void>; fail(error: unknown): void },
): Promise<void> {
  if (host.data.busy) return;
  host.setData({ busy });
  try {
    const done = await work();
    if (done) {
      wx.showToast({ title: done, icon: 'none' });
      await after.refresh();
    }
  } catch (error) {
    after.fail(error);
  } finally {
    host.setData({ busy: '' });
  }
}
