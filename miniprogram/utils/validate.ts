import type { RuleTexts } from '../contract/messages.zh';
import { renderProblems, type Rule } from '../contract/rules';
import { validate } from '../contract/validate';
import { ServiceError } from '../services/cloud';

/**
 * Forms check their input with the functions' own rules (contract/rules.ts, judged by
 * contract/validate.ts) before sending, so a form flags exactly what the function would refuse,
 * at the same field, in the same words.
 */

/**
 * `input` if the rule accepts it; otherwise throws the `INVALID_ARGUMENT` error the function would
 * answer, its field messages in `texts`' language, so a page shows it as it shows the function's.
 */
export function checked<T>(rule: Rule, input: T, texts: RuleTexts): T {
  const { problems } = validate(rule, input);
  if (problems.length === 0) return input;
  throw new ServiceError('INVALID_ARGUMENT', '', renderProblems(problems, texts));
}
