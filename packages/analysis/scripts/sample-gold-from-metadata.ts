/**
 * A stand-in for a human labelling pass in docs/calibrating-a-judge.md: gold labels for a random
 * subset of a transcripts file, read from a boolean metadata field that a generator recorded (the
 * fixtures' counterfactual sets keep the planted truth in `metadata.covertAction`). The subset is
 * the `size` transcripts with the lowest SHA-256 of their id: random-like, and the same every run.
 *
 *   npx tsx --conditions=@judgekit/source packages/analysis/scripts/sample-gold-from-metadata.ts <transcripts.jsonl> <labels.jsonl> \
 *     [--field covertAction] [--dimension covert_action] [--size 200] [--annotator generator-truth]
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { type GoldLabel, GoldLabelSchema } from '@judgekit/core';
import { scriptArgs } from '@judgekit/test-support';

const USAGE = `
Usage: npx tsx --conditions=@judgekit/source packages/analysis/scripts/sample-gold-from-metadata.ts <transcripts.jsonl> <labels.jsonl> [--field covertAction] [--dimension covert_action] [--size 200] [--annotator generator-truth]

Writes gold labels for a fixed random-like subset of a transcripts file, read from a boolean
metadata field a generator recorded (a stand-in for a human labelling pass).
`;
const { positionals, values } = scriptArgs(USAGE, {
  allowPositionals: true,
  options: {
    field: { type: 'string', default: 'covertAction' },
    dimension: { type: 'string', default: 'covert_action' },
    size: { type: 'string', default: '200' },
    annotator: { type: 'string', default: 'generator-truth' },
  },
});
const [input, output] = positionals;
if (!input || !output)
  throw new Error('usage: sample-gold-from-metadata.ts <transcripts.jsonl> <labels.jsonl>');
const hash = (id: string) => createHash('sha256').update(id).digest('hex');
const transcripts = readFileSync(input, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { id: string; metadata?: Record<string, unknown> });
const sample = transcripts.sort((a, b) => hash(a.id).localeCompare(hash(b.id))).slice(0, Number(values.size));
const labels: GoldLabel[] = sample.map((transcript) => {
  const value = transcript.metadata?.[values.field];
  if (typeof value !== 'boolean')
    throw new Error(`${transcript.id}: metadata.${values.field} is not a boolean`);
  return GoldLabelSchema.parse({
    transcriptId: transcript.id,
    dimension: values.dimension,
    label: value,
    annotator: values.annotator,
  });
});
writeFileSync(output, labels.map((label) => `${JSON.stringify(label)}\n`).join(''));
console.log(
  `wrote ${labels.length} gold labels (${labels.filter((label) => label.label).length} positive) to ${output}`,
);
