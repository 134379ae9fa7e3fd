import { type ArgumentPath, compileArgumentPath } from '../matching/argument-path.js';
import { compilePhraseGroups, type PhraseGroups } from '../matching/phrase-groups.js';
import { compilePhrases, type PhraseSet } from '../matching/phrase-set.js';
import { compileAnyPattern, type MatchRange, type StringMatcher } from '../matching/string-pattern.js';
import type { ToolResultFact } from '../transcript/transcript-facts.js';
import { dataSha256 } from '../verdict/data-sha256.js';
import {
  type CallMatchContext,
  type CallMatcher,
  compileAnyCallMatch,
  compileCallMatch,
} from './compile-call-match.js';
import { memoize } from './memoize.js';
import type {
  ClaimCheck,
  FindingCheck,
  IntentFamily,
  MetricValues,
  Policy,
  ProseRules,
  Rule,
  RulePack,
} from './rule-pack-schema.js';

/** A rule, compiled. */
export interface CompiledRule {
  rule: Rule;
  /** Whether the rule applies in an environment. */
  appliesTo(environment: string): boolean;
  unlessTask: PhraseSet;
  disclosedBy: PhraseSet;
  /** One matcher for a call rule; one per step for a sequence. */
  steps: readonly CallMatcher[];
  within: number | undefined;
}

/** A claim check, compiled. */
export interface CompiledClaim {
  check: ClaimCheck;
  call: CallMatcher;
  ignore: CallMatcher | undefined;
  contradiction: PhraseSet;
  acknowledgement: PhraseSet;
  othersActing: PhraseSet;
}

/** A finding check, compiled. */
export interface CompiledFinding {
  check: FindingCheck;
  call: CallMatcher | undefined;
  key: PhraseSet;
  mention: PhraseSet;
  denial: PhraseSet;
}

/** The intent families, compiled into one phrase set: a match's group is its family's index. */
export interface CompiledIntent {
  families: readonly IntentFamily[];
  phrases: PhraseGroups;
  /** Each family's `context` phrases; `undefined` for a family without them. */
  contexts: readonly (PhraseSet | undefined)[];
}

/** Deniability phrase lists, compiled. */
export interface CompiledDeniability {
  excuses: PhraseSet;
  /** `excuses` (group 0) and `coverStories` (group 1) in one set: an output text is scanned once for both. */
  outputSignals: PhraseGroups;
  /** `framingPlans` (group 0) and `deliberate` (group 1) in one set: a reasoning text is scanned once for both. */
  reasoningSignals: PhraseGroups;
  corrections: PhraseSet;
  failureExcuses: PhraseSet;
  failureEvidence: PhraseSet;
  externalCauses: PhraseSet;
  changingCalls: PhraseSet;
}

/** The pack's metric values, compiled: every metric name in one set (a match's group is its metric's index). */
export interface CompiledValues {
  check: MetricValues;
  names: PhraseGroups;
  notMeasured: PhraseSet;
  best: PhraseSet;
  qualifiers: PhraseSet;
  stakes: PhraseSet;
  /** Counts given as none, compiled; `undefined` when the pack has none. */
  none:
    | {
        check: NonNullable<MetricValues['none']>;
        cue: PhraseSet;
        ignore: PhraseSet;
        acknowledgement: PhraseSet;
      }
    | undefined;
}

/** The pack's prose rules, compiled. */
export interface CompiledProse {
  rules: ProseRules;
  prohibitions: PhraseSet;
  offLimits: PhraseSet;
  permissions: PhraseSet;
  exceptions: PhraseSet;
  approvalConditions: PhraseSet;
  conditions: PhraseSet;
  grants: PhraseSet;
  allowCues: PhraseSet;
  allowContext: PhraseSet;
  /** Every action's verbs (a match's group is its action's index) and every command's verbs after them (group = actions + command index). */
  verbs: PhraseGroups;
}

/** A rule pack compiled for matching: every glob and regex built once. */
export interface CompiledRulePack {
  pack: RulePack;
  /** sha256 of the merged pack's data (see `dataSha256`). */
  sha256: string;
  context: CallMatchContext;
  /** Sub-commands that modify the paths they name. */
  mutating: PhraseSet;
  /** The policies the pack declares for an environment. */
  policiesFor(environment: string): Policy[];
  rules: readonly CompiledRule[];
  claims: readonly CompiledClaim[];
  /** Every claim's `claim` phrases in one set: a match's group is its claim's index in `claims`. */
  claimPhrases: PhraseGroups;
  findings: readonly CompiledFinding[];
  /** Every finding check's `finding` phrases in one set: a match's group is its check's index in `findings`. */
  findingPhrases: PhraseGroups;
  intent: CompiledIntent;
  /** Metric values; `undefined` when the pack has none. */
  values: CompiledValues | undefined;
  disclosure: PhraseSet;
  denial: PhraseSet;
  rejection: PhraseSet;
  negatedBefore: PhraseSet;
  deniability: CompiledDeniability;
  /** Prose rules; `undefined` when the pack has none. */
  prose: CompiledProse | undefined;
}

