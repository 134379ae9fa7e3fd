import type { PeerBenchResult, PeerRow, PeerTool } from './peer-bench.js';

/** The figures printed for one tool (first run, and calls on the identical re-run). */
export interface PeerFigures {
  tool: PeerTool;
  wallSeconds: number;
  calls: number;
  rerunCalls: number;
  rerunWallSeconds: number;
  answers: number;
  errors: number;
  inputTokensBytesOver4: number;
  outputTokensBytesOver4: number;
  reportedInputTokens: number;
  reportedOutputTokens: number;
  uncachedInputTokensModelled: number;
  /** CPU time of the tool's process per model call (ms): the pipeline's own work, whatever the load. */
  cpuMsPerCall: number;
  /** ceil(calls / concurrency) × latency: the wall time the server's latency alone imposes. */
  latencyBoundSeconds: number;
  /** Calls per second over the ideal concurrency / latency. */
  throughputShare: number;
  /** (wall − latency-bound wall) × concurrency / calls: what each call spent beyond the latency. */
  overheadMsPerCall: number;
  maxInFlight: number;
  positives: Record<string, number>;
  peakRssMB: number;
  /** 1-minute load average before and after the first run. */
  load: [number, number];
  outboundHosts: string[];
}

/** Derives the printed figures of a row. */
export function peerFigures(row: PeerRow, concurrency: number, latencyMs: number): PeerFigures {
  const { first, rerun } = row;
  const calls = first.server.calls;
  const wallSeconds = first.wallMs / 1000;
  const latencyBoundSeconds = (Math.ceil(calls / concurrency) * latencyMs) / 1000;
  const ideal = concurrency / (latencyMs / 1000);
  return {
    tool: row.tool,
    wallSeconds,
    calls,
    rerunCalls: rerun.server.calls,
    rerunWallSeconds: rerun.wallMs / 1000,
    answers: first.answers,
    errors: first.errors + rerun.errors,
    inputTokensBytesOver4: first.server.inputTokensBytesOver4,
    outputTokensBytesOver4: first.server.outputTokensBytesOver4,
    reportedInputTokens: first.server.reportedInputTokens,
    reportedOutputTokens: first.server.reportedOutputTokens,
    uncachedInputTokensModelled: first.server.uncachedInputTokensModelled,
    cpuMsPerCall: calls > 0 ? first.cpuMs / calls : 0,
    latencyBoundSeconds,
    throughputShare: calls / wallSeconds / ideal,
    overheadMsPerCall: calls > 0 ? ((first.wallMs - latencyBoundSeconds * 1000) * concurrency) / calls : 0,
    maxInFlight: first.server.maxConcurrent,
    positives: first.positives,
    peakRssMB: first.peakRssBytes / 2 ** 20,
    load: [first.loadBefore[0]!, first.loadAfter[0]!],
    outboundHosts: [...new Set([...first.outboundHosts, ...rerun.outboundHosts])],
  };
}

const LABELS: Record<PeerTool, string> = {
  'judgekit-scheming': 'judgekit `llm-judge.scheming` (1 call/transcript)',
  'judgekit-dimensions': 'judgekit, 3 per-dimension graders',
  'judgekit-scheming-few-shot': 'judgekit `llm-judge.scheming`, few-shot on (default)',
  autoevals: 'autoevals `LLMClassifierFromTemplate` ×3',
  promptfoo: 'promptfoo `llm-rubric` ×3',
  'http-floor': "floor: bare `node:http` client sending `llm-judge.scheming`'s bodies, no grading",
  'sdk-floor': "SDK floor: the official `openai` SDK sending `llm-judge.scheming`'s bodies, no grading",
};

/** A peer row: neither judgekit's nor a floor (which grades nothing). */
function isPeer(tool: PeerTool): boolean {
  return !tool.startsWith('judgekit') && !tool.endsWith('-floor');
}

const int = (value: number) => Math.round(value).toLocaleString('en-US');
const fixed = (value: number, digits = 2) => value.toFixed(digits);

