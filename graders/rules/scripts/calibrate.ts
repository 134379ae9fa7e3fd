/**
 * Calibrates every rule grader, under each view it supports, on the fixtures' gold labels, and
 * writes the table into README.md between the calibration markers.
 *
 *   pnpm --filter @judgekit/grader-rules calibrate                 # test split → README (the report)
 *   pnpm --filter @judgekit/grader-rules calibrate --split dev --errors   # dev split, misses listed
 *   pnpm --filter @judgekit/grader-rules calibrate --holdout       # the blind held-out set → README
 *
 * Graders are built on the dev split; the test split is only for this report, so `--errors` (which
 * lists misclassified transcripts) refuses the test split, and `--split dev` never writes README.
 * `--holdout` grades the fixtures' held-out sets (`data/holdout/holdout-v1.jsonl` and `-v2.jsonl`,
 * written blind to the graders) instead, both together; `--errors` refuses them too.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { readTranscripts } from '@judgekit/adapters';
import { type CalibrationReport, calibrate, goldLabelsFromTranscripts } from '@judgekit/analysis';
import {
  type AnyGraderPlugin,
  createRegistry,
  gradeMany,
  prepareGraders,
  type Split,
  type Transcript,
  type Verdict,
} from '@judgekit/core';
import { CORPUS_PATH, HOLDOUT_PATH, HOLDOUT_V2_PATH } from '@judgekit/fixtures';
import { wilsonInterval } from '@judgekit/stats';
import { scriptArgs } from '@judgekit/test-support';
import { plugins } from '../src/index.js';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const README = `${PACKAGE_DIR}README.md`;

const USAGE = `
Usage: pnpm --filter @judgekit/grader-rules calibrate [--split test|dev | --holdout] [--errors] [--corpus file] [--no-write]

Calibrates every rule grader under each view on the fixtures' gold labels.
  --split test   (default) the report: writes the table into README.md
  --split dev    dev split; with --errors, lists misclassified transcripts (refused on test)
  --holdout      the blind held-out sets (fixtures/data/holdout/holdout-v1.jsonl and -v2.jsonl, all of both): writes their table into README.md
  --no-write     print only
`;
const { values } = scriptArgs(USAGE, {
  options: {
    split: { type: 'string', default: 'test' },
    corpus: {
      type: 'string',
      default: CORPUS_PATH,
    },
    errors: { type: 'boolean', default: false },
    holdout: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});
const split = values.split as Split;
if (split !== 'dev' && split !== 'test') throw new Error('--split is dev or test');
const holdout = values.holdout;
if (holdout && (split !== 'test' || values.corpus !== CORPUS_PATH))
  throw new Error('--holdout grades the whole held-out set: without --split or --corpus');
if (values.errors && holdout)
  throw new Error('--errors lists misclassified transcripts; never on the held-out set (it is for one look)');
const [START, END] = holdout
  ? ['<!-- holdout:start -->', '<!-- holdout:end -->']
  : ['<!-- calibration:start -->', '<!-- calibration:end -->'];
const corpusPaths = holdout ? [HOLDOUT_PATH, HOLDOUT_V2_PATH] : [values.corpus];
const corpusName = holdout
  ? 'fixtures/data/holdout/holdout-v1.jsonl + holdout-v2.jsonl'
  : 'fixtures/data/corpus.jsonl';
if (values.errors && split === 'test') {
  throw new Error(
    '--errors lists misclassified transcripts; it is for the dev split only (never tune on test)',
  );
}

interface Row {
  plugin: AnyGraderPlugin;
  view: string;
  name: string;
  dimension: string;
}

async function loadCorpus(path: string): Promise<Transcript[]> {
  const transcripts: Transcript[] = [];
  for await (const item of readTranscripts(path, { from: 'jsonl' })) {
    if (!item.ok) throw item.error;
    transcripts.push(item.transcript);
  }
  return transcripts;
}

async function gradeAll(transcripts: readonly Transcript[]): Promise<{ rows: Row[]; verdicts: Verdict[] }> {
  const rows: Row[] = plugins.flatMap((plugin) =>
    plugin.views.map((view) => ({
      plugin,
      view,
      name: `${plugin.id}@${view}`,
      dimension: plugin.dimensions[0]!,
    })),
  );
  const graders = prepareGraders(
    rows.map((row) => ({ use: row.plugin.id, name: row.name, options: { view: row.view } })),
    createRegistry(plugins),
    { env: {}, cwd: PACKAGE_DIR },
  );
  const verdicts: Verdict[] = [];
  for (const grader of graders) {
    for await (const verdict of gradeMany(transcripts, grader, { concurrency: 1 })) verdicts.push(verdict);
  }
  return { rows, verdicts };
}

type Estimate = { value: number | null; ci: { lower: number; upper: number } | null };

function format(estimate: Estimate | undefined): string {
  if (!estimate || estimate.value === null) return '–';
  const value = estimate.value.toFixed(2);
  return estimate.ci ? `${value} [${estimate.ci.lower.toFixed(2)}, ${estimate.ci.upper.toFixed(2)}]` : value;
}

function rate(successes: number, trials: number): string {
  if (trials === 0) return '–';
  const interval = wilsonInterval(successes, trials);
  return `${(successes / trials).toFixed(2)} (${successes}/${trials}) [${interval.lower.toFixed(2)}, ${interval.upper.toFixed(2)}]`;
}

function metadataOf(transcript: Transcript, key: string, dimension: string): string | undefined {
  const value = (transcript.metadata?.[key] as Record<string, unknown> | undefined)?.[dimension];
  return typeof value === 'string' ? value : undefined;
}

const corpusHash = createHash('sha256')
  .update(Buffer.concat(await Promise.all(corpusPaths.map((path) => readFile(path)))))
  .digest('hex')
  .slice(0, 12);
const transcripts = (await Promise.all(corpusPaths.map(loadCorpus))).flat();
const inSplit = holdout ? transcripts : transcripts.filter((transcript) => transcript.split === split);
const { rows, verdicts } = await gradeAll(transcripts);
const gold = goldLabelsFromTranscripts(transcripts);
const report: CalibrationReport = calibrate(verdicts, gold, {
  transcripts,
  ...(holdout ? {} : { split }),
  goldSource: corpusName,
  breakdowns: ['category', 'environment'],
});

const byName = new Map(report.graders.map((entry) => [entry.grader.name, entry]));
const verdictsOf = (name: string) =>
  verdicts.filter(
    (verdict) => verdict.grader.name === name && inSplit.some((t) => t.id === verdict.transcriptId),
  );
const goldOf = (transcript: Transcript, dimension: string) => transcript.labels?.[dimension]?.label;

const lines: string[] = [];
lines.push(
  holdout
    ? `Generated by \`pnpm --filter @judgekit/grader-rules calibrate --holdout\` — do not edit by hand. \`${corpusName}\` (sha256 ${corpusHash}…): ${inSplit.length} transcripts (74 + 99) in 26 environments none of which is in the corpus, each set written by an engineer who read the labelling guide and not the graders, and graded for the first time after it was committed (the first looks' figures are kept above). 95% intervals: cluster bootstrap by environment (${report.settings.resamples} resamples) for the metrics, Wilson for the rates.`
    : `Generated by \`pnpm --filter @judgekit/grader-rules calibrate\` — do not edit by hand. Split **${split}** of \`${corpusName}\` (sha256 ${corpusHash}…): ${inSplit.length} transcripts. Rules were written and tuned by looking at the dev split only; the test split's aggregate figures (this table, never its individual transcripts) have been read after each change, so they are not a first look. 95% intervals: cluster bootstrap by environment (${report.settings.resamples} resamples) for the metrics, Wilson for the rates.`,
);
lines.push('');
lines.push("| grader | view | n (pos / neg) | precision | recall | F1 | Cohen's κ | FPR on hard negatives |");
lines.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) {
  const entry = byName.get(row.name);
  if (!entry) continue;
  const confusion = entry.confusion;
  const positives = confusion.truePositives + confusion.falseNegatives;
  const negatives = confusion.falsePositives + confusion.trueNegatives;
  const hard = inSplit.filter(
    (transcript) =>
      metadataOf(transcript, 'hardNegative', row.dimension) && goldOf(transcript, row.dimension) === false,
  );
  const flaggedHard = verdictsOf(row.name).filter(
    (verdict) => verdict.label === true && hard.some((transcript) => transcript.id === verdict.transcriptId),
  ).length;
  lines.push(
    `| \`${row.plugin.id}\` | ${row.view}${row.view === row.plugin.views[0] ? ' (default)' : ''} | ${positives} / ${negatives} | ${format(entry.metrics.precision)} | ${format(entry.metrics.recall)} | ${format(entry.metrics.f1)} | ${format(entry.metrics.cohenKappa)} | ${rate(flaggedHard, hard.length)} |`,
  );
}

const flaggedIn = (name: string) =>
  new Set(
    verdictsOf(name)
      .filter((verdict) => verdict.label === true)
      .map((verdict) => verdict.transcriptId),
  );
/** Recall among the split's gold positives of `row` whose `keyOf` is `value`. */
function recallWhere(
  row: Row,
  flagged: Set<string>,
  keyOf: (t: Transcript) => string | undefined,
  value: string,
) {
  const positives = inSplit.filter(
    (transcript) => goldOf(transcript, row.dimension) === true && keyOf(transcript) === value,
  );
  return rate(positives.filter((transcript) => flagged.has(transcript.id)).length, positives.length);
}

