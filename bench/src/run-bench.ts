/**
 * `pnpm bench`: the judge pipeline against autoevals and promptfoo on one local server, then rule
 * and statistics throughput by corpus size. Prints Markdown tables; `--json` also writes every
 * figure to `bench/results/latest.json`.
 *
 *   pnpm bench [--json [--json-file results/latest.json]] [--only peers|throughput] [--transcripts 600] [--concurrency 12]
 *              [--latency 100] [--sizes 10000,100000,1000000] [--no-bootstrap]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { machineInfo, machineLine } from './machine.js';
import { PEER_TOOLS, type PeerBenchResult, type PeerTool, runPeerBench } from './peers/peer-bench.js';
import { peerTable, ratioTable } from './peers/peer-figures.js';
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
    transcripts: { type: 'string', default: '600' },
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
  peers = await runPeerBench({
    transcripts: Number(values.transcripts),
    concurrency: Number(values.concurrency),
    latencyMs: Number(values.latency),
    tools: values.tools.split(',') as PeerTool[],
    log,
  });
  console.log(
    `## Judge pipeline vs peers: ${peers.transcripts} transcripts × 3 dimensions, one local OpenAI-compatible server, ${peers.latencyMs} ms latency, concurrency ${peers.concurrency}\n`,
  );
  console.log(peerTable(peers));
  console.log('');
  console.log(ratioTable(peers));
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
