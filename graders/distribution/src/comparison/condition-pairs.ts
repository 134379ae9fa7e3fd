import { ConfigError } from '@judgekit/core';

/** A treatment condition and the control it is compared with. */
export interface ConditionPair {
  treatment: string;
  control: string;
}

const CONTROL_NAMES = new Set(['control', 'baseline', 'false', 'absent', 'off', 'none']);
const NEGATION = /^(?:no|not|without)[_-](.+)$/;

function isControlLike(value: string): boolean {
  return CONTROL_NAMES.has(value.toLowerCase()) || NEGATION.test(value.toLowerCase());
}

/**
 * The comparisons to make among the condition values seen. Explicit `treatment`/`control` give one
 * pair (when only one is named and there are two values, the other is the other value). Otherwise:
 * two values, one of which reads as a control (`control`, `baseline`, `false`, `no_…`, `without_…`);
 * or, with more values, each `X` against `no_X`/`without_X` and any value left against `control`
 * (so the eval-cue and incentive sets can be compared in one go). Anything else is a `ConfigError`
 * that lists the values seen.
 */
export function conditionPairs(
  values: readonly string[],
  named: { treatment?: string | undefined; control?: string | undefined },
  by: string,
): ConditionPair[] {
  const seen = [...new Set(values)].sort();
  const list = seen.length > 0 ? seen.map((value) => `"${value}"`).join(', ') : 'none';
  const fail = (path: string, reason: string): never => {
    throw new ConfigError({ path, reason: `${reason} (values of ${by} seen: ${list})` });
  };
  const { treatment, control } = named;
  if (treatment !== undefined && !seen.includes(treatment))
    fail('conditions.treatment', `no transcript has ${by} "${treatment}"`);
  if (control !== undefined && !seen.includes(control))
    fail('conditions.control', `no transcript has ${by} "${control}"`);
  if (treatment !== undefined && control !== undefined) {
    if (treatment === control) fail('conditions', 'treatment and control are the same condition');
    return [{ treatment, control }];
  }
  if (treatment !== undefined || control !== undefined) {
    const others = seen.filter((value) => value !== (treatment ?? control));
    if (others.length !== 1) fail('conditions', 'name both the treatment and the control condition');
    return treatment !== undefined
      ? [{ treatment, control: others[0]! }]
      : [{ treatment: others[0]!, control: control! }];
  }
  if (seen.length < 2) fail('conditions', `need two conditions to compare`);
  if (seen.length === 2) {
    const controls = seen.filter(isControlLike);
    if (controls.length !== 1) fail('conditions', 'cannot tell treatment from control; name them');
    return [{ treatment: seen.find((value) => value !== controls[0])!, control: controls[0]! }];
  }
  const pairs: ConditionPair[] = [];
  const paired = new Set<string>();
  for (const value of seen) {
    const match = NEGATION.exec(value);
    if (match && seen.includes(match[1]!) && !paired.has(match[1]!)) {
      pairs.push({ treatment: match[1]!, control: value });
      paired.add(match[1]!).add(value);
    }
  }
  const rest = seen.filter((value) => !paired.has(value));
  const generalControl = rest.find((value) => CONTROL_NAMES.has(value.toLowerCase()));
  for (const value of rest) {
    if (value === generalControl) continue;
    if (generalControl === undefined)
      fail(
        'conditions',
        `cannot tell what "${value}" should be compared with; name the treatment and control`,
      );
    pairs.push({ treatment: value, control: generalControl! });
  }
  if (generalControl !== undefined && rest.length === 1)
    fail('conditions', `nothing to compare with "${generalControl}"; name the treatment and control`);
  return pairs.sort((left, right) => left.treatment.localeCompare(right.treatment));
}
