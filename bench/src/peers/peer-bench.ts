import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ipcRequest, lastJSONLine, runChild, startIPCChild, tsNodeArgs } from '../child-process.js';
import type { BenchCorpusName } from './bench-corpus.js';
import type { ServerStats } from './server-stats.js';

/**
 * The rows of the peer comparison, in print order; the first is the reference for ratios. The last,
 * two, `http-floor` and `sdk-floor`, grade nothing: a bare HTTP client showing what the server and
 * machine cost alone, and the official OpenAI SDK sending the same bodies, what any SDK client adds.
 */
export const PEER_TOOLS = [
  'judgekit-scheming',
  'judgekit-dimensions',
  'judgekit-scheming-few-shot',
  'autoevals',
  'promptfoo',
  'http-floor',
  'sdk-floor',
] as const;
export type PeerTool = (typeof PEER_TOOLS)[number];

/** One run of one tool, as the tool's process and the server saw it. */
export interface ToolRun {
  tool: PeerTool;
  run: number;
  transcripts: number;
  concurrency: number;
  wallMs: number;
  cpuMs: number;
  answers: number;
  errors: number;
  positives: Record<string, number>;
  loadBefore: number[];
  loadAfter: number[];
  peakRssBytes: number;
  outboundHosts: string[];
  server: ServerStats;
}

/** A tool's first run and its identical re-run. */
export interface PeerRow {
  tool: PeerTool;
  first: ToolRun;
  rerun: ToolRun;
}

export interface PeerBenchResult {
  /** Which transcripts were graded: `fixtures` (the target is judged on it) or `assebench`. */
  corpus: BenchCorpusName;
  transcripts: number;
  /** Transcripts the corpus holds (the bench grades the first `transcripts`; ASSEBench's longest first). */
  available: number;
  /** Bytes of the plain transcript each peer call carries (the transcript alone): median and mean. */
  plainTranscriptBytes: { median: number; mean: number };
  /** `oneCallInputFloor` of the transcripts graded (absent from results written before it existed). */
  oneCallInputFloor?: number;
  concurrency: number;
  latencyMs: number;
  rows: PeerRow[];
}

const RUN_TOOL = fileURLToPath(new URL('./run-tool.ts', import.meta.url));
const SERVER = fileURLToPath(new URL('./judge-server-process.ts', import.meta.url));

/** Environment of a tool's process: no real keys, every peer's network extras off, caches in `home`. */
function toolEnvironment(home: string, concurrency: number): NodeJS.ProcessEnv {
  const {
    OPENAI_API_KEY: _openai,
    OPENAI_BASE_URL: _base,
    ANTHROPIC_API_KEY: _anthropic,
    BRAINTRUST_API_KEY: _braintrust,
    ...rest
  } = process.env;
  return {
    ...rest,
    OPENAI_API_KEY: 'sk-bench-local',
    XDG_CACHE_HOME: join(home, 'xdg-cache'),
    PROMPTFOO_CONFIG_DIR: join(home, 'promptfoo'),
    PROMPTFOO_CACHE_PATH: join(home, 'promptfoo', 'cache'),
    PROMPTFOO_LOG_DIR: join(home, 'promptfoo', 'logs'),
    PROMPTFOO_DISABLE_TELEMETRY: '1',
    PROMPTFOO_DISABLE_UPDATE: '1',
    PROMPTFOO_DISABLE_REMOTE_GENERATION: '1',
    PROMPTFOO_DISABLE_REDTEAM_REMOTE_GENERATION: '1',
    PROMPTFOO_DISABLE_SHARING: '1',
    PROMPTFOO_SELF_HOSTED: '1',
    PROMPTFOO_DISABLE_ERROR_LOG: '1',
    PROMPTFOO_DISABLE_DEBUG_LOG: '1',
    // promptfoo's HTTP pool: as a library it has 4 connections unless this is set (the CLI sets it from -j)
    PROMPTFOO_FETCH_CONNECTIONS: String(concurrency),
    NO_COLOR: '1',
  };
}

/**
 * Grades the same transcripts with every tool against one bench server (its own process, fixed
 * latency), each tool in its own process, twice: a first run and an identical re-run with the same
 * caches. Counts what the server saw per run.
 */
export async function runPeerBench(options: {
  corpus?: BenchCorpusName;
  transcripts: number;
  available: number;
  plainTranscriptBytes: { median: number; mean: number };
  oneCallInputFloor: number;
  concurrency: number;
  latencyMs: number;
  tools?: readonly PeerTool[];
  log?: (line: string) => void;
}): Promise<PeerBenchResult> {
  const log = options.log ?? (() => {});
  const { child: server, first } = await startIPCChild<{ openaiBaseURL: string }>(SERVER, [
    String(options.latencyMs),
  ]);
  const home = await mkdtemp(join(tmpdir(), 'judgekit-peer-bench-'));
  const rows: PeerRow[] = [];
  try {
    for (const tool of options.tools ?? PEER_TOOLS) {
      const workDir = join(home, tool);
      const runs: ToolRun[] = [];
      for (const run of [1, 2]) {
        await ipcRequest(server, { type: 'reset' });
        const stdout = await runChild(
          tsNodeArgs(RUN_TOOL, [
            '--tool',
            tool,
            '--base-url',
            first.openaiBaseURL,
            '--corpus',
            options.corpus ?? 'fixtures',
            '--transcripts',
            String(options.transcripts),
            '--concurrency',
            String(options.concurrency),
            '--work-dir',
            workDir,
            '--run',
            String(run),
          ]),
          { env: toolEnvironment(home, options.concurrency) },
        );
        const { stats } = await ipcRequest<{ stats: ServerStats }>(server, { type: 'stats' });
        const figures = { ...lastJSONLine<Omit<ToolRun, 'server'>>(stdout), server: stats };
        runs.push(figures);
        log(
          `${tool} run ${run}: ${(figures.wallMs / 1000).toFixed(2)} s, ${stats.calls} calls, ${figures.errors} errors, load ${figures.loadAfter[0]!.toFixed(2)}`,
        );
      }
      rows.push({ tool, first: runs[0]!, rerun: runs[1]! });
    }
  } finally {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.send({ type: 'close' });
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    server.kill();
    await rm(home, { recursive: true, force: true });
  }
  return {
    corpus: options.corpus ?? 'fixtures',
    transcripts: options.transcripts,
    available: options.available,
    plainTranscriptBytes: options.plainTranscriptBytes,
    oneCallInputFloor: options.oneCallInputFloor,
    concurrency: options.concurrency,
    latencyMs: options.latencyMs,
    rows,
  };
}
