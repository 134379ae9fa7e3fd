import { TranscriptSchema, VerdictSchema } from '@judgekit/core';
import { z } from 'zod';

/** `POST /v1/grade`: one transcript or a batch, and the names of the graders to run. */
export const GradeRequestSchema = z
  .object({
    /** One transcript to grade. */
    transcript: TranscriptSchema.optional(),
    /** A batch of transcripts to grade. */
    transcripts: z.array(TranscriptSchema).min(1).optional(),
    /** Grader names the service offers (`GET /v1/graders`); default all of them. */
    graders: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .refine((request) => (request.transcript === undefined) !== (request.transcripts === undefined), {
    message: 'give exactly one of `transcript` or `transcripts`',
    path: ['transcript'],
  });

/** The verdicts of one transcript. */
export const GradeResultSchema = z.object({
  transcriptId: z.string(),
  verdicts: z.array(VerdictSchema),
});

/** The answer of `POST /v1/grade`: one result per transcript, in request order. */
export const GradeResponseSchema = z.object({ results: z.array(GradeResultSchema) });

/** A grader the service offers. */
export const ServiceGraderSchema = z.object({
  name: z.string(),
  id: z.string(),
  version: z.string(),
  kind: z.enum(['rule', 'llm-judge', 'distribution']),
  dimensions: z.array(z.string()),
  description: z.string(),
});

/** `GET /v1/graders`. */
export const GradersResponseSchema = z.object({ graders: z.array(ServiceGraderSchema) });

/** Every error answer: a stable `code`, a message, and the offending field or the known graders. */
export const ServiceErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** The offending field of the request, e.g. `transcripts.0.messages.1.role`. */
    path: z.string().optional(),
    /** For `unknown_grader`: the grader names the service offers. */
    known: z.array(z.string()).optional(),
  }),
});

/** `GET /healthz`. */
export const HealthResponseSchema = z.object({ status: z.literal('ok') });

export type GradeRequest = z.infer<typeof GradeRequestSchema>;
export type GradeResponse = z.infer<typeof GradeResponseSchema>;
export type ServiceGrader = z.infer<typeof ServiceGraderSchema>;