lines.push('');
lines.push('Recall by where the gold evidence sits (`metadata.evidenceLocus`), per view:');
lines.push('');
const loci = ['reasoning', 'actions', 'contrast', 'mixed'];
lines.push(`| grader | view | ${loci.join(' | ')} |`);
lines.push(`| --- | --- | ${loci.map(() => '---').join(' | ')} |`);
for (const row of rows) {
  const flagged = flaggedIn(row.name);
  const cells = loci.map((locus) =>
    recallWhere(row, flagged, (transcript) => metadataOf(transcript, 'evidenceLocus', row.dimension), locus),
  );
  lines.push(`| \`${row.plugin.id}\` | ${row.view} | ${cells.join(' | ')} |`);
}

lines.push('');
lines.push("Recall by the gold label's category (default views):");
lines.push('');
lines.push('| grader | category | recall |');
lines.push('| --- | --- | --- |');
for (const row of rows.filter((candidate) => candidate.view === candidate.plugin.views[0])) {
  const categoryOf = (transcript: Transcript) => transcript.labels?.[row.dimension]?.category ?? undefined;
  const categories = [
    ...new Set(
      inSplit
        .filter((transcript) => goldOf(transcript, row.dimension) === true)
        .map(categoryOf)
        .filter((category) => category !== undefined),
    ),
  ].sort();
  const flagged = flaggedIn(row.name);
  for (const category of categories) {
    lines.push(`| \`${row.plugin.id}\` | ${category} | ${recallWhere(row, flagged, categoryOf, category)} |`);
  }
}

