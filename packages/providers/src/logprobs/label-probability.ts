import { type JSONPath, jsonValueOffset } from './json-value-offset.js';
import type { TokenLogprob } from './token-logprob.js';

/**
 * A label field of the answer whose token probability to read, e.g. `{ path: ['label'] }` for
 * `{"label": true, ...}`. `positive`/`negative` are the label values as written in the JSON
 * (default `true`/`false`; for string labels the text without quotes, e.g. `yes`/`no`).
 */
export interface LabelQuery {
  path: JSONPath;
  positive?: string;
  negative?: string;
}

/** The probability of the positive label at one label field, read from the token logprobs. */
export interface LabelProbability {
  path: JSONPath;
  /** P(positive) / (P(positive) + P(negative)) over the alternatives at the label token, in [0, 1]. */
  probability: number;
  /** Summed probability of the alternatives that spell the positive label. */
  positiveMass: number;
  /** Summed probability of the alternatives that spell the negative label. */
  negativeMass: number;
  /** The token the model chose at that position. */
  token: string;
}

/**
 * Finds the token where each queried label value starts and turns the alternatives at that
 * position into the probability of the positive label. Labels whose position cannot be found,
 * or with neither value among the alternatives, are left out (the caller then votes over samples).
 */
export function labelProbabilities(
  tokens: readonly TokenLogprob[],
  queries: readonly LabelQuery[],
): LabelProbability[] {
  const text = tokens.map((token) => token.token).join('');
  const starts: number[] = [];
  let offset = 0;
  for (const token of tokens) {
    starts.push(offset);
    offset += token.token.length;
  }
  const results: LabelProbability[] = [];
  for (const query of queries) {
    const valueStart = jsonValueOffset(text, query.path);
    if (valueStart === undefined) continue;
    const contentStart = text[valueStart] === '"' ? valueStart + 1 : valueStart;
    const index = tokenAt(starts, tokens, contentStart);
    const token = index === undefined ? undefined : tokens[index];
    if (!token) continue;
    const result = probabilityAt(token, query);
    if (result) results.push({ path: query.path, ...result });
  }
  return results;
}

function tokenAt(
  starts: readonly number[],
  tokens: readonly TokenLogprob[],
  offset: number,
): number | undefined {
  for (let index = 0; index < tokens.length; index++) {
    const start = starts[index] ?? 0;
    if (offset >= start && offset < start + (tokens[index]?.token.length ?? 0)) return index;
  }
  return undefined;
}

function probabilityAt(token: TokenLogprob, query: LabelQuery): Omit<LabelProbability, 'path'> | undefined {
  const positive = query.positive ?? 'true';
  const negative = query.negative ?? 'false';
  const alternatives = token.topLogprobs.length > 0 ? token.topLogprobs : [token];
  let positiveMass = 0;
  let negativeMass = 0;
  for (const alternative of alternatives) {
    const spelled = alternative.token.trim().replace(/^"/, '');
    if (spelled === '') continue;
    const probability = Math.exp(alternative.logprob);
    if (positive.startsWith(spelled) && !negative.startsWith(spelled)) positiveMass += probability;
    else if (negative.startsWith(spelled) && !positive.startsWith(spelled)) negativeMass += probability;
  }
  const total = positiveMass + negativeMass;
  if (total === 0) return undefined;
  return { probability: positiveMass / total, positiveMass, negativeMass, token: token.token };
}
