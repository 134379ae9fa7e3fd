/**
 * Child process of the peer bench: the providers' local test server on 127.0.0.1 with a fixed
 * latency, answering every tool with the bench judge. Its own process, so the server's work never
 * runs on the event loop of the tool being measured. Talks to its parent over IPC:
 * `{ type: 'reset' }` clears the log, `{ type: 'stats' }` returns what the server saw since.
 */
import { startTestServer } from '@judgekit/providers/testing';
import { benchAnswer, bodyKey, type ToolKind } from './bench-judge.js';
import { type ServerStats, summarizeCalls } from './server-stats.js';

const latencyMs = Number(process.argv[2] ?? 100);
const answers = new Map<string, { tool: ToolKind; text: string }>();

const server = await startTestServer({
  latencyMs,
  handler: (call) => {
    const { tool, step, text } = benchAnswer(call);
    answers.set(bodyKey(call.body), { tool, text });
    return step;
  },
});

process.on('message', (message: { type: string }) => {
  if (message.type === 'reset') {
    server.reset();
    answers.clear();
    process.send!({ type: 'reset' });
  } else if (message.type === 'stats') {
    const stats: ServerStats = summarizeCalls(server.modelCalls(), answers, server.maxConcurrent);
    process.send!({ type: 'stats', stats });
  } else if (message.type === 'close') {
    void server.close().then(() => process.exit(0));
  }
});
process.send!({ type: 'ready', openaiBaseURL: server.openaiBaseURL, latencyMs });
