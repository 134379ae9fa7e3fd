import { z } from 'zod';
import { FindingSchema } from './schemas/finding.js';
import { GoldLabelSchema } from './schemas/gold-label.js';
import { RunManifestSchema } from './schemas/manifest.js';
import { RatingSchema } from './schemas/rating.js';
import { TranscriptSchema } from './schemas/transcript.js';
import { VerdictSchema } from './schemas/verdict.js';

/** The records that cross a boundary, by the file name their JSON Schema is published under. */
const PUBLISHED = {
  transcript: TranscriptSchema,
  verdict: VerdictSchema,
  finding: FindingSchema,
  'gold-label': GoldLabelSchema,
  rating: RatingSchema,
  'run-manifest': RunManifestSchema,
} as const;

/**
 * JSON Schemas (draft 2020-12) generated from the zod schemas, for harnesses in other languages.
 * Input shapes are used, so defaults and string shorthands are allowed as a writer may use them.
 */
export function jsonSchemas(): Record<keyof typeof PUBLISHED, Record<string, unknown>> {
  const out = {} as Record<keyof typeof PUBLISHED, Record<string, unknown>>;
  for (const [name, schema] of Object.entries(PUBLISHED) as [keyof typeof PUBLISHED, z.ZodType][]) {
    out[name] = {
      $id: `urn:judgekit:schema:${name}`,
      title: name,
      ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
    };
  }
  return out;
}
