import type { RunCounts } from '@judgekit/core';

/** Renders run progress: a bar on a TTY, nothing until the end otherwise. */
export interface ProgressReporter {
  update(counts: Readonly<RunCounts>): void;
  finish(): void;
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}

/**
 * A progress line (count, rate, ETA, errors) redrawn at most every 100 ms on a TTY stream.
 * @param total transcripts expected, when known
 */
export function createProgressReporter(
  stream: NodeJS.WriteStream,
  total: number | undefined,
): ProgressReporter {
  const started = Date.now();
  let last = 0;
  let drawn = false;
  const draw = (counts: Readonly<RunCounts>) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = counts.transcripts / Math.max(seconds, 1e-3);
    const width = 24;
    const share = total ? Math.min(1, counts.transcripts / total) : undefined;
    const bar = share === undefined ? '' : `[${'#'.repeat(Math.round(share * width)).padEnd(width, '.')}] `;
    const count = total ? `${counts.transcripts}/${total}` : `${counts.transcripts}`;
    const eta = total ? ` ETA ${formatDuration((total - counts.transcripts) / Math.max(rate, 1e-9))}` : '';
    stream.write(
      `\r${bar}${count} transcripts ${rate.toFixed(1)}/s${eta} errors ${counts.errors} skipped ${counts.skipped}\u001b[K`,
    );
    drawn = true;
  };
  if (!stream.isTTY) return { update() {}, finish() {} };
  return {
    update(counts) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      draw(counts);
    },
    finish() {
      if (drawn) stream.write('\n');
    },
  };
}
