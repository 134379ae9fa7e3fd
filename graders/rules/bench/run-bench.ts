/**
 * Rule-grader throughput benchmark (not a test). Generates a realistic corpus of fixture-like agent
 * transcripts into a temporary directory, then grades it streaming — JSONL read line by line by
 * `@judgekit/adapters`, every rule grader through core's runner, verdicts appended to a run
 * directory — in a child process per measurement, and prints MB/s, transcripts/s per core and
 * peak RSS. A fifth of the corpus is graded too, to show that memory does not grow with input.
 *
 *   pnpm --filter @judgekit/grader-rules bench [--transcripts 50000] [--keep] [--cpu-prof]
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchTranscript } from './corpus-generator.js';

const { values } = parseArgs({
  options: {
    transcripts: { type: 'string', default: '50000' },
    keep: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '8' },
  },
});
const total = Number(values.transcripts);
const small = Math.max(1, Math.floor(total / 5));
const dir = await mkdtemp(join(tmpdir(), 'judgekit-rules-bench-'));
const fullPath = join(dir, 'corpus.jsonl');
const smallPath = join(dir, 'corpus-fifth.jsonl');

async function write(stream: NodeJS.WritableStream, line: string): Promise<void> {
  if (!stream.write(line)) await new Promise((resolve) => stream.once('drain', resolve));
}

const generationStarted = performance.now();
const full = createWriteStream(fullPath);
const fifth = createWriteStream(smallPath);
for (let index = 0; index < total; index++) {
  const line = `${JSON.stringify(benchTranscript(index))}\n`;
  await write(full, line);
  if (index < small) await write(fifth, line);
}
await Promise.all([full, fifth].map((stream) => new Promise((resolve) => stream.end(resolve))));
const generationSeconds = (performance.now() - generationStarted) / 1000;
const fullBytes = (await stat(fullPath)).size;

interface Figures {
  mode: string;
  bytes: number;
  transcripts: number;
  verdicts: number;
  errors: number;
  seconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
}

function measure(input: string, mode: 'grade' | 'graders' | 'read', label: string): Figures {
  const script = new URL('./grade-corpus.ts', import.meta.url).pathname;
  const nodeArgs = ['--conditions=@judgekit/source', '--import', 'tsx'];
  if (values['cpu-prof'] && mode !== 'read')
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${join(dir, 'profiles')}`);
  const child = spawnSync(
    process.execPath,
    [
      ...nodeArgs,
      script,
      '--input',
      input,
      '--out',
      join(dir, `run-${label}`),
      '--mode',
      mode,
      '--concurrency',
      values.concurrency,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (child.status !== 0) throw new Error(`bench child failed (${label}):\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Figures;
}

const MB = 1024 * 1024;
const rows = [
  ['read + validate only (full corpus)', measure(fullPath, 'read', 'read')],
  ['read + 3 rule graders called directly, no runner (full corpus)', measure(fullPath, 'graders', 'graders')],
  ['grade, 3 rule graders (fifth of corpus)', measure(smallPath, 'grade', 'fifth')],
  ['grade, 3 rule graders (full corpus)', measure(fullPath, 'grade', 'full')],
] as const;

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `judgekit rule-grader bench — Node ${process.version}, ${cpu}, ${availableParallelism()} cores available`,
);
console.log(
  `corpus: ${total.toLocaleString('en-US')} transcripts, ${(fullBytes / MB).toFixed(1)} MB JSONL (generated in ${generationSeconds.toFixed(1)} s) in ${dir}`,
);
console.log('');
console.log(
  '| run | transcripts | MB | wall s | CPU s | MB/s (wall) | MB/s per CPU-s | transcripts/s per core | verdicts | errors | peak RSS MB |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [label, figures] of rows) {
  console.log(
    `| ${label} | ${figures.transcripts.toLocaleString('en-US')} | ${(figures.bytes / MB).toFixed(1)} | ${figures.seconds.toFixed(1)} | ${figures.cpuSeconds.toFixed(1)} | ${(figures.bytes / MB / figures.seconds).toFixed(1)} | ${(figures.bytes / MB / figures.cpuSeconds).toFixed(1)} | ${Math.round(figures.transcripts / figures.cpuSeconds).toLocaleString('en-US')} | ${figures.verdicts.toLocaleString('en-US')} | ${figures.errors} | ${(figures.peakRssBytes / MB).toFixed(0)} |`,
  );
}
if (values['cpu-prof']) console.log(`\nCPU profiles in ${join(dir, 'profiles')}`);
if (!values.keep && !values['cpu-prof']) await rm(dir, { recursive: true, force: true });
