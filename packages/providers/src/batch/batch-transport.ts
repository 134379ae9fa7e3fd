import type { WireBody } from '../protocols/wire-protocol.js';
import type { BatchStatus } from './batch-engine.js';

/** One result line of a finished batch: a response body, or an error message. */
export type BatchResultLine = { customId: string; response: unknown } | { customId: string; error: string };

/** The provider-specific half of a batch engine: the batch endpoints of one SDK. */
export interface BatchTransport {
  create(
    lines: readonly { customId: string; body: WireBody }[],
  ): Promise<{ batchId: string; inputFileId: string | null }>;
  status(batchId: string): Promise<BatchStatus>;
  /** Every result line of a finished batch, in whatever order the provider returns them. */
  results(batchId: string): AsyncIterable<BatchResultLine>;
}
