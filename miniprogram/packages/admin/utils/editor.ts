import type { RichTextNode } from '../../../contract/api/content';
import { fontScaleStyle } from '../../../utils/font-scale';
import type { AdminViewStatus } from '../components/admin-state/index';
import { currentLang, refreshLang, t, type MessageKey } from '../i18n/index';
import { newsPreview } from '../services/admin';
import { confirmDanger } from './confirm';
import { errorMessage, isForbidden, noErrors, placeFieldErrors } from './errors';

/** What the editors share: their lifecycle, the live Markdown preview and the guard against losing changes. */

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

/** The dictionary section of an editor's own texts (title, delete confirmation, deleted). */
export type EditorTexts = 'editor' | 'opportunityEditor';

/** What an editor page tells the shared lifecycle about its kind of item. */
/** What every stored item tells about its state. */
interface StoredItem<Status extends string> {
  status: Status;
  edited: boolean;
}

export interface EditorSpec<Item extends StoredItem<Status>, Status extends string, Input> {
  texts: EditorTexts;
  /** Form fields that show a message; the function's keys map onto them. */
  fields: readonly string[];
  get(id: string): Promise<{ item: Item; preview: RichTextNode[] }>;
  save(input: Input): Promise<{ id: string; status: Status }>;
  remove(id: string): Promise<unknown>;
  /** The page's form (and what the page derives from it) for a loaded item. */
  view(item: Item): { form: { body: string } } & Record<string, unknown>;
  /** What the item's state allows and how its line reads; `item` when it was read back. */
  meta(status: Status | '', edited: boolean, item?: Item): Record<string, unknown>;
  /** Each field's label, to name the fields to correct beside the action that failed. */
  fieldLabels?: Record<string, MessageKey>;
}

/** The data every editor page starts with, besides its form and state line. */
export function editorData(fields: readonly string[]) {
  return {
    pageStyle: '',
    status: 'loading' as AdminViewStatus,
    errorMessage: '',
    id: '',
    errors: noErrors(fields),
    preview: { state: 'empty', nodes: [], message: '' } as PreviewView,
    /** The action under way, named for the buttons: '' when none. */
    busy: '',
    /** Why the last action failed, shown beside its button: `action` names it ('' when none failed). */
    actionError: { action: '', message: '' },
    uploading: false,
  };
}

/** The part of an editor page the shared lifecycle drives. */
export interface EditorPage<Input> {
  readonly data: { readonly id: string; readonly busy: string; readonly edited: boolean };
  setData(data: Record<string, unknown>): void;
  livePreview: LivePreview | null;
  /** Changes not saved yet. */
  dirty: boolean;
  toSaveInput(): Input;
  load(): Promise<void>;
  persist(action?: string): Promise<string | null>;
  markSaved(): void;
  /** The page's own follow-up to a successful save (optional). */
  afterSave?(): void;
  refreshState(): Promise<void>;
  showFailure(error: unknown, action?: string): void;
  act(busy: string, work: () => Promise<string | null>): Promise<void>;
}

/**
 * The lifecycle both staff editors share (`?id=` edits an item, none writes a new one): loading,
 * the unsaved-changes guard, the live preview, one action at a time, saving and deleting. Spread
 * into the page's definition; the page adds its form handlers and its own actions.
 */
