import { z } from 'zod';

/**
 * Database security rules as CloudBase documents them
 * (https://docs.cloudbase.net/rule/learn-rules, https://docs.cloudbase.net/database/security-rules):
 * a JSON object whose keys are operations (`read`, `write`, or `write` split into `create`,
 * `update`, `delete`) and whose values are a boolean or an expression string over `auth`
 * (`auth.openid`, `auth.uid`), `doc` (the document or query fields), `now`, and ``get(`database.…`)``,
 * with `== != < <= > >= in`, `&& ||`, `!` and parentheses.
 *
 * The local cloud checks a manifest's rules against this grammar so a typo fails at start, as the
 * console refuses it. It does not enforce them: like the platform, server SDK access (functions,
 * scripts with `serviceUrl`) ignores rules, and the local cloud serves no client SDK.
 */
export const RULE_OPERATIONS = ['read', 'write', 'create', 'update', 'delete'] as const;

const ROOTS = new Set(['auth', 'doc', 'now']);
const FUNCTIONS = new Set(['get']);

type Token =
  { kind: 'name'; value: string } | { kind: 'literal' } | { kind: 'op'; value: string } | { kind: 'end' };

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '.', ',', '[', ']'];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    // Template strings appear in the documented get() form: get(`database.users.${auth.openid}`).
    const literal = /^(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|-?\d+(?:\.\d+)?)/.exec(rest);
    if (literal) {
      tokens.push({ kind: 'literal' });
      i += literal[0].length;
      continue;
    }
    const name = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(rest);
    if (name) {
      const value = name[0];
      if (['true', 'false', 'null'].includes(value)) tokens.push({ kind: 'literal' });
      else if (value === 'in') tokens.push({ kind: 'op', value });
      else tokens.push({ kind: 'name', value });
      i += value.length;
      continue;
    }
    const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (!op) throw new Error(`unexpected "${rest[0] ?? ''}" at ${i}`);
    tokens.push({ kind: 'op', value: op });
    i += op.length;
  }
  tokens.push({ kind: 'end' });
  return tokens;
}

/** Checks an expression; throws with the reason when it is not one the rules language allows. */
export function checkRuleExpression(source: string): void {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = (): Token => tokens[pos] as Token;
  const isOp = (value: string): boolean => {
    const token = peek();
    return token.kind === 'op' && token.value === value;
  };
  const expectOp = (value: string): void => {
    if (!isOp(value)) throw new Error(`expected "${value}"`);
    pos++;
  };

  function primary(): void {
    const token = peek();
    if (token.kind === 'literal') {
      pos++;
      return;
    }
    if (isOp('(')) {
      pos++;
      or();
      expectOp(')');
      return;
    }
    if (isOp('[')) {
      pos++;
      if (!isOp(']')) {
        or();
        while (isOp(',')) {
          pos++;
          or();
        }
      }
      expectOp(']');
      return;
    }
    if (token.kind !== 'name') throw new Error('expected a value');
    pos++;
    if (FUNCTIONS.has(token.value) && isOp('(')) {
      pos++;
      or();
      expectOp(')');
    } else if (!ROOTS.has(token.value)) {
      throw new Error(`unknown variable "${token.value}" (auth, doc, now or get(…))`);
    }
    // Member access: a.b, a['b'], a[expr]
    for (;;) {
      if (isOp('.')) {
        pos++;
        if (peek().kind !== 'name') throw new Error('expected a field name after "."');
        pos++;
      } else if (isOp('[')) {
        pos++;
        or();
        expectOp(']');
      } else return;
    }
  }
  function unary(): void {
    if (isOp('!')) {
      pos++;
      unary();
    } else primary();
  }
  function comparison(): void {
    unary();
    while (['==', '!=', '<', '<=', '>', '>=', 'in'].some(isOp)) {
      pos++;
      unary();
    }
  }
  function and(): void {
    comparison();
    while (isOp('&&')) {
      pos++;
      comparison();
    }
  }
  function or(): void {
    and();
    while (isOp('||')) {
      pos++;
      and();
    }
  }

  or();
  if (peek().kind !== 'end') throw new Error('unexpected text after the expression');
}

const ruleValue = z.union([
  z.boolean(),
  z
    .string()
    .min(1)
    .superRefine((source, ctx) => {
      try {
        checkRuleExpression(source);
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          message: `invalid rule expression "${source}": ${(error as Error).message}`,
        });
      }
    }),
]);

export const rulesSchema = z
  .object(Object.fromEntries(RULE_OPERATIONS.map((op) => [op, ruleValue.optional()])))
  .strict()
  .refine((rules) => rules.read !== undefined, { message: 'rules must say who may read' })
  .refine(
    (rules) =>
      rules.write !== undefined ||
      (rules.create !== undefined && rules.update !== undefined && rules.delete !== undefined),
    { message: 'rules must give write, or each of create, update and delete' },
  );

export type Rules = Partial<Record<(typeof RULE_OPERATIONS)[number], boolean | string>>;
