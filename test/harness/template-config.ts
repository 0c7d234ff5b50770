/**
 * The mini program's config.ts with one subscription template ID switchable per test. A jest.mock
 * factory may not use the test file's variables, so a test file mocks config.ts with
 * `jest.mock(<config>, () => jest.requireActual(<this file>).configWithTemplate(<key>))` and sets
 * `template.id`; it is empty (no template configured) until a test sets it.
 */

type TemplateKey = 'SUBSCRIBE_TEMPLATE_NEWS' | 'SUBSCRIBE_TEMPLATE_ENQUIRY' | 'SUBSCRIBE_TEMPLATE_REPLY';

/**
 * loadPage() loads each page in a registry of its own (jest.isolateModules), which loads this module
 * afresh: the ID is kept on the test file's global object, which all its registries share.
 */
const ID = Symbol.for('test.subscribeTemplateId');
const store = globalThis as { [ID]?: string };

export const template = {
  get id(): string {
    return store[ID] ?? '';
  },
  set id(value: string) {
    store[ID] = value;
  },
};

export function configWithTemplate(key: TemplateKey): Record<string, unknown> {
  const actual = jest.requireActual<Record<string, unknown>>('../../miniprogram/config');
  return Object.defineProperty({ ...actual }, key, { get: () => template.id, enumerable: true });
}
