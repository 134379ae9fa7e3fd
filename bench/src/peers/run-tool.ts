/**
 * Child process of the peer bench: grades the bench corpus on the three dimensions with one tool
 * against the bench server, once, and prints one JSON line of figures. Run twice with the same
 * `--work-dir` for the identical re-run (caches live there).
 *
 *   tsx --conditions=@judgekit/source src/peers/run-tool.ts --tool autoevals --base-url URL \
 *     --transcripts 600 --concurrency 12 --work-dir DIR --run 1 [--corpus fixtures|assebench]
 *     [--profile-file F [--profile-kind cpu|heap]]
 */
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchCorpusName } from './bench-corpus.js';
import { watchOutboundConnections } from './net-watch.js';
import { startProfiler } from './window-profiler.js';

const outbound = watchOutboundConnections();
const { values } = parseArgs({
  options: {
    tool: { type: 'string' },
    'base-url': { type: 'string' },
    transcripts: { type: 'string', default: '600' },
    corpus: { type: 'string', default: 'fixtures' },
    concurrency: { type: 'string', default: '12' },
    'work-dir': { type: 'string' },
    run: { type: 'string', default: '1' },
    'profile-file': { type: 'string' },
    'profile-kind': { type: 'string', default: 'cpu' },
  },
});
const tool = values.tool!;
// judgekit's rows run as `judgekit` does: with core's V8 settings for streaming, applied first
if (tool.startsWith('judgekit')) {
  const { applyStreamingV8Flags } = await import('@judgekit/core');
  applyStreamingV8Flags();
}
const baseURL = values['base-url']!;
const concurrency = Number(values.concurrency);
const workDir = values['work-dir']!;
mkdirSync(workDir, { recursive: true });

/** What a tool's run returns besides its wall time. */
export interface ToolRunResult {
  /** (transcript, dimension) answers the tool produced. */
  answers: number;
  /** Answers that ended in an error. */
  errors: number;
  /** Positive answers (dimension shown) by dimension. */
  positives: Record<string, number>;
}

const { benchCorpus } = await import('./bench-corpus.js');
const { plainTranscript } = await import('./plain-transcript.js');
const corpus = await benchCorpus(values.corpus as BenchCorpusName, Number(values.transcripts));
if (!corpus) throw new Error(`the ${values.corpus} corpus is absent`);
const { transcripts } = corpus;

/**
 * Runs the tool once (timed). A tool whose answers end up in files returns how to count them
 * instead, and they are read after the clock stops: reading results back is not grading.
 */
export type Runner = () => Promise<ToolRunResult | (() => Promise<ToolRunResult>)>;
let runner: Runner;
if (tool.startsWith('judgekit')) {
  const { judgekitRunner } = await import('./tools/judgekit-tool.js');
  runner = await judgekitRunner({
    variant: tool as 'judgekit-scheming' | 'judgekit-dimensions' | 'judgekit-scheming-few-shot',
    transcripts,
    baseURL,
    concurrency,
    cacheDir: join(workDir, 'cache'),
    runDir: join(workDir, `run-${values.run}`),
  });
} else if (tool === 'autoevals') {
  const { autoevalsRunner } = await import('./tools/autoevals-tool.js');
  runner = await autoevalsRunner({ texts: transcripts.map(plainTranscript), baseURL, concurrency });
} else if (tool === 'promptfoo') {
  const { promptfooRunner } = await import('./tools/promptfoo-tool.js');
  runner = await promptfooRunner({ texts: transcripts.map(plainTranscript), baseURL, concurrency });
} else if (tool === 'http-floor') {
  const { httpFloorRunner } = await import('./tools/http-floor-tool.js');
  runner = await httpFloorRunner({ transcripts, baseURL, concurrency });
} else if (tool === 'sdk-floor') {
  const { sdkFloorRunner } = await import('./tools/http-floor-tool.js');
  runner = await sdkFloorRunner({ transcripts, baseURL, concurrency });
} else throw new Error(`unknown tool ${tool}`);

const profiler = values['profile-file']
  ? await startProfiler(values['profile-kind'] === 'heap' ? 'heap' : 'cpu')
  : undefined;
const loadBefore = loadavg();
const cpuBefore = process.cpuUsage();
const started = performance.now();
const outcome = await runner();
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
if (profiler) await profiler.stop(values['profile-file']!);
const result = typeof outcome === 'function' ? await outcome() : outcome;
console.log(
  JSON.stringify({
    tool,
    run: Number(values.run),
    transcripts: transcripts.length,
    concurrency,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    ...result,
    loadBefore,
    loadAfter: loadavg(),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    outboundHosts: outbound(),
  }),
);
