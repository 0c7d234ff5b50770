import {
  cloudFileProblem,
  dateProblem,
  dateSpanProblem,
  dateTimeProblem,
  httpsUrlProblem,
  numberProblem,
  patternProblem,
  textProblem,
  typeSay,
  type CrossCheck,
  type ObjectRule,
  type Problem,
  type Rule,
  type Say,
} from './rules';

/**
 * The rules (./rules.ts) checked without zod, for the mini program, which cannot carry it: the
 * same single-value checks the functions' schemas use, composed as zod composes them (unknown keys
 * refused, a too-long list refused before its items are read, checks across fields only once those
 * fields are fine). test/contract/parity.test.ts holds the two to the same answers.
 */

export interface Checked {
  /** The input as the function would read it: trimmed, empty optional text left out, defaults in. */
  value: unknown;
  problems: Problem[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string | number): string {
  return path ? `${path}.${key}` : String(key);
}

class Checker {
  readonly problems: Problem[] = [];

  constructor(private readonly now: number) {}

  private fail(path: string, say: Say): undefined {
    this.problems.push({ path, say });
    return undefined;
  }

  /** Whether a problem was found at or under `path` since problem number `since`. */
  private troubledUnder(path: string, since = 0): boolean {
    return this.problems
      .slice(since)
      .some((problem) => problem.path === path || problem.path.startsWith(`${path}.`));
  }

  check(rule: Rule, value: unknown, path: string): unknown {
    if (value === undefined) {
      if ('default' in rule && rule.default !== undefined) return rule.default;
      if (rule.optional) return undefined;
      return this.fail(path, typeSay(rule));
    }
    const single = (problem: Say | null, parsed: unknown) => (problem ? this.fail(path, problem) : parsed);
    switch (rule.kind) {
      case 'text': {
        if (typeof value !== 'string') return this.fail(path, typeSay(rule));
        const trimmed = value.trim();
        if (rule.emptyIsAbsent && trimmed === '') return undefined;
        return single(textProblem(rule, trimmed), trimmed);
      }
      case 'pattern':
        if (typeof value !== 'string') return this.fail(path, rule.say);
        return single(patternProblem(rule, value), value);
      case 'choice':
        return typeof value === 'string' && rule.values.includes(value) ? value : this.fail(path, rule.say);
      case 'accept':
        return value === true ? value : this.fail(path, rule.say);
      case 'boolean':
        return typeof value === 'boolean' ? value : this.fail(path, rule.say);
      case 'number':
        if (typeof value !== 'number' || Number.isNaN(value)) return this.fail(path, rule.say);
        return single(numberProblem(rule, value), value);
      case 'datetime':
        if (typeof value !== 'string') return this.fail(path, typeSay(rule));
        return single(dateTimeProblem(rule, value, this.now), new Date(value));
      case 'date':
        if (typeof value !== 'string') return this.fail(path, typeSay(rule));
        return single(dateProblem(rule, value, this.now), value);
      case 'cloudFile':
        if (typeof value !== 'string') return this.fail(path, typeSay(rule));
        return single(cloudFileProblem(rule, value), value);
      case 'httpsUrl':
        if (typeof value !== 'string') return this.fail(path, typeSay(rule));
        return single(httpsUrlProblem(rule, value), value);
      case 'list': {
        if (!Array.isArray(value)) return this.fail(path, typeSay(rule));
        // Too long a list is refused before its items are read.
        if (value.length > rule.max) return this.fail(path, rule.maxSay);
        const since = this.problems.length;
        const items = value.map((item, index) => this.check(rule.of, item, join(path, index)));
        if (rule.min !== undefined && value.length < rule.min) this.fail(path, rule.minSay ?? typeSay(rule));
        if (rule.unique && this.problems.length === since && new Set(items).size !== items.length)
          this.fail(path, { key: 'list.duplicate', label: rule.label });
        return items;
      }
      case 'object':
        return this.object(rule, value, path);
    }
  }

  private object(rule: ObjectRule, value: unknown, path: string): unknown {
    if (!isRecord(value)) return this.fail(path, rule.say);
    const parsed: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(rule.fields)) {
      const since = this.problems.length;
      const result = this.check(field, value[key], join(path, key));
      // A field at fault still counts as given, as the function sees it.
      const given = result ?? (this.problems.length > since ? value[key] : undefined);
      if (given !== undefined) parsed[key] = given;
    }
    for (const key of Object.keys(value)) {
      if (!Object.prototype.hasOwnProperty.call(rule.fields, key))
        this.fail(join(path, key), { key: 'generic.unknownKey' });
    }
    for (const check of rule.checks ?? []) this.cross(check, parsed, path);
    return parsed;
  }

  private cross(check: CrossCheck, value: Record<string, unknown>, path: string): void {
    if (check.kind === 'nonEmpty') {
      if (Object.values(value).every((part) => part === undefined)) this.fail(path, check.say);
      return;
    }
    if (check.fields.some((field) => this.troubledUnder(join(path, field)))) return;
    switch (check.kind) {
      case 'someOf':
        if (check.fields.every((field) => value[field] === undefined))
          check.fields.forEach((field) => this.fail(join(path, field), check.say));
        return;
      case 'exactlyOne':
        if (check.fields.filter((field) => value[field] !== undefined).length !== 1)
          check.fields.forEach((field) => this.fail(join(path, field), check.say));
        return;
      case 'requiredWhen': {
        const [field, on] = check.fields;
        const wanted = value[on] === check.value;
        if (wanted && value[field] === undefined) this.fail(join(path, field), check.say);
        if (!wanted && value[field] !== undefined) this.fail(join(path, field), check.absentSay);
        return;
      }
      case 'dateSpan': {
        const [from, to] = check.fields;
        const found = dateSpanProblem(check, String(value[from]), String(value[to]));
        if (found) this.fail(join(path, to), found);
      }
    }
  }
}

/** Checks `input` against `rule`; `now` dates the checks on time (tests pass their own). */
export function validate(rule: Rule, input: unknown, now = Date.now()): Checked {
  const checker = new Checker(now);
  const value = checker.check(rule, input, '');
  return { value, problems: checker.problems };
}
