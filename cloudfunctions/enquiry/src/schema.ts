import type * as z from 'zod/mini';
import { enquiryById, enquiryMine, enquirySubmit } from '../../../contract/rules';
import { schemaOf } from '../../_shared/validation';

/** `submit` input, exactly as CONTRACTS.md fixes it (contract/rules.ts): strict, trimmed, typed. */
export const submitInput = schemaOf(enquirySubmit);

export type SubmitInput = z.output<typeof submitInput>;

export const mineInput = schemaOf(enquiryMine);

/** `get` and `subscribe`: one enquiry by id. */
export const byIdInput = schemaOf(enquiryById);
