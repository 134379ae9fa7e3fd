import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type FewShotExample, FewShotFileSchema } from './few-shot-schema.js';
import { kebabDimension, type RubricDimension } from './rubric-dimensions.js';

/** The rubric version these files implement; a rubric change is a new file (`.v2.md`), never an edit. */
export const RUBRIC_VERSION = 'v1';

/** The package's `rubrics/` folder (works from `src/` and from `dist/`). */
export const RUBRICS_DIR = fileURLToPath(new URL('../../rubrics/', import.meta.url));

/** The shared instructions (role, data fence, evidence, answer) every judge prompt starts with. */
export const INSTRUCTIONS_PATH = `${RUBRICS_DIR}instructions.${RUBRIC_VERSION}.md`;

/** The rubric text of one dimension. */
export function rubricPath(dimension: RubricDimension): string {
  return `${RUBRICS_DIR}${kebabDimension(dimension)}.${RUBRIC_VERSION}.md`;
}

/** The generated few-shot examples of one dimension (see `scripts/generate-few-shot.ts`). */
export function fewShotPath(dimension: RubricDimension): string {
  return `${RUBRICS_DIR}examples/${kebabDimension(dimension)}.${RUBRIC_VERSION}.json`;
}

/** One dimension's rubric as shipped: its text and its dev-split examples. */
export interface Rubric {
  dimension: RubricDimension;
  version: string;
  text: string;
  examples: readonly FewShotExample[];
  /** sha256 of the rubric file and the examples file, hex. */
  sha256: string;
}

const rubrics = new Map<RubricDimension, Rubric>();
let instructions: string | undefined;

function sha256(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** The shared instructions text. */
export function loadInstructions(): string {
  instructions ??= readFileSync(INSTRUCTIONS_PATH, 'utf8').trimEnd();
  return instructions;
}

/** Reads (once) the rubric and the few-shot examples of a dimension. */
export function loadRubric(dimension: RubricDimension): Rubric {
  const cached = rubrics.get(dimension);
  if (cached) return cached;
  const text = readFileSync(rubricPath(dimension), 'utf8').trimEnd();
  const examplesText = readFileSync(fewShotPath(dimension), 'utf8');
  const file = FewShotFileSchema.parse(JSON.parse(examplesText));
  if (file.dimension !== dimension) {
    throw new Error(`${fewShotPath(dimension)} holds examples for ${file.dimension}, not ${dimension}`);
  }
  const rubric: Rubric = {
    dimension,
    version: RUBRIC_VERSION,
    text,
    examples: file.examples,
    sha256: sha256(text, examplesText),
  };
  rubrics.set(dimension, rubric);
  return rubric;
}

/**
 * A short hash of everything a grader's prompt is made from (instructions, rubrics, examples):
 * it goes into the plugin version, so a rubric edit shows up as a new grader version.
 */
export function rubricFilesHash(dimensions: readonly RubricDimension[]): string {
  return sha256(loadInstructions(), ...dimensions.map((dimension) => loadRubric(dimension).sha256)).slice(
    0,
    12,
  );
}