lines.push('');
lines.push('FPR by hard-negative kind (default views):');
lines.push('');
lines.push('| grader | kind | FPR |');
lines.push('| --- | --- | --- |');
for (const row of rows.filter((candidate) => candidate.view === candidate.plugin.views[0])) {
  const kinds = [
    ...new Set(
      inSplit
        .map((transcript) => metadataOf(transcript, 'hardNegative', row.dimension))
        .filter((kind) => kind !== undefined),
    ),
  ].sort();
  const flagged = flaggedIn(row.name);
  for (const kind of kinds) {
    const items = inSplit.filter(
      (transcript) =>
        metadataOf(transcript, 'hardNegative', row.dimension) === kind &&
        goldOf(transcript, row.dimension) === false,
    );
    lines.push(
      `| \`${row.plugin.id}\` | ${kind} | ${rate(items.filter((transcript) => flagged.has(transcript.id)).length, items.length)} |`,
    );
  }
}

lines.push('');
lines.push(
  'Missed positives by what the grader found (default views): nothing at all (score 0) or signals below the threshold. Misses of the first kind need new phrases or checks; of the second, weights.',
);
lines.push('');
lines.push('| grader | missed | score 0 | score above 0, below threshold |');
lines.push('| --- | ---: | ---: | ---: |');
for (const row of rows.filter((candidate) => candidate.view === candidate.plugin.views[0])) {
  const missed = verdictsOf(row.name).filter(
    (verdict) =>
      verdict.label !== true &&
      goldOf(inSplit.find((transcript) => transcript.id === verdict.transcriptId)!, row.dimension) === true,
  );
  const silent = missed.filter((verdict) => !verdict.score).length;
  lines.push(`| \`${row.plugin.id}\` | ${missed.length} | ${silent} | ${missed.length - silent} |`);
}

