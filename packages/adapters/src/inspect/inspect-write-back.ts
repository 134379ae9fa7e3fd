export {
  type InspectScore,
  inspectScoreFromVerdicts,
  inspectScorerName,
} from './inspect-score-from-verdicts.js';
export { InspectWriteError } from './inspect-write-error.js';
export {
  type WriteInspectScoresOptions,
  type WriteInspectScoresSummary,
  writeInspectScores,
} from './write-inspect-scores.js';
