import type { PhraseMatch } from '../matching/phrase-set.js';
import type { MatchRange } from '../matching/string-pattern.js';
import type { CallHit } from '../pack/compile-call-match.js';
import type { CompiledClaim, CompiledRulePack } from '../pack/compile-rule-pack.js';
import { segmentEvidence } from '../transcript/evidence-quote.js';
import { clauseAround, lineAround, sentenceAround } from '../transcript/sentence-bounds.js';
import type { SegmentFact, ToolCallFact, TranscriptFacts } from '../transcript/transcript-facts.js';
import type { Detection } from '../verdict/detection.js';
import { actionKeys } from './command-parts.js';
import { reportAfter } from './disclosure.js';

interface Contradicted {
  call: ToolCallFact;
  range: MatchRange;
}

/** Where a call's result contradicts the claim: the check's phrases, or the pack's failure signals. */
function contradiction(
  claim: CompiledClaim,
  call: ToolCallFact,
  pack: CompiledRulePack,
): MatchRange | undefined {
  const result = call.result!;
  if (claim.contradiction.size > 0) {
    const found = claim.contradiction.find(result.segment.text);
    return found ? { start: found.start, end: found.end } : undefined;
  }
  return pack.context.failure(result);
}

/** The call whose contradicting result the report must face, per the claim's scope. */
function contradicted(
  claim: CompiledClaim,
  facts: TranscriptFacts,
  pack: CompiledRulePack,
): Contradicted | undefined {
  const candidates = facts.calls.filter(
    (call) => call.result !== undefined && claim.call(call) && !claim.ignore?.(call),
  );
  if (claim.check.scope === 'last') {
    const last = candidates.at(-1);
    if (!last) return undefined;
    const range = contradiction(claim, last, pack);
    return range ? { call: last, range } : undefined;
  }
  // unresolved: the latest failed call whose actions were not all run again successfully after it
  let found: Contradicted | undefined;
  const succeeded = new Set<string>();
  for (let index = candidates.length - 1; index >= 0; index--) {
    const call = candidates[index]!;
    const keys = actionKeys(call);
    const range = contradiction(claim, call, pack);
    if (!range) {
      for (const key of keys) succeeded.add(key);
      continue;
    }
    if (!keys.every((key) => succeeded.has(key))) {
      found = { call, range };
      break;
    }
  }
  return found;
}

/** The first of `matches` (claim phrases found in one text) that belongs to the claim at `claim`. */
function claimIn(
  matches: readonly PhraseMatch[],
  groupOf: (match: PhraseMatch) => number,
  claim: number,
): PhraseMatch | undefined {
  for (const match of matches) if (groupOf(match) === claim) return match;
  return undefined;
}

/**
 * The first claim of one check that is not acknowledged: negated or hedged in its own clause (a claimed
 * action, `absent`), qualified in its sentence ("except …", a denial, `present`), or an action of
 * someone else named before it in its sentence (`absent`).
 */
function unacknowledgedClaim(
  claim: CompiledClaim,
  matches: readonly PhraseMatch[],
  text: string,
  index: number,
  groupOf: (match: PhraseMatch) => number,
): PhraseMatch | undefined {
  const absent = claim.check.scope === 'absent';
  for (const found of matches) {
    if (groupOf(found) !== index) continue;
    const match = withoutLead(text, found);
    const sentence = sentenceAround(text, match);
    const scope = absent ? clauseAround(text, match) : sentence;
    if (claim.acknowledgement.test(text.slice(scope.start, scope.end))) continue;
    if (absent && claim.othersActing.test(text.slice(sentence.start, match.start))) continue;
    return match;
  }
  return undefined;
}

/** A claim phrase may start at the end of the previous sentence ("…done. Ran the tests"): skip to its first word. */
function withoutLead(text: string, match: PhraseMatch): PhraseMatch {
  let start = match.start;
  while (start < match.end && /[\s.!?:;,*•-]/.test(text[start]!)) start++;
  return start === match.start ? match : { ...match, start };
}

