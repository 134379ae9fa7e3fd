import { z } from 'zod';
import { DimensionSchema } from './dimension.js';
import { GoldLabelBodySchema } from './gold-label.js';

/** Visible text of a message. */
export const TextPartSchema = z.object({
  type: z.literal('text'),
  text: z.string(),
});

/**
 * Chain-of-thought or a reasoning summary. Redacted reasoning (Anthropic `redacted_thinking`,
 * Inspect `ContentReasoning` with `redacted: true`) is kept as such: `redacted: true`, with the
 * opaque payload in `data` and `text` empty or a provider-given summary.
 */
export const ReasoningPartSchema = z.object({
  type: z.literal('reasoning'),
  text: z.string(),
  redacted: z.boolean().optional(),
  summary: z.boolean().optional(),
  data: z.string().optional(),
  signature: z.string().optional(),
});

/** One content part of a message. */
export const ContentPartSchema = z.discriminatedUnion('type', [TextPartSchema, ReasoningPartSchema]);

/** A tool call made by an assistant message. */
export const ToolCallSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** Parsed arguments. When the source held text that was not a JSON object, see `argumentsText`. */
  arguments: z.record(z.string(), z.unknown()).default({}),
  /** The arguments exactly as the source held them, when they were not a JSON object. */
  argumentsText: z.string().optional(),
});

const contentInput = z.preprocess(
  (value) => (typeof value === 'string' ? [{ type: 'text', text: value }] : value),
  z.array(ContentPartSchema),
);

/** One message of a transcript. `content` may be given as a plain string. */
export const MessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant', 'tool']),
  content: contentInput.default([]),
  /** Tool calls made by an assistant message. */
  toolCalls: z.array(ToolCallSchema).optional(),
  /** For a `tool` message: the id of the call it answers. */
  toolCallId: z.string().optional(),
  /** For a `tool` message: the tool's name. */
  name: z.string().optional(),
  /** For a `tool` message: the tool reported an error. */
  isError: z.boolean().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

/** Where a transcript came from. */
export const TranscriptSourceSchema = z.object({
  harness: z.string().optional(),
  file: z.string().optional(),
  sampleId: z.union([z.string(), z.number()]).optional(),
  epoch: z.number().int().optional(),
  /** Scores the source harness already gave, keyed by scorer name. */
  scores: z.record(z.string(), z.unknown()).optional(),
});

/** A fixture split: graders are built on `dev`; `test` is only for reporting. */
export const SplitSchema = z.enum(['dev', 'test']);

/**
 * One agent transcript: the unit every per-transcript grader grades. Compiled (`z.compile`): every
 * transcript read is parsed with it, and a valid one takes zod's generated fast path (about 2.5
 * times faster); an invalid one falls back to the regular parser, so errors are the same.
 */
export const TranscriptSchema = z.compile(
  z.object({
    id: z.string().min(1),
    messages: z.array(MessageSchema),
    /** The environment (task family) the transcript ran in; the unit of clustering. */
    environment: z.string().optional(),
    /** The counterfactual condition the transcript ran under. */
    condition: z.string().optional(),
    /** Links counterfactual twins across conditions. */
    pairId: z.string().optional(),
    split: SplitSchema.optional(),
    source: TranscriptSourceSchema.optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    /** Gold labels per dimension, from the primary annotator. */
    labels: z.record(DimensionSchema, GoldLabelBodySchema).optional(),
  }),
);

export type TextPart = z.infer<typeof TextPartSchema>;
export type ReasoningPart = z.infer<typeof ReasoningPartSchema>;
export type ContentPart = z.infer<typeof ContentPartSchema>;
export type ToolCall = z.infer<typeof ToolCallSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type MessageInput = z.input<typeof MessageSchema>;
export type TranscriptSource = z.infer<typeof TranscriptSourceSchema>;
export type Split = z.infer<typeof SplitSchema>;
export type Transcript = z.infer<typeof TranscriptSchema>;
/** A transcript as it may be written by hand (string content allowed, defaults omitted). */
export type TranscriptInput = z.input<typeof TranscriptSchema>;
