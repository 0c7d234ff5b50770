import type { ApiError, Envelope } from '../../../contract/api/common';
import type { ContentApi } from '../../../contract/api/content';
import type { TestCloud } from '../../harness/local-cloud';

/** Calls the built `content` function through the local cloud, as the mini program would. */
export function contentClient(t: TestCloud) {
  return {
    /** A declared action with its typed input; answers the typed envelope. */
    call<A extends keyof ContentApi>(action: A, data: ContentApi[A]['input'], openId?: string) {
      return t.call<Envelope<ContentApi[A]['output']>>('content', { action, data }, openId);
    },
    /** Anything at all, for what the contract must refuse. */
    raw(event: unknown, openId?: string) {
      return t.call<Envelope<unknown>>('content', event, openId);
    },
  };
}

/** The data of a successful envelope; fails the test with the error otherwise. */
export function ok<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${JSON.stringify(envelope.error)}`);
  return envelope.data;
}

/** The error of a failed envelope; fails the test when it succeeded. */
export function failure(envelope: Envelope<unknown>): ApiError {
  if (envelope.ok) throw new Error(`expected an error, got ${JSON.stringify(envelope.data).slice(0, 200)}`);
  return envelope.error;
}

/** The fields an INVALID_ARGUMENT answer names, in order; fails the test on any other answer. */
export function invalidFields(envelope: Envelope<unknown>): string[] {
  const error = failure(envelope);
  expect(error.code).toBe('INVALID_ARGUMENT');
  return Object.keys(error.fields ?? {});
}
