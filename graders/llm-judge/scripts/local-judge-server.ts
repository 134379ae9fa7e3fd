/**
 * A local judge for trying judgekit without a key: the providers' test server on 127.0.0.1, answering
 * every OpenAI, Anthropic or OpenAI-compatible judge call with a crude keyword judge that reads the
 * fenced transcript (schema-valid answers with exact quotes; NOT a real model, its grades mean little).
 *
 * It also serves the OpenAI Batch API (Files + Batches) and Anthropic Message Batches: batches finish
 * at once, or with `--batch-seconds <s>` on a timer every s seconds (to try `judgekit batch collect --wait`).
 *
 *   pnpm --filter @judgekit/grader-llm-judge local-judge [--latency <ms>] [--batch-seconds <s>] [--log]
 */

import { startTestServer } from '@judgekit/providers/testing';
import { askedDimensions, keywordReply } from '../src/testing/index.js';

const flag = (name: string): number | undefined => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : undefined;
};
const latencyMs = flag('--latency') ?? 0;
const batchSeconds = flag('--batch-seconds');
let calls = 0;
let batchCalls = 0;
const server = await startTestServer({
  latencyMs,
  batchCompletion: batchSeconds ? 'manual' : 'immediate',
  handler: (call) => {
    if (call.batch) batchCalls++;
    else calls++;
    if (process.argv.includes('--log')) {
      const what = call.batch ? `batch request ${batchCalls}` : `call ${calls}`;
      process.stdout.write(`${what}: ${call.kind} ${call.model} [${askedDimensions(call).join(', ')}]\n`);
    }
    return keywordReply(call);
  },
});
const timer = batchSeconds
  ? setInterval(() => void server.completeBatches(), batchSeconds * 1000)
  : undefined;
process.stdout.write(
  `local judge listening (keyword judge, not a model)\n  openai: / compatible: --base-url ${server.openaiBaseURL}\n  anthropic:             --base-url ${server.anthropicBaseURL}\n${batchSeconds ? `batches finish every ${batchSeconds}s\n` : ''}any API key is accepted, e.g. OPENAI_API_KEY=sk-local; Ctrl-C to stop\n`,
);
const stop = async () => {
  clearInterval(timer);
  const batched = batchCalls > 0 ? ` and ${batchCalls} batch request(s)` : '';
  process.stdout.write(`\n${calls} model call(s)${batched} answered\n`);
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
