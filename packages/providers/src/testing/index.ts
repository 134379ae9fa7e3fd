export { answerFromSchema } from './answer-from-schema.js';
export { cutConnection, hang, httpError, invalidJSON, reply, replyText } from './script-steps.js';
export { startTestServer } from './start-test-server.js';
export type {
  ErrorStep,
  FaultStep,
  ModelCall,
  ModelCallHandler,
  RecordedRequest,
  ReplyStep,
  ScriptStep,
  TestServer,
  TestServerOptions,
  WireKind,
  WireTokenLogprob,
} from './test-server-types.js';
export { tokenizeForLogprobs } from './tokenize-logprobs.js';
