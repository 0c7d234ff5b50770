import type { EnquiryApi } from '../../../contract/api/enquiry';
import { action, createMain, type ActionsOf } from '../../_shared/function';
import { get } from './handlers/get';
import { mine } from './handlers/mine';
import { submit } from './handlers/submit';
import { subscribe } from './handlers/subscribe';
import { byIdInput, mineInput, submitInput } from './schema';

const actions: ActionsOf<EnquiryApi> = {
  submit: action(submitInput, submit),
  mine: action(mineInput, mine),
  get: action(byIdInput, get),
  subscribe: action(byIdInput, subscribe),
};

export const main = createMain('enquiry', actions);