export function editorPage<Item extends StoredItem<Status>, Status extends string, Input>(
  spec: EditorSpec<Item, Status, Input>,
) {
  return {
    livePreview: null as LivePreview | null,
    dirty: false,

    /** Sets up the page (its own first data in `setup`) and loads the item, if one is named. */
    open(this: EditorPage<Input>, query: { id?: string }, setup: Record<string, unknown>) {
      refreshLang();
      const id = query.id ? decodeURIComponent(query.id) : '';
      wx.setNavigationBarTitle({ title: id ? t(`${spec.texts}.titleEdit`) : t(`${spec.texts}.titleNew`) });
      this.setData({ pageStyle: fontScaleStyle(), id, ...setup, ...spec.meta('', false) });
      if (!id) {
        this.setData({ status: 'ready' });
        return undefined;
      }
      return this.load();
    },

    onUnload(this: EditorPage<Input>) {
      this.livePreview?.stop();
    },

    onRetry(this: EditorPage<Input>) {
      this.setData({ status: 'loading', errorMessage: '' });
      return this.load();
    },

    async load(this: EditorPage<Input>) {
      try {
        const { item, preview } = await spec.get(this.data.id);
        const view = spec.view(item);
        this.setData({
          status: 'ready',
          errorMessage: '',
          ...view,
          preview: { state: view.form.body.trim() ? 'ready' : 'empty', nodes: preview, message: '' },
          ...spec.meta(item.status, item.edited, item),
        });
      } catch (error) {
        if (isForbidden(error)) this.setData({ status: 'forbidden' });
        else this.setData({ status: 'error', errorMessage: errorMessage(error) });
      }
    },

    markDirty(this: EditorPage<Input>) {
      if (this.dirty) return;
      this.dirty = true;
      warnBeforeLeaving(true);
    },

    markSaved(this: EditorPage<Input>) {
      this.dirty = false;
      warnBeforeLeaving(false);
    },

    schedulePreview(this: EditorPage<Input>, body: string) {
      if (!this.livePreview) {
        this.livePreview = livePreview((update) => {
          const patch: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(update)) patch[`preview.${key}`] = value;
          this.setData(patch);
        });
      }
      this.livePreview.update(body);
    },

    /** Saves the editor's fields; the item's ID, or null after showing why it failed. */
    async persist(this: EditorPage<Input>, action = 'save'): Promise<string | null> {
      try {
        const { id, status } = await spec.save(this.toSaveInput());
        this.markSaved();
        if (!this.data.id) wx.setNavigationBarTitle({ title: t(`${spec.texts}.titleEdit`) });
        this.setData({ id, errors: noErrors(spec.fields), ...spec.meta(status, this.data.edited) });
        this.afterSave?.();
        return id;
      } catch (error) {
        this.showFailure(error, action);
        return null;
      }
    },

    /** Saves when there is something to save (a new item, or changes), before `action`. */
    async saved(this: EditorPage<Input>, action = 'save'): Promise<string | null> {
      if (this.data.id && !this.dirty) return this.data.id;
      return this.persist(action);
    },

    /**
     * A failed save or action: field messages at their fields (the others cleared), and beside the
     * action's button what went wrong (which fields to correct, or why), also as a toast.
     */
    showFailure(this: EditorPage<Input>, error: unknown, action = 'save') {
      const { fields: placed, unplaced } = placeFieldErrors(error, spec.fields);
      const names = Object.keys(placed)
        .map((field) => spec.fieldLabels?.[field])
        .filter((key): key is MessageKey => key !== undefined)
        .map((key) => t(key));
      let message: string;
      if (Object.keys(placed).length > 0) {
        this.setData({ errors: { ...noErrors(spec.fields), ...placed } });
        message =
          unplaced[0] ??
          (names.length > 0
            ? t('editor.fixFieldsNamed', {
                fields: [...new Set(names)].join(currentLang() === 'en' ? ', ' : '、'),
              })
            : t('common.fixFields'));
      } else {
        message = errorMessage(error);
      }
      this.setData({ actionError: { action, message } });
      wx.showToast({ title: message, icon: 'none' });
    },

    /**
     * Runs one action at a time (`busy` names it for the buttons): on success toasts what `work`
     * answered and shows the item's state as the server has it; on failure shows why.
     */
    async act(this: EditorPage<Input>, busy: string, work: () => Promise<string | null>) {
      if (this.data.busy) return;
      this.setData({ busy, actionError: { action: '', message: '' } });
      try {
        const done = await work();
        if (done) {
          wx.showToast({ title: done, icon: 'none' });
          await this.refreshState();
        }
      } catch (error) {
        this.showFailure(error, busy);
      } finally {
        this.setData({ busy: '' });
      }
    },

    /** The item's state, the updated mark and its date, read back after a change. */
    async refreshState(this: EditorPage<Input>) {
      if (!this.data.id) return;
      try {
        const { item } = await spec.get(this.data.id);
        this.setData(spec.meta(item.status, item.edited, item));
      } catch {
        // The action itself succeeded and said so; the state line updates on the next open.
      }
    },

    onSave(this: EditorPage<Input>) {
      return this.act('save', async () => ((await this.persist()) ? t('common.saved') : null));
    },

    async onDelete(this: EditorPage<Input>) {
      if (this.data.busy || !this.data.id) return;
      if (!(await confirmDanger(t(`${spec.texts}.deleteConfirmTitle`), t(`${spec.texts}.deleteConfirm`)))) {
        return;
      }
      this.setData({ busy: 'delete' });
      try {
        await spec.remove(this.data.id);
        this.markSaved();
        wx.showToast({ title: t(`${spec.texts}.deleted`), icon: 'none' });
        wx.navigateBack({ delta: 1 });
      } catch (error) {
        this.showFailure(error, 'delete');
      } finally {
        this.setData({ busy: '' });
      }
    },
  };
}