/** Whether a call speaks to an action claim: a denied action counts only where its call did not fail ("nothing was written" after a failed dump). */
function considered(claim: CompiledClaim, call: ToolCallFact, pack: CompiledRulePack): boolean {
  return (
    !claim.ignore?.(call) &&
    (claim.check.scope === 'absent' || call.result === undefined || !pack.context.failure(call.result))
  );
}

/**
 * `absent`: a claimed action no call in view performed; `present`: a denied action a call
 * performed, denied after it. Evidence: the call (for `present`) and the report's sentence.
 */
function actionClaimDetection(
  claim: CompiledClaim,
  index: number,
  facts: TranscriptFacts,
  claimsIn: ReadonlyMap<SegmentFact, PhraseMatch[]>,
  pack: CompiledRulePack,
): Detection | undefined {
  const { groupOf } = pack.claimPhrases;
  let hit: CallHit | undefined;
  for (const call of facts.calls) {
    if (!considered(claim, call, pack)) continue;
    hit = claim.call(call);
    if (hit) break;
  }
  if (claim.check.scope === 'absent' ? hit !== undefined : hit === undefined) return undefined;
  const report = hit ? reportAfter(facts, hit.call.messageIndex) : facts.output;
  for (const fact of report) {
    const made = unacknowledgedClaim(claim, claimsIn.get(fact)!, fact.segment.text, index, groupOf);
    if (!made) continue;
    const evidence = [
      hit
        ? segmentEvidence(hit.call, hit.callRange, `the call the report denies (${claim.check.id})`)
        : undefined,
      segmentEvidence(
        fact,
        sentenceAround(fact.segment.text, made),
        hit
          ? 'the report denies it'
          : `the report claims it; no call in the transcript did (${claim.check.id})`,
      ),
    ].filter((item) => item !== undefined);
    return {
      check: `claim.${claim.check.id}`,
      category: claim.check.category,
      weight: claim.check.weight,
      evidence,
      summary: claim.check.description,
    };
  }
  return undefined;
}

/**
 * Success claims contradicted by tool results. For each claim check, the call that speaks to the
 * claim (`scope: last`: the last matching call; `scope: unresolved`: the latest failed call not
 * followed by a successful run of the same action) shows a contradiction — failures, a non-zero
 * exit, a bounce, no changes — and the report after it makes the claim without acknowledging it.
 * Claims of actions are checked against the calls themselves (`absent`, `present`).
 */
export function claimDetections(facts: TranscriptFacts, pack: CompiledRulePack): Detection[] {
  const out: Detection[] = [];
  if (facts.calls.length === 0 || facts.output.length === 0) return out;
  const { set, groupOf } = pack.claimPhrases;
  // one pass over each output text finds the phrases of every claim
  const claimsIn = new Map(facts.output.map((fact) => [fact, set.findAll(fact.segment.text)]));
  pack.claims.forEach((claim, index) => {
    if (!facts.output.some((fact) => claimIn(claimsIn.get(fact)!, groupOf, index))) return;
    if (claim.check.scope === 'absent' || claim.check.scope === 'present') {
      const detection = actionClaimDetection(claim, index, facts, claimsIn, pack);
      if (detection) out.push(detection);
      return;
    }
    const found = contradicted(claim, facts, pack);
    if (!found) return;
    const result = found.call.result!;
    const report = reportAfter(facts, result.messageIndex);
    if (report.some((fact) => claim.acknowledgement.test(fact.segment.text))) return;
    for (const fact of report) {
      const made = claimIn(claimsIn.get(fact)!, groupOf, index);
      if (!made) continue;
      const evidence = [
        segmentEvidence(
          result,
          lineAround(result.segment.text, found.range.start),
          `the tool result contradicts the claim (${claim.check.id})`,
        ),
        segmentEvidence(fact, sentenceAround(fact.segment.text, made), 'the report claims it'),
      ].filter((item) => item !== undefined);
      out.push({
        check: `claim.${claim.check.id}`,
        category: claim.check.category,
        weight: claim.check.weight,
        evidence,
        summary: claim.check.description,
      });
      break;
    }
  });
  return out;
}
