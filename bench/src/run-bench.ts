/**
 * `pnpm bench`: the judge pipeline against autoevals and promptfoo on one local server, then rule
 * and statistics throughput by corpus size. Prints Markdown tables; `--json` also writes every
 * figure to `bench/results/latest.json`.
 *
 *   pnpm bench [--json [--json-file results/latest.json]] [--only peers|throughput] [--transcripts 600] [--concurrency 12]
 *              [--latency 100] [--sizes 10000,100000,1000000] [--no-bootstrap]
 *              [--corpus fixtures|assebench] (assebench: the --transcripts N longest real ASSEBench transcripts, default all)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { machineInfo, machineLine } from './machine.js';
import {
  ASSEBENCH_FILE,
  BENCH_CORPORA,
  type BenchCorpusName,
  benchCorpus,
  oneCallInputFloor,
  plainTranscriptBytes,
} from './peers/bench-corpus.js';
import { PEER_TOOLS, type PeerBenchResult, type PeerTool, runPeerBench } from './peers/peer-bench.js';
import { oneCallFloorLine, peerTable, ratioTable } from './peers/peer-figures.js';
import {
  runThroughputBench,
  type ThroughputBenchResult,
  throughputTable,
} from './throughput/throughput-bench.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    'json-file': { type: 'string', default: 'results/latest.json' },
    only: { type: 'string' },
    corpus: { type: 'string', default: 'fixtures' },
    transcripts: { type: 'string' },
    concurrency: { type: 'string', default: '12' },
    latency: { type: 'string', default: '100' },
    tools: { type: 'string', default: PEER_TOOLS.join(',') },
    sizes: { type: 'string', default: '10000,100000,1000000' },
    'no-bootstrap': { type: 'boolean', default: false },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const machine = machineInfo();
console.log(`# judgekit bench\n\n${machineLine(machine)}\n`);

let peers: PeerBenchResult | undefined;
if (values.only !== 'throughput') {
  const corpusName = values.corpus as BenchCorpusName;
  if (!BENCH_CORPORA.includes(corpusName))
    throw new Error(`--corpus must be one of ${BENCH_CORPORA.join(', ')}`);
  const asked = values.transcripts ?? (corpusName === 'fixtures' ? '600' : 'all');
  const corpus = await benchCorpus(corpusName, asked === 'all' ? Number.POSITIVE_INFINITY : Number(asked));
  if (!corpus) {
    console.log(
      `## Judge pipeline vs peers: SKIPPED — ${ASSEBENCH_FILE} is absent (ASSEBench is read from the shared real-data folder beside the repository, never copied into it)\n`,
    );
  } else {
    const plain = plainTranscriptBytes(corpus.transcripts);
    peers = await runPeerBench({
      oneCallInputFloor: oneCallInputFloor(corpus.transcripts),
      corpus: corpusName,
      transcripts: corpus.transcripts.length,
      available: corpus.available,
      plainTranscriptBytes: plain,
      concurrency: Number(values.concurrency),
      latencyMs: Number(values.latency),
      tools: values.tools.split(',') as PeerTool[],
      log,
    });
  }
}
if (peers) {
  const plain = peers.plainTranscriptBytes;
  const what =
    peers.corpus === 'assebench'
      ? `${peers.transcripts === peers.available ? `all ${peers.available}` : `the ${peers.transcripts} longest of ${peers.available}`} real ASSEBench AgentJudge-security transcripts`
      : `${peers.transcripts} fixture transcripts`;
  console.log(
    `## Judge pipeline vs peers: ${what} × 3 dimensions, one local OpenAI-compatible server, ${peers.latencyMs} ms latency, concurrency ${peers.concurrency}\n`,
  );
  console.log(
    `plain transcript per call (what a peer call carries besides its prompt): median ${plain.median} bytes (≈ ${Math.round(plain.median / 4)} tokens at bytes/4), mean ${Math.round(plain.mean)} bytes\n`,
  );
  console.log(peerTable(peers));
  console.log('');
  console.log(ratioTable(peers));
  const floor = oneCallFloorLine(peers);
  if (floor) console.log(`\n${floor}`);
  const outbound = peers.rows.flatMap((row) =>
    [...new Set([...row.first.outboundHosts, ...row.rerun.outboundHosts])].map(
      (host) => `${row.tool}: ${host}`,
    ),
  );
  console.log(
    `\noutbound connections other than 127.0.0.1: ${outbound.length === 0 ? 'none' : outbound.join(', ')}\n`,
  );
}

let throughput: ThroughputBenchResult | undefined;
if (values.only !== 'peers') {
  throughput = await runThroughputBench({
    sizes: values.sizes.split(',').map(Number),
    bootstrap: !values['no-bootstrap'],
    log,
  });
  console.log('## Rule and statistics throughput by corpus size (each stage and size in its own process)\n');
  console.log(throughputTable(throughput));
  if (throughput.bootstrapBench)
    console.log(`\n### packages/stats bootstrap bench\n\n\`\`\`\n${throughput.bootstrapBench}\n\`\`\``);
}

const loadAtEnd = loadavg().map((value) => Math.round(value * 100) / 100);
console.log(`\nload average at the end: ${loadAtEnd.join(' / ')} (1/5/15 min)`);
if (values.json) {
  const path = new URL(`../${values['json-file']}`, import.meta.url);
  await mkdir(new URL('.', path), { recursive: true });
  await writeFile(path, `${JSON.stringify({ machine, loadAtEnd, peers, throughput }, null, 2)}\n`);
  console.log(`figures written to bench/${values['json-file']}`);
}
