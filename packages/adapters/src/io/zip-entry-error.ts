import { JudgekitError } from '@judgekit/core';

const NAME = 'ZipEntryError';

/** A zip entry could not be read: unsupported compression, corrupt data, wrong size or checksum. */
export class ZipEntryError extends JudgekitError {
  override readonly code = 'ZIP_ENTRY';
  readonly file: string;
  readonly entry: string;
  readonly reason: string;

  constructor(options: { file: string; entry: string; reason: string; cause?: unknown }) {
    super({ message: `${options.file}: entry ${options.entry}: ${options.reason}`, cause: options.cause });
    this.name = NAME;
    this.file = options.file;
    this.entry = options.entry;
    this.reason = options.reason;
  }

  static override isInstance(error: unknown): error is ZipEntryError {
    return JudgekitError.isInstance(error) && error.name === NAME;
  }
}
