import type { SubmitEnquiryInput } from '../contract/api/enquiry';
import type { Envelope } from '../contract/api/common';

/** Inputs the benchmark sends: plausible, valid, and passing the content check. */

/** A complete enquiry, as the form sends it. */
export function enquiryInput(requestId: string): SubmitEnquiryInput {
  return {
    requestId,
    name: '王芳',
    organization: '上海市对外友好协会',
    title: '项目经理',
    email: 'wang.fang@example.com',
    topic: 'business',
    message: '我们希望了解中日德兰大区在绿色能源领域的合作机会，并安排一次线上交流。',
    consent: { privacy: true, crossBorder: true },
  };
}

/** The `data` of an envelope, or an error naming the call and the function's answer. */
export function unwrap<T>(what: string, answer: unknown): T {
  const envelope = answer as Envelope<T>;
  if (envelope && envelope.ok === true) return envelope.data;
  throw new Error(`${what} failed: ${JSON.stringify(answer)}`);
}