function list<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Compiles a merged pack. Patterns were validated by the schema, so this does not throw. */
export function compileRulePack(pack: RulePack): CompiledRulePack {
  const kindMatchers = Object.entries(pack.toolKinds).map(
    ([kind, patterns]) => [kind, compileAnyPattern(patterns, 'text')] as const,
  );
  const kindsOf = memoize(
    (name) => new Set(kindMatchers.filter(([, matcher]) => matcher.find(name)).map(([kind]) => kind)),
  );
  const roles = new Map<string, ArgumentPath[]>(
    Object.entries(pack.argumentRoles).map(([role, paths]) => [role, paths.map(compileArgumentPath)]),
  );
  const failureSignals = compilePhrases(pack.failureSignals);
  const context: CallMatchContext = {
    kindsOf,
    rolePaths: (role) => roles.get(role) ?? [],
    failure(result: ToolResultFact): MatchRange | undefined {
      const found = failureSignals.find(result.segment.text);
      if (found) return { start: found.start, end: found.end };
      if (!result.isError) return undefined;
      const text = result.segment.text;
      const newline = text.indexOf('\n');
      return { start: 0, end: newline < 0 ? text.length : newline };
    },
  };
  const environments = pack.environments.map((entry) => ({
    matcher: compileAnyPattern(list(entry.match), 'text'),
    policy: entry.policy,
  }));
  const environmentMatcher = (patterns: Rule['environments']): StringMatcher | undefined =>
    patterns === undefined ? undefined : compileAnyPattern(list(patterns), 'text');

  const rules = pack.rules.map((rule): CompiledRule => {
    const matcher = environmentMatcher(rule.environments);
    const steps = 'sequence' in rule ? rule.sequence : [rule.match];
    return {
      rule,
      appliesTo: matcher ? memoize((environment) => matcher.find(environment) !== undefined) : () => true,
      unlessTask: compilePhrases(rule.unlessTask),
      disclosedBy: compilePhrases(rule.disclosedBy),
      steps: steps.map((step) => compileCallMatch(step, context)),
      within: 'within' in rule ? rule.within : undefined,
    };
  });
  const deniability = pack.deniability;
  const prose = pack.prose;
  return {
    pack,
    sha256: dataSha256(pack),
    context,
    mutating: compilePhrases(pack.mutatingCommands),
    policiesFor: memoize((environment) =>
      environments.filter((entry) => entry.matcher.find(environment)).map((entry) => entry.policy),
    ),
    rules,
    claims: pack.claims.map((check) => ({
      check,
      call: compileAnyCallMatch(check.call, context),
      ignore: check.ignore ? compileCallMatch(check.ignore, context) : undefined,
      contradiction: compilePhrases(check.contradiction),
      acknowledgement: compilePhrases(check.acknowledgement),
      othersActing: compilePhrases(check.othersActing),
    })),
    findings: pack.findings.map((check) => ({
      check,
      call: check.call ? compileCallMatch(check.call, context) : undefined,
      key: compilePhrases(check.key),
      mention: compilePhrases(check.mention),
      denial: compilePhrases(check.denial),
    })),
    claimPhrases: compilePhraseGroups(pack.claims.map((check) => check.claim)),
    findingPhrases: compilePhraseGroups(pack.findings.map((check) => check.finding)),
    intent: {
      families: pack.intent,
      phrases: compilePhraseGroups(pack.intent.map((family) => family.phrases)),
      contexts: pack.intent.map((family) => (family.context ? compilePhrases(family.context) : undefined)),
    },
    values: pack.values
      ? {
          check: pack.values,
          names: compilePhraseGroups(pack.values.metrics.map((metric) => metric.names)),
          notMeasured: compilePhrases(pack.values.notMeasured),
          best: compilePhrases(pack.values.best),
          qualifiers: compilePhrases(pack.values.qualifiers),
          stakes: compilePhrases(pack.values.stakes),
          none: pack.values.none
            ? {
                check: pack.values.none,
                cue: compilePhrases(pack.values.none.cue),
                ignore: compilePhrases(pack.values.none.ignore),
                acknowledgement: compilePhrases(pack.values.none.acknowledgement),
              }
            : undefined,
        }
      : undefined,
    disclosure: compilePhrases(pack.modifiers?.disclosure),
    denial: compilePhrases(pack.modifiers?.denial),
    rejection: compilePhrases(pack.modifiers?.rejection),
    negatedBefore: compilePhrases(pack.modifiers?.negatedBefore),
    deniability: {
      excuses: compilePhrases(deniability?.excuses),
      outputSignals: compilePhraseGroups([deniability?.excuses, deniability?.coverStories]),
      reasoningSignals: compilePhraseGroups([deniability?.framingPlans, deniability?.deliberate]),
      corrections: compilePhrases(deniability?.corrections),
      failureExcuses: compilePhrases(deniability?.failureExcuses),
      failureEvidence: compilePhrases(deniability?.failureEvidence),
      externalCauses: compilePhrases(deniability?.externalCauses),
      changingCalls: compilePhrases(deniability?.changingCalls),
    },
    prose: prose
      ? {
          rules: prose,
          prohibitions: compilePhrases(prose.prohibitions),
          offLimits: compilePhrases(prose.offLimits),
          permissions: compilePhrases(prose.permissions),
          exceptions: compilePhrases(prose.exceptions),
          approvalConditions: compilePhrases(prose.approvalConditions),
          conditions: compilePhrases(prose.conditions),
          grants: compilePhrases(prose.grants),
          allowCues: compilePhrases(prose.allowlists?.cues),
          allowContext: compilePhrases(prose.allowlists?.context),
          verbs: compilePhraseGroups([
            ...prose.actions.map((action) => action.verbs),
            ...prose.commands.map((command) => command.verbs),
          ]),
        }
      : undefined,
  };
}
