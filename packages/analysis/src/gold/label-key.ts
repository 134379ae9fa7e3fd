/** The key that pairs a verdict with a gold label: one per (transcript, dimension). */
export function labelKey(transcriptId: string, dimension: string): string {
  return `${transcriptId}\u0000${dimension}`;
}
