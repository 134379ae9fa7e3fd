import type OpenAI from 'openai';
import { z } from 'zod';
import { BatchError } from '../errors/batch-error.js';
import { loadOpenAISDK } from '../protocols/sdk-modules.js';
import { type CallContext, toJudgeCallError } from '../protocols/to-judge-call-error.js';
import type { BatchPhase, BatchStatus } from './batch-engine.js';
import type { BatchResultLine, BatchTransport } from './batch-transport.js';

const OutputLineSchema = z.object({
  custom_id: z.string(),
  response: z.object({ status_code: z.number(), body: z.unknown() }).nullish(),
  error: z.object({ code: z.string().nullish(), message: z.string().nullish() }).nullish(),
});

const PHASES: Record<OpenAI.Batch['status'], BatchPhase> = {
  validating: 'in_progress',
  in_progress: 'in_progress',
  finalizing: 'in_progress',
  cancelling: 'in_progress',
  completed: 'ended',
  failed: 'failed',
  expired: 'expired',
  cancelled: 'canceled',
};

/**
 * The OpenAI Batch API: the requests go up as a JSONL file (`purpose: batch`), one line per
 * request with `custom_id`, `method`, `url` and `body`; results come back as output and error files.
 */
export function createOpenAIBatchTransport(options: {
  client: () => Promise<OpenAI>;
  context: CallContext;
  endpoint: '/v1/chat/completions' | '/v1/responses';
}): BatchTransport {
  const { context } = options;
  const call = async <T>(run: (client: OpenAI) => Promise<T>): Promise<T> => {
    const client = await options.client();
    try {
      return await run(client);
    } catch (error) {
      throw toJudgeCallError(error, context);
    }
  };
  return {
    async create(lines) {
      const jsonl = lines
        .map((line) =>
          JSON.stringify({
            custom_id: line.customId,
            method: 'POST',
            url: options.endpoint,
            body: line.body,
          }),
        )
        .join('\n');
      const { toFile } = await loadOpenAISDK();
      const upload = await toFile(Buffer.from(`${jsonl}\n`), 'judgekit-batch.jsonl', {
        type: 'application/jsonl',
      });
      const file = await call((client) => client.files.create({ file: upload, purpose: 'batch' }));
      const batch = await call((client) =>
        client.batches.create({
          input_file_id: file.id,
          endpoint: options.endpoint,
          completion_window: '24h',
          metadata: { source: 'judgekit' },
        }),
      );
      return { batchId: batch.id, inputFileId: file.id };
    },
    async status(batchId) {
      const batch = await call((client) => client.batches.retrieve(batchId));
      return openAIStatus(batch);
    },
    async *results(batchId) {
      const batch = await call((client) => client.batches.retrieve(batchId));
      if (batch.status === 'failed') {
        const reasons = batch.errors?.data?.map((error) => error.message).join('; ') || 'no reason given';
        throw new BatchError({ provider: context.provider, batchId, reason: `failed: ${reasons}` });
      }
      for (const fileId of [batch.output_file_id, batch.error_file_id]) {
        if (!fileId) continue;
        const text = await call(async (client) => (await client.files.content(fileId)).text());
        for (const line of text.split('\n')) {
          if (line.trim() !== '') yield outputLine(line, context.provider, batchId);
        }
      }
    },
  };
}

function openAIStatus(batch: OpenAI.Batch): BatchStatus {
  const phase = PHASES[batch.status] ?? 'in_progress';
  const total = batch.request_counts?.total ?? 0;
  const succeeded = batch.request_counts?.completed ?? 0;
  const failed = batch.request_counts?.failed ?? 0;
  return {
    phase,
    done: phase === 'ended' || phase === 'expired' || phase === 'canceled',
    counts: { total, succeeded, failed, processing: Math.max(0, total - succeeded - failed) },
  };
}

function outputLine(line: string, provider: string, batchId: string): BatchResultLine {
  let parsed: z.infer<typeof OutputLineSchema>;
  try {
    parsed = OutputLineSchema.parse(JSON.parse(line));
  } catch (error) {
    throw new BatchError({ provider, batchId, reason: 'unreadable line in the output file', cause: error });
  }
  const response = parsed.response;
  if (response && response.status_code === 200)
    return { customId: parsed.custom_id, response: response.body };
  const bodyError = (response?.body as { error?: { message?: string } } | undefined)?.error?.message;
  const status = response ? `HTTP ${response.status_code}: ` : '';
  return {
    customId: parsed.custom_id,
    error: `${status}${bodyError ?? parsed.error?.message ?? parsed.error?.code ?? 'no response'}`,
  };
}
