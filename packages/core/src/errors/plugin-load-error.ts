import { hasErrorName, JudgekitError } from './judgekit-error.js';

const NAME = 'PluginLoadError';

/** A grader plugin could not be loaded or does not meet the plugin contract. */
export class PluginLoadError extends JudgekitError {
  override readonly code = 'PLUGIN_LOAD';
  readonly specifier: string;
  readonly reason: string;

  constructor({ specifier, reason, cause }: { specifier: string; reason: string; cause?: unknown }) {
    super({ message: `cannot load grader plugin "${specifier}": ${reason}`, cause });
    this.name = NAME;
    this.specifier = specifier;
    this.reason = reason;
  }

  static override isInstance(error: unknown): error is PluginLoadError {
    return hasErrorName(error, NAME);
  }
}
