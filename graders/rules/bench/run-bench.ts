/**
 * Rule-grader throughput benchmark (not a test). Generates a realistic corpus of fixture-like agent
 * transcripts into a temporary directory, then grades it streaming — JSONL read line by line by
 * `@judgekit/adapters`, every rule grader through core's runner, verdicts appended to a run
 * directory — in a child process per measurement, and prints MB/s, transcripts/s per core and
 * peak RSS. A fifth of the corpus is graded too, to show that memory does not grow with input.
 *
 *   pnpm --filter @judgekit/grader-rules bench [--transcripts 50000] [--keep] [--cpu-prof] [--write-readme]
 *
 * `--write-readme` puts the printed figures into README.md between the bench markers.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchTranscript } from '@judgekit/fixtures';
import { scriptArgs } from '@judgekit/test-support';

const USAGE = `
Usage: pnpm --filter @judgekit/grader-rules bench [--transcripts 50000] [--concurrency 8] [--keep] [--cpu-prof] [--node-flags '...'] [--write-readme]

Rule-grader throughput benchmark: generates a corpus, grades it in child processes and prints
MB/s, transcripts/s per core and peak RSS.
`;
const { values } = scriptArgs(USAGE, {
  options: {
    transcripts: { type: 'string', default: '50000' },
    keep: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '8' },
    /** Extra V8 flags for the measured child processes, e.g. `--max-semi-space-size=32`. */
    'node-flags': { type: 'string', default: '' },
    'write-readme': { type: 'boolean', default: false },
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

function measure(
  input: string,
  mode: 'grade' | 'graders' | 'runner-baseline' | 'read',
  label: string,
): Figures {
  const script = new URL('./grade-corpus.ts', import.meta.url).pathname;
  const nodeArgs = [
    '--conditions=@judgekit/source',
    '--import',
    'tsx',
    ...values['node-flags'].split(/\s+/).filter(Boolean),
  ];
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
  [
    'runner with 3 no-op graders: the runner and reader alone (full corpus)',
    measure(fullPath, 'runner-baseline', 'baseline'),
  ],
  ['grade, 3 rule graders (fifth of corpus)', measure(smallPath, 'grade', 'fifth')],
  ['grade, 3 rule graders (full corpus)', measure(fullPath, 'grade', 'full')],
] as const;

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines: string[] = [];
const before = loadavg()[0]!;
lines.push(
  `Measured by \`pnpm --filter @judgekit/grader-rules bench\` — Node ${process.version}, ${cpu}, ${availableParallelism()} cores available, 1-minute load average ${before.toFixed(1)} when it ended (other work shares the machine; CPU-seconds are the fairer figure). Corpus: ${total.toLocaleString('en-US')} generated transcripts, ${(fullBytes / MB).toFixed(1)} MB JSONL (written in ${generationSeconds.toFixed(1)} s).`,
);
lines.push('');
lines.push(
  '| run | transcripts | MB | wall s | CPU s | MB/s (wall) | MB/s per CPU-s | transcripts/s per core | verdicts | errors | peak RSS MB |',
);
lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [label, figures] of rows) {
  lines.push(
    `| ${label} | ${figures.transcripts.toLocaleString('en-US')} | ${(figures.bytes / MB).toFixed(1)} | ${figures.seconds.toFixed(1)} | ${figures.cpuSeconds.toFixed(1)} | ${(figures.bytes / MB / figures.seconds).toFixed(1)} | ${(figures.bytes / MB / figures.cpuSeconds).toFixed(1)} | ${Math.round(figures.transcripts / figures.cpuSeconds).toLocaleString('en-US')} | ${figures.verdicts.toLocaleString('en-US')} | ${figures.errors} | ${(figures.peakRssBytes / MB).toFixed(0)} |`,
  );
}
const fullRun = rows.at(-1)![1];
const fifthRun = rows.at(-2)![1];
const throughput = fullRun.bytes / MB / fullRun.cpuSeconds;
const peak = Math.max(fullRun.peakRssBytes, fifthRun.peakRssBytes) / MB;
lines.push('');
lines.push(
  `Targets (full corpus through the runner): ≥ 40 MB/s on one core — ${throughput.toFixed(1)} MB/s per CPU-second, ${throughput >= 40 ? 'met' : '**missed**'}; peak RSS < 300 MB whatever the input size — ${peak.toFixed(0)} MB (${(fifthRun.peakRssBytes / MB).toFixed(0)} MB on a fifth of the corpus), ${peak < 300 ? 'met' : '**missed**'}.`,
);
console.log(lines.join('\n'));
if (values.keep) console.log(`\ncorpus kept in ${dir}`);

if (values['write-readme']) {
  const readmePath = new URL('../README.md', import.meta.url);
  const readme = await readFile(readmePath, 'utf8');
  const start = readme.indexOf('<!-- bench:start -->');
  const end = readme.indexOf('<!-- bench:end -->');
  if (start < 0 || end < start) throw new Error('README.md has no bench markers');
  await writeFile(
    readmePath,
    `${readme.slice(0, start + '<!-- bench:start -->'.length)}\n${lines.join('\n')}\n${readme.slice(end)}`,
  );
  console.log('wrote the figures into README.md');
}
if (values['cpu-prof']) console.log(`\nCPU profiles in ${join(dir, 'profiles')}`);
if (!values.keep && !values['cpu-prof']) await rm(dir, { recursive: true, force: true });
