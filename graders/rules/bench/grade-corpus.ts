/**
 * Child process of the bench: streams a JSONL corpus through core's runner with every rule grader
 * (`--mode graders`: calls the graders directly, without the runner; `--mode read`: only reads and
 * validates) and prints its figures as one JSON line.
 */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readTranscripts } from '@judgekit/adapters';
import { createRegistry, prepareGraders, runGrading } from '@judgekit/core';
import { plugins } from '../src/index.js';

const { values } = parseArgs({
  options: {
    input: { type: 'string' },
    out: { type: 'string' },
    mode: { type: 'string', default: 'grade' },
    concurrency: { type: 'string', default: '8' },
  },
});
if (!values.input || !values.out)
  throw new Error('usage: grade-corpus --input corpus.jsonl --out run-dir [--mode grade|graders|read]');

const bytes = (await stat(values.input)).size;
const cpuBefore = process.cpuUsage();
const started = performance.now();
let transcripts = 0;
let verdicts = 0;
let errors = 0;
if (values.mode === 'read') {
  for await (const item of readTranscripts(values.input, { from: 'jsonl' })) {
    if (!item.ok) throw item.error;
    transcripts++;
  }
} else if (values.mode === 'graders') {
  // the graders alone, called directly on each transcript as it is read (no runner, no verdict file)
  const instances = plugins.map((plugin) =>
    plugin.create(plugin.config.parse({}), { env: {}, cwd: process.cwd() }),
  );
  const signal = new AbortController().signal;
  for await (const item of readTranscripts(values.input, { from: 'jsonl' })) {
    if (!item.ok) throw item.error;
    transcripts++;
    for (const instance of instances) {
      if (instance.type !== 'transcript') continue;
      const drafts = await instance.grade(item.transcript, { signal });
      verdicts += drafts.length;
    }
  }
} else {
  const graders = prepareGraders(
    plugins.map((plugin) => ({ use: plugin.id })),
    createRegistry(plugins),
    { env: {}, cwd: process.cwd() },
  );
  const summary = await runGrading({
    runDir: values.out,
    transcripts: readTranscripts(values.input, { from: 'jsonl' }),
    graders,
    concurrency: Number(values.concurrency),
    overwrite: true,
  });
  transcripts = summary.counts.transcripts;
  verdicts = summary.counts.verdicts;
  errors = summary.counts.errors;
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  JSON.stringify({
    mode: values.mode,
    bytes,
    transcripts,
    verdicts,
    errors,
    seconds,
    cpuSeconds,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