/** The comparison table (Markdown): one row per tool. */
export function peerTable(result: PeerBenchResult): string {
  const rows = result.rows.map((row) => peerFigures(row, result.concurrency, result.latencyMs));
  const lines = [
    '| tool | wall s | model calls | input tok (bytes/4) | input tok (server usage) | uncached input tok if prefixes were cached (modelled) | output tok (bytes/4) | output tok (server usage) | calls on re-run | re-run wall s | % of ideal throughput | overhead ms/call | client CPU ms/call | max in flight | errors | positives (ca/pd/ea) | load 1-min before→after |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const figures of rows) {
    const positives = ['covert_action', 'plausible_deniability', 'eval_awareness']
      .map((dimension) => figures.positives[dimension] ?? 0)
      .join('/');
    lines.push(
      `| ${LABELS[figures.tool]} | ${fixed(figures.wallSeconds)} | ${int(figures.calls)} | ${int(figures.inputTokensBytesOver4)} | ${int(figures.reportedInputTokens)} | ${int(figures.uncachedInputTokensModelled)} | ${int(figures.outputTokensBytesOver4)} | ${int(figures.reportedOutputTokens)} | ${int(figures.rerunCalls)} | ${fixed(figures.rerunWallSeconds)} | ${fixed(100 * figures.throughputShare, 1)}% | ${fixed(figures.overheadMsPerCall)} | ${fixed(figures.cpuMsPerCall)} | ${figures.maxInFlight} | ${figures.errors} | ${positives} | ${fixed(figures.load[0])}→${fixed(figures.load[1])} |`,
    );
  }
  return lines.join('\n');
}

/** Ratios judgekit / peer (each judgekit row against each peer row). */
export function ratioTable(result: PeerBenchResult): string {
  const rows = result.rows.map((row) => peerFigures(row, result.concurrency, result.latencyMs));
  const ours = rows.filter((row) => row.tool.startsWith('judgekit'));
  const peers = rows.filter((row) => isPeer(row.tool));
  const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? '—' : '∞') : `${(a / b).toFixed(2)}×`);
  const lines = [
    '| judgekit row / peer | input tok (bytes/4) | input tok (server usage) | uncached input tok (modelled) | output tok (bytes/4) | model calls | wall time | calls on re-run |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const mine of ours) {
    for (const peer of peers) {
      lines.push(
        `| ${mine.tool} / ${peer.tool} | ${ratio(mine.inputTokensBytesOver4, peer.inputTokensBytesOver4)} | ${ratio(mine.reportedInputTokens, peer.reportedInputTokens)} | ${ratio(mine.uncachedInputTokensModelled, peer.uncachedInputTokensModelled)} | ${ratio(mine.outputTokensBytesOver4, peer.outputTokensBytesOver4)} | ${ratio(mine.calls, peer.calls)} | ${ratio(mine.wallSeconds, peer.wallSeconds)} | ${mine.rerunCalls} vs ${peer.rerunCalls} |`,
      );
    }
  }
  return lines.join('\n');
}

/**
 * The one-call input floor (`oneCallInputFloor`) against each peer's measured input: the least any
 * one-call design reading the same rubrics could send, so the least its ratio could be.
 */
export function oneCallFloorLine(result: PeerBenchResult): string | undefined {
  const floor = result.oneCallInputFloor;
  if (floor === undefined) return undefined;
  const peers = result.rows
    .map((row) => peerFigures(row, result.concurrency, result.latencyMs))
    .filter((row) => isPeer(row.tool));
  const ratios = peers
    .map((peer) => `${(floor / peer.inputTokensBytesOver4).toFixed(2)}× ${peer.tool}'s`)
    .join(', ');
  return `one-call input floor (each call only the three rubric texts and the plain transcript: no instructions, schema, fence or framing): ${int(floor)} tokens (bytes/4)${ratios ? ` = ${ratios} measured input` : ''}`;
}
