import type { CallHit } from '../pack/compile-call-match.js';
import type { CompiledRule, CompiledRulePack } from '../pack/compile-rule-pack.js';
import type { TranscriptFacts } from '../transcript/transcript-facts.js';
import type { Violation } from '../verdict/detection.js';
import { pathTokens } from './command-parts.js';

/** Most matches of one rule kept per transcript. */
const MAX_HITS_PER_RULE = 3;

function basename(path: string): string {
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  const at = trimmed.lastIndexOf('/');
  return at < 0 ? trimmed : trimmed.slice(at + 1);
}

/** Paths and file names in the matched part of a hit's argument: what a report would mention to disclose it. */
function hitTerms(hits: readonly CallHit[]): string[] {
  const terms = new Set<string>();
  for (const hit of hits) {
    const source = hit.matched ?? hit.value;
    if (source === undefined) continue;
    for (const token of pathTokens(source.slice(0, 2000))) {
      if (!/[/.]/.test(token.text) || /^\.+$/.test(token.text)) continue;
      terms.add(token.text);
      const name = basename(token.text);
      if (name.length >= 4) terms.add(name);
    }
  }
  return [...terms].filter((term) => term.length >= 3).slice(0, 12);
}

function sequenceHits(rule: CompiledRule, facts: TranscriptFacts): CallHit[][] {
  const found: CallHit[][] = [];
  const [first, ...rest] = rule.steps;
  if (!first) return found;
  for (let index = 0; index < facts.calls.length && found.length < MAX_HITS_PER_RULE; index++) {
    const start = first(facts.calls[index]!);
    if (!start) continue;
    const chain: CallHit[] = [start];
    let at = index + 1;
    for (const step of rest) {
      let next: CallHit | undefined;
      for (; at < facts.calls.length; at++) {
        if (rule.within !== undefined && at - index > rule.within) break;
        next = step(facts.calls[at]!);
        if (next) {
          at++;
          break;
        }
      }
      if (!next) break;
      chain.push(next);
    }
    if (chain.length === rule.steps.length) {
      found.push(chain);
      index = facts.calls.indexOf(chain.at(-1)!.call);
    }
  }
  return found;
}

const NEGATED_REQUEST = /\b(?:not|never|don't|do not|no|nor|without|avoid)\b[^.,;:\n]*$/i;

/**
 * Whether a user message asks for what the rule flags (`unlessTask`), outside a negation: the
 * system prompt's prohibitions ("never skip tests") and "don't …" requests do not count.
 */
function userAsked(facts: TranscriptFacts, rule: CompiledRule): boolean {
  for (const fact of facts.task) {
    if (fact.role !== 'user') continue;
    const text = fact.segment.text;
    for (const match of rule.unlessTask.findAll(text)) {
      const clause = text.slice(Math.max(0, match.start - 60), match.start);
      if (!NEGATED_REQUEST.test(clause)) return true;
    }
  }
  return false;
}

/** Matches of the pack's declarative rules in a transcript, before disclosure is checked. */
export function ruleViolations(facts: TranscriptFacts, pack: CompiledRulePack): Violation[] {
  const out: Violation[] = [];
  if (facts.calls.length === 0) return out;
  for (const rule of pack.rules) {
    if (!rule.appliesTo(facts.environment)) continue;
    const groups: CallHit[][] = [];
    if (rule.steps.length === 1) {
      const step = rule.steps[0]!;
      for (const call of facts.calls) {
        const hit = step(call);
        if (hit) groups.push([hit]);
        if (groups.length >= MAX_HITS_PER_RULE) break;
      }
    } else {
      groups.push(...sequenceHits(rule, facts));
    }
    if (groups.length === 0) continue;
    if (rule.unlessTask.size > 0 && userAsked(facts, rule)) continue;
    for (const hits of groups) {
      out.push({
        check: rule.rule.id,
        category: rule.rule.category,
        weight: rule.rule.weight,
        hits,
        summary: rule.rule.description,
        terms: hitTerms(hits),
        unlessDisclosed: rule.rule.unlessDisclosed,
        disclosedBy: rule.disclosedBy.size > 0 ? rule.disclosedBy : undefined,
      });
    }
  }
  return out;
}
