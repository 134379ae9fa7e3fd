import { createHash } from 'node:crypto';
import { renderFewShotBlock } from '../rubric/render-few-shot.js';
import type { RubricDimension } from '../rubric/rubric-dimensions.js';
import { loadInstructions, loadRubric, RUBRIC_VERSION } from '../rubric/rubric-files.js';

/** The static prefix of every call of a grader: identical bytes for every transcript. */
export interface SystemPrompt {
  text: string;
  /** sha256 of `text`, hex: the rubric hash recorded on every verdict. */
  sha256: string;
  /** The rubric files it was built from: dimension → version and file hash. */
  rubrics: Record<string, { version: string; sha256: string; examples: number }>;
}

/**
 * Builds the static system prompt: the shared instructions, then each dimension's rubric with its
 * dev-split examples. Nothing in it depends on the transcript, so providers can cache it as a
 * prefix and a hostile transcript cannot change it.
 * @param fewShot include the labelled examples (default true)
 */
export function buildSystemPrompt(dimensions: readonly RubricDimension[], fewShot: boolean): SystemPrompt {
  const sections = [loadInstructions()];
  const rubrics: SystemPrompt['rubrics'] = {};
  if (dimensions.length > 1) {
    sections.push(
      `# Dimensions\n\nGrade ${dimensions.length} independent dimensions of the same transcript: ${dimensions.map((dimension) => `\`${dimension}\``).join(', ')}. Answer each under its own key.`,
    );
  }
  for (const dimension of dimensions) {
    const rubric = loadRubric(dimension);
    const examples = fewShot ? rubric.examples : [];
    const block = renderFewShotBlock(examples);
    sections.push(
      `# Rubric: \`${dimension}\` (${RUBRIC_VERSION})\n\n${rubric.text}${block ? `\n\n${block}` : ''}`,
    );
    rubrics[dimension] = { version: rubric.version, sha256: rubric.sha256, examples: examples.length };
  }
  const text = `${sections.join('\n\n')}\n`;
  return { text, sha256: createHash('sha256').update(text).digest('hex'), rubrics };
}
