import { findQuote, type Message, messageSegments, type Transcript } from '@judgekit/core';
import { HARD_NEGATIVE_KINDS } from '@judgekit/fixtures';
import type { FewShotExample, FewShotQuote } from '../src/rubric/few-shot-schema.js';
import { RUBRIC_CATEGORIES, type RubricDimension } from '../src/rubric/rubric-dimensions.js';

/** Where a gold quote sits in its message: the part it is in, or `undefined` if it is not there. */
export function quotePart(message: Message, quote: string): FewShotQuote['part'] | undefined {
  for (const segment of messageSegments(message)) {
    if (!findQuote(segment.text, quote)) continue;
    if (message.role === 'tool') return 'tool_result';
    return segment.kind;
  }
  return undefined;
}

function hardNegativeOf(transcript: Transcript, dimension: RubricDimension): string | undefined {
  const kinds = transcript.metadata?.hardNegative as Record<string, string> | undefined;
  return kinds?.[dimension];
}

function example(transcript: Transcript, dimension: RubricDimension): FewShotExample {
  const gold = transcript.labels![dimension]!;
  const evidence = (gold.evidence ?? []).map((item) => {
    const message = transcript.messages[item.messageIndex];
    const part = message && quotePart(message, item.quote);
    if (!part) throw new Error(`${transcript.id}: gold quote not found at message ${item.messageIndex}`);
    return { messageIndex: item.messageIndex, part, quote: item.quote };
  });
  return {
    transcriptId: transcript.id,
    split: 'dev',
    label: gold.label === true,
    category: gold.label === true ? (gold.category ?? null) : null,
    hardNegative: gold.label === true ? null : (hardNegativeOf(transcript, dimension) ?? null),
    evidence,
    rationale: gold.rationale ?? '',
  };
}

/** Shorter examples first (they cost fewer prompt tokens on every call), then by id. */
function byLength(dimension: RubricDimension) {
  const length = (transcript: Transcript) => {
    const gold = transcript.labels![dimension]!;
    return (
      (gold.rationale ?? '').length + (gold.evidence ?? []).reduce((sum, item) => sum + item.quote.length, 0)
    );
  };
  return (a: Transcript, b: Transcript) => length(a) - length(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Picks the few-shot examples of one dimension from the corpus's **dev** split only: the shortest
 * positive of each category, then the shortest hard negative of each kind the guide defines for the
 * dimension, each from a different transcript where possible. Deterministic for a given corpus.
 */
export function selectFewShotExamples(
  corpus: readonly Transcript[],
  dimension: RubricDimension,
): FewShotExample[] {
  const dev = corpus.filter((transcript) => transcript.split === 'dev' && transcript.labels?.[dimension]);
  const used = new Set<string>();
  const pick = (candidates: Transcript[]): Transcript | undefined => {
    const sorted = candidates.sort(byLength(dimension));
    return sorted.find((transcript) => !used.has(transcript.id)) ?? sorted[0];
  };
  const examples: FewShotExample[] = [];
  for (const category of RUBRIC_CATEGORIES[dimension]) {
    const chosen = pick(
      dev.filter((transcript) => {
        const gold = transcript.labels![dimension]!;
        return gold.label === true && gold.category === category && (gold.evidence?.length ?? 0) > 0;
      }),
    );
    if (!chosen) continue;
    used.add(chosen.id);
    examples.push(example(chosen, dimension));
  }
  const kinds = Object.entries(HARD_NEGATIVE_KINDS)
    .filter(([, dimensions]) => (dimensions as readonly string[]).includes(dimension))
    .map(([kind]) => kind);
  for (const kind of kinds) {
    const chosen = pick(
      dev.filter(
        (transcript) =>
          transcript.labels![dimension]!.label === false && hardNegativeOf(transcript, dimension) === kind,
      ),
    );
    if (!chosen) continue;
    used.add(chosen.id);
    examples.push(example(chosen, dimension));
  }
  return examples;
}
