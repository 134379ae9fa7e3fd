import { z } from 'zod';

/** The parts of Inspect's `EvalSpec` (`log.eval`) that a transcript records. */
export const InspectEvalSpecSchema = z.looseObject({
  task: z.string().min(1),
  task_id: z.string().nullish(),
  run_id: z.string().nullish(),
  eval_id: z.string().nullish(),
  model: z.string().nullish(),
});

/** `header.json` of an `.eval`, `_journal/start.json`, or the top of a `.json` log. */
export const InspectLogHeaderSchema = z.looseObject({
  version: z.number().optional(),
  status: z.string().optional(),
  eval: InspectEvalSpecSchema,
});

/** A `.json` log: the header and its samples. */
export const InspectJsonLogSchema = InspectLogHeaderSchema.extend({
  samples: z.array(z.unknown()).nullish(),
});

/** One content part (`ContentText`, `ContentReasoning`, `ContentImage`, …); fields checked per type. */
export const InspectContentSchema = z.looseObject({ type: z.string() });

/** A `ChatMessage` (system, user, assistant or tool). */
export const InspectMessageSchema = z.looseObject({
  role: z.enum(['system', 'user', 'assistant', 'tool']),
  content: z.union([z.string(), z.array(InspectContentSchema)]),
  id: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  tool_calls: z.array(z.unknown()).nullish(),
  tool_call_id: z.union([z.string(), z.array(z.string())]).nullish(),
  function: z.string().nullish(),
  error: z.looseObject({ type: z.string().optional(), message: z.string() }).nullish(),
  model: z.string().nullish(),
  /** Reasoning as a plain field, as Inspect logged it before `ContentReasoning`. */
  reasoning: z.string().nullish(),
});

/** A `ToolCall` of an assistant message. */
export const InspectToolCallSchema = z.looseObject({
  id: z.string().min(1),
  function: z.string().min(1),
  arguments: z.unknown().optional(),
  parse_error: z.string().nullish(),
});

/** An `EvalSample`, with the pooled event data of newer (`events_data`) and older (`message_pool`) logs. */
export const InspectSampleSchema = z.looseObject({
  id: z.union([z.string(), z.number()]),
  epoch: z.number().int(),
  messages: z.array(z.unknown()).nullish(),
  scores: z.record(z.string(), z.unknown()).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  attachments: z.record(z.string(), z.string()).nullish(),
  events: z.array(z.unknown()).nullish(),
  events_data: z
    .looseObject({ messages: z.array(z.unknown()).nullish(), calls: z.array(z.unknown()).nullish() })
    .nullish(),
  message_pool: z.array(z.unknown()).nullish(),
  error: z.looseObject({ message: z.string() }).nullish(),
  limit: z.unknown().optional(),
  target: z.unknown().optional(),
  uuid: z.string().nullish(),
});

/** One entry of `summaries.json` or a journal summaries file. */
export const InspectSampleSummarySchema = z.looseObject({
  id: z.union([z.string(), z.number()]),
  epoch: z.number().int(),
  scores: z.record(z.string(), z.unknown()).nullish(),
});

/** The eval spec fields a transcript records. */
export type InspectEvalSpec = z.infer<typeof InspectEvalSpecSchema>;
/** A parsed Inspect sample. */
export type InspectSample = z.infer<typeof InspectSampleSchema>;
