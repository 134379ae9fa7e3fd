/**
 * Child process of the bench: streams a JSONL corpus through core's runner with every rule grader
 * (`--mode graders`: calls the graders directly, without the runner; `--mode runner-baseline`: the
 * runner with three no-op graders; `--mode read`: only reads and validates) and prints its figures
 * as one JSON line. Applies core's `STREAMING_V8_FLAGS` first, as `judgekit` does at start-up.
 */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readTranscripts } from '@judgekit/adapters';
import {
  type AnyGraderPlugin,
  applyStreamingV8Flags,
  createRegistry,
  defineGrader,
  prepareGraders,
  runGrading,
} from '@judgekit/core';
import { z } from 'zod';
import { plugins } from '../src/index.js';

applyStreamingV8Flags();

/** Three graders that answer "no" at once, one per dimension: the runner's own cost. */
function baselinePlugins(): AnyGraderPlugin[] {
  return plugins.map((plugin) =>
    defineGrader({
      ...plugin,
      id: `${plugin.id}-noop`,
      config: z.object({}),
      create: () => ({
        type: 'transcript',
        grade: () => [
          { dimension: plugin.dimensions[0]!, label: false, score: 0, evidence: [], view: 'all' },
        ],
      }),
    }),
  );
}

const { values } = parseArgs({
  options: {
    input: { type: 'string' },
    out: { type: 'string' },
    mode: { type: 'string', default: 'grade' },
    concurrency: { type: 'string', default: '8' },
  },
});
if (!values.input || !values.out)
  throw new Error(
    'usage: grade-corpus --input corpus.jsonl --out run-dir [--mode grade|graders|runner-baseline|read]',
  );

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
  // `runner-baseline`: the same runner with three graders that do nothing (the ceiling the runner
  // and the reader leave for grading); `grade`: the three rule graders
  const used = values.mode === 'runner-baseline' ? baselinePlugins() : plugins;
  const graders = prepareGraders(
    used.map((plugin) => ({ use: plugin.id })),
    createRegistry(used),
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
