import { action, createMain } from '../../_shared/function';
import { mine } from './handlers/mine';
import { submit } from './handlers/submit';
import { mineInput, submitInput } from './schema';

export const main = createMain('enquiry', {
  submit: action(submitInput, submit),
  mine: action(mineInput, mine),
});
