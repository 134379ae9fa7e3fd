import { z } from 'zod';

/** A failure recorded on a verdict or finding instead of crashing the run. */
export const ErrorInfoSchema = z.object({
  name: z.string(),
  message: z.string(),
  code: z.string().optional(),
  retryable: z.boolean().optional(),
});

export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;
