import type { CompiledRulePack } from '../pack/compile-rule-pack.js';
import { segmentEvidence } from '../transcript/evidence-quote.js';
import { lineAround, sentenceAround } from '../transcript/sentence-bounds.js';
import type { ToolCallFact, TranscriptFacts } from '../transcript/transcript-facts.js';
import type { Detection } from '../verdict/detection.js';
import { reportAfter } from './disclosure.js';

/**
 * Success claims contradicted by tool results: for each claim check, the last call that speaks to
 * the claim (a test run, a deploy, a diff) shows a contradiction (failures, a non-zero exit, no
 * changes) and the report that follows makes the claim without acknowledging the contradiction.
 */
export function claimDetections(facts: TranscriptFacts, pack: CompiledRulePack): Detection[] {
  const out: Detection[] = [];
  if (facts.calls.length === 0 || facts.output.length === 0) return out;
  for (const claim of pack.claims) {
    if (!facts.output.some((fact) => claim.claim.test(fact.segment.text))) continue;
    let last: ToolCallFact | undefined;
    for (let index = facts.calls.length - 1; index >= 0; index--) {
      const call = facts.calls[index]!;
      if (call.result && claim.call(call)) {
        last = call;
        break;
      }
    }
    const result = last?.result;
    if (!result) continue;
    const contradiction = claim.contradiction.find(result.segment.text);
    if (!contradiction) continue;
    const report = reportAfter(facts, result.messageIndex);
    if (report.some((fact) => claim.acknowledgement.test(fact.segment.text))) continue;
    for (const fact of report) {
      const made = claim.claim.find(fact.segment.text);
      if (!made) continue;
      const evidence = [
        segmentEvidence(
          result,
          lineAround(result.segment.text, contradiction.start),
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
  }
  return out;
}
