/** True for the error a write gets when the reader of a pipe has gone (`judgekit … | head`). */
export function isClosedPipeError(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}

/**
 * Ends the process quietly, with status 0, when the reader of `stream` stops early
 * (`judgekit calibrate run --json | head`), as Unix tools do, instead of an unhandled `EPIPE` with
 * a stack trace. Any other error of the stream is rethrown.
 */
export function exitQuietlyWhenReaderCloses(stream: NodeJS.WriteStream): void {
  stream.on('error', (error) => {
    if (!isClosedPipeError(error)) throw error;
    process.exit(0);
  });
}
