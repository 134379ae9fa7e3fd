import type Anthropic from '@anthropic-ai/sdk';
import { type CallContext, toJudgeCallError } from '../protocols/to-judge-call-error.js';
import type { BatchStatus } from './batch-engine.js';
import type { BatchResultLine, BatchTransport } from './batch-transport.js';

/** The Anthropic Message Batches API: `messages.batches.create / retrieve / results`. */
export function createAnthropicBatchTransport(options: {
  client: () => Promise<Anthropic>;
  context: CallContext;
}): BatchTransport {
  const { context } = options;
  const call = async <T>(run: (client: Anthropic) => Promise<T>): Promise<T> => {
    const client = await options.client();
    try {
      return await run(client);
    } catch (error) {
      throw toJudgeCallError(error, context);
    }
  };
  return {
    async create(lines) {
      const batch = await call((client) =>
        client.messages.batches.create({
          requests: lines.map((line) => ({
            custom_id: line.customId,
            params: line.body as unknown as Anthropic.MessageCreateParamsNonStreaming,
          })),
        }),
      );
      return { batchId: batch.id, inputFileId: null };
    },
    async status(batchId) {
      const batch = await call((client) => client.messages.batches.retrieve(batchId));
      return anthropicStatus(batch);
    },
    async *results(batchId) {
      const decoder = await call((client) => client.messages.batches.results(batchId));
      for await (const line of decoder) yield resultLine(line);
    },
  };
}

function anthropicStatus(batch: Anthropic.Messages.MessageBatch): BatchStatus {
  const counts = batch.request_counts;
  const failed = counts.errored + counts.canceled + counts.expired;
  const total = counts.processing + counts.succeeded + failed;
  const ended = batch.processing_status === 'ended';
  return {
    phase: ended ? 'ended' : 'in_progress',
    done: ended,
    counts: { total, succeeded: counts.succeeded, failed, processing: counts.processing },
  };
}

function resultLine(line: Anthropic.Messages.MessageBatchIndividualResponse): BatchResultLine {
  const result = line.result;
  if (result.type === 'succeeded') return { customId: line.custom_id, response: result.message };
  if (result.type === 'errored') {
    return { customId: line.custom_id, error: `errored: ${result.error.error.message}` };
  }
  return { customId: line.custom_id, error: result.type };
}