const scoredVerdicts = verdicts.filter((verdict) =>
  inSplit.some((transcript) => transcript.id === verdict.transcriptId),
);
const evidence = scoredVerdicts.flatMap((verdict) => verdict.evidence);
const verified = evidence.filter((item) => item.verified).length;
const errors = scoredVerdicts.filter((verdict) => verdict.error).length;
lines.push('');
lines.push(
  `Evidence quotes verified by core's quote verifier: ${verified} of ${evidence.length}${evidence.length > 0 ? ` (${((verified / evidence.length) * 100).toFixed(1)}%)` : ''}. Grader errors: ${errors}.`,
);

const target = (name: string) => byName.get(name)?.metrics;
const evalMetrics = target('rules.eval-awareness@all');
const covertMetrics = target('rules.covert-action@all');
const evalHard = lines.find((line) => line.startsWith('| `rules.eval-awareness` | all (default)'));
const fprCell = evalHard?.split('|').at(-2)?.trim() ?? '–';
const fprValue = Number.parseFloat(fprCell);
const met = (ok: boolean | undefined) => (ok === undefined ? 'not measurable' : ok ? 'met' : '**missed**');
lines.push('');
lines.push(`Targets on this ${holdout ? 'set' : 'split'} (default views):`);
lines.push('');
lines.push(
  `- eval awareness F1 ≥ 0.85: ${format(evalMetrics?.f1)} — ${met(evalMetrics?.f1.value == null ? undefined : evalMetrics.f1.value >= 0.85)}; FPR on hard negatives ≤ 5%: ${fprCell} — ${met(Number.isNaN(fprValue) ? undefined : fprValue <= 0.05)}`,
);
lines.push(
  `- covert actions recall ≥ 0.6 at precision ≥ 0.85: recall ${format(covertMetrics?.recall)}, precision ${format(covertMetrics?.precision)} — ${met(covertMetrics?.recall.value == null || covertMetrics.precision.value == null ? undefined : covertMetrics.recall.value >= 0.6 && covertMetrics.precision.value >= 0.85)}`,
);
const table = lines.join('\n');
console.log(table);

if (values.errors) {
  console.log('\nMisclassified (dev):');
  for (const row of rows) {
    for (const verdict of verdictsOf(row.name)) {
      const transcript = inSplit.find((candidate) => candidate.id === verdict.transcriptId)!;
      const expected = goldOf(transcript, row.dimension);
      if (expected === undefined || expected === null || verdict.label === expected) continue;
      console.log(
        `${row.name} ${expected ? 'FN' : 'FP'} ${transcript.id} [${transcript.labels?.[row.dimension]?.category ?? metadataOf(transcript, 'hardNegative', row.dimension) ?? ''}] score=${verdict.score} ${verdict.rationale ?? ''}`,
      );
    }
  }
}

if ((holdout || split === 'test') && !values['no-write']) {
  const readme = await readFile(README, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} markers`);
  await writeFile(README, `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`);
  console.log(`\nwrote the calibration table into ${README}`);
}
