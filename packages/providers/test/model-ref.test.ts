import { describe, expect, it } from 'vitest';
import { formatModelRef, ModelRefError, parseModelRef } from '../src/index.js';

describe('parseModelRef', () => {
  it('splits provider and model at the first colon, keeping colons in the model id', () => {
    expect(parseModelRef('openai:gpt-4.1-mini')).toEqual({
      provider: 'openai',
      model: 'gpt-4.1-mini',
      replay: false,
    });
    expect(parseModelRef('compatible:qwen3:8b')).toEqual({
      provider: 'compatible',
      model: 'qwen3:8b',
      replay: false,
    });
    expect(parseModelRef('anthropic:claude-sonnet-4-5').provider).toBe('anthropic');
    expect(parseModelRef('openai-responses:o4-mini').provider).toBe('openai-responses');
  });

  it('reads a replay: prefix and formats it back', () => {
    const ref = parseModelRef('replay:openai:gpt-4.1-mini');
    expect(ref).toEqual({ provider: 'openai', model: 'gpt-4.1-mini', replay: true });
    expect(formatModelRef(ref)).toBe('replay:openai:gpt-4.1-mini');
  });

  it.each([
    ['gpt-4.1-mini', /expected "provider:model"/],
    ['azure:gpt-4o', /unknown provider "azure".*openai, openai-responses, anthropic, compatible/],
    ['replay:replay:openai:x', /"replay:" may appear once/],
    ['openai:', /empty or contains spaces/],
    ['openai:gpt 4', /empty or contains spaces/],
  ])('refuses %s with a clear error', (name, message) => {
    let error: unknown;
    try {
      parseModelRef(name);
    } catch (caught) {
      error = caught;
    }
    expect(ModelRefError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect((error as ModelRefError).ref).toBe(name);
  });
});
