/**
 * CPU profile of the rule graders alone (not a test): generates `--transcripts` bench transcripts,
 * parses them as the reader does, warms the graders up on the first `--warmup`, then grades all of
 * them (called directly, default options) under V8's sampling profiler, started and stopped around
 * the grading only: start-up, pack compilation and parsing stay out of the profile. Prints CPU µs
 * per transcript and the functions with most self and inclusive time, and writes the
 * `.cpuprofile` (open it in Chrome DevTools or speedscope). The inspector's own sampling shows as
 * `dispatch` (about a tenth of the samples): leave it out when reading shares.
 *
 *   pnpm --filter @judgekit/grader-rules exec tsx --conditions=@judgekit/source bench/profile-graders.ts \
 *     [--transcripts 5000] [--warmup 1000] [--top 40] [--out /tmp/graders.cpuprofile]
 *
 * Under tsx the profile's line numbers are those of the transpiled modules (often 0), so rows are
 * grouped by function name and file. The irregexp code of a regex is reported under its caller
 * unless V8 compiled it natively, when it appears as `RegExp: <source>`.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { TranscriptSchema } from '@judgekit/core';
import { benchTranscript } from '@judgekit/fixtures';
import { scriptArgs } from '@judgekit/test-support';
import { plugins } from '../src/index.js';

const USAGE = `
Usage: tsx --conditions=@judgekit/source bench/profile-graders.ts [--transcripts 5000] [--warmup 1000] [--top 40] [--out file]

CPU-profiles the three rule graders on generated bench transcripts (grading only) and prints the
functions with most self and inclusive time.
`;
const { values } = scriptArgs(USAGE, {
  options: {
    transcripts: { type: 'string', default: '5000' },
    warmup: { type: 'string', default: '1000' },
    top: { type: 'string', default: '40' },
    out: { type: 'string', default: 'graders.cpuprofile' },
  },
});
const total = Number(values.transcripts);
const warmup = Number(values.warmup);
const top = Number(values.top);

const instances = plugins.map((plugin) => {
  const instance = plugin.create(plugin.config.parse({}), { env: {}, cwd: process.cwd() });
  if (instance.type !== 'transcript') throw new Error(`${plugin.id} is not a transcript grader`);
  return instance;
});
const signal = new AbortController().signal;
const parsed = (index: number) => TranscriptSchema.parse(JSON.parse(JSON.stringify(benchTranscript(index))));

// warm-up on transcripts of their own: the graders cache per transcript object
for (let index = 0; index < warmup; index++) {
  const transcript = parsed(total + index);
  for (const instance of instances) await instance.grade(transcript, { signal });
}
const transcripts = Array.from({ length: total }, (_, index) => parsed(index));

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const cpuBefore = process.cpuUsage();
for (const transcript of transcripts)
  for (const instance of instances) await instance.grade(transcript, { signal });
const cpu = process.cpuUsage(cpuBefore);
const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
session.disconnect();
await writeFile(values.out, JSON.stringify(profile));

const nameOf = (node: ProfileNode) => {
  const file = node.callFrame.url.split('/').slice(-2).join('/');
  const name = node.callFrame.functionName || '(anonymous)';
  return file ? `${name}  ${file}` : name.slice(0, 160);
};
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const ticks = new Map<number, number>();
for (const [index, id] of profile.samples.entries())
  ticks.set(id, (ticks.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let sampled = 0;
for (const [id, time] of ticks) {
  sampled += time;
  const name = nameOf(byId.get(id)!);
  self.set(name, (self.get(name) ?? 0) + time);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const key = nameOf(byId.get(at)!);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + time);
  }
}
const rows = (map: Map<string, number>) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, time]) => `${((100 * time) / sampled).toFixed(1).padStart(5)}%  ${name}`)
    .join('\n');

console.log(
  `${total} transcripts: ${((cpu.user + cpu.system) / total).toFixed(1)} µs CPU per transcript (3 graders, direct; 1-minute load ${loadavg()[0]!.toFixed(1)})`,
);
console.log(`\nself time\n${rows(self)}`);
console.log(`\ninclusive time\n${rows(inclusive)}`);
console.log(`\nprofile written to ${values.out}`);
