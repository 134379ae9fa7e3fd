/** File names inside a run directory. */
export const RUN_FILES = {
  manifest: 'manifest.json',
  verdicts: 'verdicts.jsonl',
  findings: 'findings.json',
} as const;
