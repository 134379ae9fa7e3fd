/**
 * Units (transcript × grader) in progress at once when a run or `gradeMany` is not told otherwise.
 * Twice the calls an LLM judge keeps in flight by default (8): a grader that bounds its own calls
 * then always has the next unit's prompt built and waiting when a call returns, instead of leaving
 * its slot idle while the finished unit is written and the next one prepared.
 */
export const DEFAULT_CONCURRENCY = 16;
