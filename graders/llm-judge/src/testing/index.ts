/**
 * `@judgekit/grader-llm-judge/testing`: a crude keyword judge that answers judgekit's rubric requests
 * on the providers' local test server (`startTestServer`) — every asked dimension, with exact quotes
 * from the fenced transcript and label logprobs — for offline demos, tests and benchmarks. It is not
 * a judge to calibrate or trust.
 */
export {
  askedDimensions,
  type FencedPart,
  fencedParts,
  partOfHeader,
  recordedTexts,
  requestTexts,
} from './judge-request.js';
export {
  type KeywordAnswer,
  keywordAnswer,
  keywordJudge,
  keywordReply,
  labelLogprobs,
} from './keyword-judge.js';
