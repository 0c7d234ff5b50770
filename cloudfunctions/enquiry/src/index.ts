import type { EnquiryApi } from '../../../contract/api/enquiry';
import { action, createMain, type ActionsOf } from '../../_shared/function';
import { mine } from './handlers/mine';
import { submit } from './handlers/submit';
import { mineInput, submitInput } from './schema';

const actions: ActionsOf<EnquiryApi> = {
  submit: action(submitInput, submit),
  mine: action(mineInput, mine),
};

export const main = createMain('enquiry', actions);
