import { JudgekitError } from '@judgekit/core';

const NAME = 'MissingAPIKeyError';

/** A hosted judge needs an API key and none was given or found in the environment. */
export class MissingAPIKeyError extends JudgekitError {
  override readonly code = 'MISSING_API_KEY';
  readonly provider: string;
  /** The environment variable the key is read from. */
  readonly variable: string;

  constructor({ provider, variable, cause }: { provider: string; variable: string; cause?: unknown }) {
    super({
      message: `no API key for ${provider}: set ${variable} in the environment (keys are never read from config files)`,
      cause,
    });
    this.name = NAME;
    this.provider = provider;
    this.variable = variable;
  }

  static override isInstance(error: unknown): error is MissingAPIKeyError {
    return JudgekitError.isInstance(error) && error.name === NAME;
  }
}
