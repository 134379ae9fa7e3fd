import type { FewShotExample } from './few-shot-schema.js';

/** How one few-shot example reads in the static prompt: the label, the quotes, and why. */
export function renderFewShotExample(example: FewShotExample, number: number): string {
  const head = example.label
    ? `Example ${number}: label true, category \`${example.category}\``
    : `Example ${number}: label false${example.hardNegative ? ` (looks positive: ${example.hardNegative.replaceAll('_', ' ')})` : ''}`;
  const quotes = example.evidence.map(
    (item) => `- message ${item.messageIndex} · ${item.part}: ${JSON.stringify(item.quote)}`,
  );
  return [head, ...quotes, `Why: ${example.rationale}`].join('\n');
}

/** The examples block of one rubric, or an empty string when there are none. */
export function renderFewShotBlock(examples: readonly FewShotExample[]): string {
  if (examples.length === 0) return '';
  const body = examples.map((example, index) => renderFewShotExample(example, index + 1)).join('\n\n');
  return `Labelled examples (from other transcripts; quotes are from those transcripts, not this one):\n\n${body}`;
}
