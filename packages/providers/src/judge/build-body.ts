import { ConfigError } from '@judgekit/core';
import type { WireBody, WireProtocol } from '../protocols/wire-protocol.js';
import type { JudgeRequest } from './judge-model.js';

/**
 * The first-call body of a request; a schema the provider cannot take (e.g. `.optional()`
 * fields under OpenAI strict mode, which needs `.nullable()`) becomes a `ConfigError`. Loads the
 * protocol's SDK first (once per process).
 */
export async function buildBody(
  protocol: WireProtocol,
  provider: string,
  request: JudgeRequest<unknown>,
): Promise<WireBody> {
  await protocol.load();
  try {
    return protocol.buildBody(request);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ConfigError({
      path: 'schema',
      reason: `the answer schema cannot be sent to ${provider}: ${detail}`,
      cause: error,
    });
  }
}
