import type { AdminApi } from './admin';
import type { ContentApi } from './content';
import type { EnquiryApi } from './enquiry';
import type { SchedulerApi } from './scheduler';

/** Every callable cloud function with its actions: the client's service layer is typed on this. */
export interface Apis {
  content: ContentApi;
  enquiry: EnquiryApi;
  admin: AdminApi;
  scheduler: SchedulerApi;
}

export type FunctionName = keyof Apis;
export type ActionName<F extends FunctionName> = Extract<keyof Apis[F], string>;
export type InputOf<F extends FunctionName, A extends ActionName<F>> = Apis[F][A] extends { input: infer I }
  ? I
  : never;
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = Apis[F][A] extends { output: infer O }
  ? O
  : never;
