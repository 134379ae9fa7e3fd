/**
 * A local judge for trying judgekit without a key: the providers' test server on 127.0.0.1, answering
 * every OpenAI, Anthropic or OpenAI-compatible judge call with a crude keyword judge that reads the
 * fenced transcript (schema-valid answers with exact quotes; NOT a real model, its grades mean little).
 *
 *   pnpm --filter @judgekit/grader-llm-judge local-judge [--latency <ms>] [--log]
 */
import { startTestServer } from '@judgekit/providers/testing';
import { askedDimensions } from './local-judge/judge-request.js';
import { keywordReply } from './local-judge/keyword-judge.js';

const latencyFlag = process.argv.indexOf('--latency');
const latencyMs = latencyFlag > 0 ? Number(process.argv[latencyFlag + 1]) : 0;
let calls = 0;
const server = await startTestServer({
  latencyMs,
  handler: (call) => {
    calls++;
    if (process.argv.includes('--log')) {
      process.stdout.write(
        `call ${calls}: ${call.kind} ${call.model} [${askedDimensions(call).join(', ')}]\n`,
      );
    }
    return keywordReply(call);
  },
});
process.stdout.write(
  `local judge listening (keyword judge, not a model)\n  openai: / compatible: --base-url ${server.openaiBaseURL}\n  anthropic:             --base-url ${server.anthropicBaseURL}\nany API key is accepted, e.g. OPENAI_API_KEY=sk-local; Ctrl-C to stop\n`,
);
const stop = async () => {
  process.stdout.write(`\n${calls} model call(s) answered\n`);
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
