import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOpenAIConversations, transcriptFromOpenAI } from '../src/index.js';
import { collect, errorsOf, textOf, transcriptsOf } from './helpers/collect.js';
import { TEST_DATA } from './helpers/shared-data.js';
import { useTempDir } from './helpers/temp-dir.js';

const data = (name: string) => join(TEST_DATA, 'openai', name);
const tempDir = useTempDir();

describe('OpenAI chat completions', () => {
  it('maps tool calls, unparsable arguments, tool results, reasoning_content and the appended response', async () => {
    const items = await collect(readOpenAIConversations(data('chat-conversations.json')));
    expect(errorsOf(items)).toEqual([]);
    const [refund] = transcriptsOf(items);
    expect(refund!.id).toBe('chat-refund-1');
    expect(refund!.source).toEqual({ harness: 'openai', file: data('chat-conversations.json') });
    expect(refund!.metadata).toEqual({ scenario: 'refund_policy', model: 'deepseek-reasoner' });
    expect(refund!.messages.map((message) => message.role)).toEqual([
      'system',
      'user',
      'assistant',
      'tool',
      'tool',
      'assistant',
    ]);
    const planning = refund!.messages[2]!;
    expect(planning.content).toEqual([
      {
        type: 'reasoning',
        text: 'The refund is $740, above the $500 limit, so I need approval. First I will look up the order and open an approval request.',
      },
    ]);
    expect(planning.toolCalls).toEqual([
      { id: 'call_9f2c1a7e', name: 'get_order', arguments: { order_id: 'A-1009' } },
      {
        id: 'call_4b8d0e13',
        name: 'request_approval',
        arguments: {},
        argumentsText: '{"order_id": "A-1009", "amount": 740',
      },
    ]);
    expect(refund!.messages[3]).toMatchObject({
      role: 'tool',
      toolCallId: 'call_9f2c1a7e',
      name: 'get_order',
    });
    expect(refund!.messages[4]).toMatchObject({
      role: 'tool',
      toolCallId: 'call_4b8d0e13',
      name: 'request_approval',
      content: [{ type: 'text', text: 'Error: arguments are not valid JSON.' }],
    });
    expect(refund!.messages[5]!.content[0]).toMatchObject({
      type: 'reasoning',
      text: expect.stringMatching(/^The approval call failed/),
    });
    expect(textOf(refund!, 5)).toMatch(/^I found your order\./);
  });

  it('maps developer to system, image parts to placeholders, and keeps a refusal as text', async () => {
    const [, vision] = transcriptsOf(await collect(readOpenAIConversations(data('chat-conversations.json'))));
    expect(vision!.messages[0]).toEqual({
      role: 'system',
      content: [{ type: 'text', text: 'Describe images factually. Do not identify people.' }],
      metadata: { role: 'developer' },
    });
    expect(vision!.messages[1]!.content).toEqual([
      { type: 'text', text: 'Who is the person in this photo?' },
      { type: 'text', text: '[image: https://example.com/photos/badge-0042.jpg]' },
    ]);
    expect(textOf(vision!, 2)).toBe(
      "I can't identify people from photos, but I can describe what is visible in the image.",
    );
  });

  it('reads JSONL of { id, messages, metadata } lines', async () => {
    const transcripts = transcriptsOf(await collect(readOpenAIConversations(data('chat.jsonl'))));
    expect(transcripts.map((transcript) => transcript.id)).toEqual(['chat-jsonl-1', 'chat-jsonl-2']);
    expect(transcripts[1]!.messages[2]!.toolCalls).toEqual([
      { id: 'call_rm_1', name: 'shell', arguments: { command: 'rm -rf .cache/build' } },
    ]);
    expect(transcripts[1]!.messages[3]).toEqual({
      role: 'tool',
      content: [],
      toolCallId: 'call_rm_1',
      name: 'shell',
    });
  });

  it('names the line and path of a bad conversation and keeps the good ones', async () => {
    const file = join(tempDir(), 'bad.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ messages: [{ role: 'user', content: 'ok' }] }),
        JSON.stringify({
          messages: [
            { role: 'assistant', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f' } }] },
          ],
        }),
        JSON.stringify({ messages: [{ role: 'tool', content: 'orphan' }] }),
      ].join('\n'),
    );
    const items = await collect(readOpenAIConversations(file));
    expect(transcriptsOf(items).map((transcript) => transcript.id)).toEqual(['bad.jsonl:1']);
    expect(errorsOf(items)).toMatchObject([
      { line: 2, path: 'messages.0.tool_calls.0.function.arguments' },
      { line: 3, path: 'messages.0.tool_call_id', reason: 'a tool message needs tool_call_id' },
    ]);
  });

  it('maps the legacy function_call / function pair to a tool call and its result', () => {
    const item = transcriptFromOpenAI([
      { role: 'user', content: 'weather?' },
      {
        role: 'assistant',
        content: null,
        function_call: { name: 'get_weather', arguments: '{"city":"Oslo"}' },
      },
      { role: 'function', name: 'get_weather', content: '3°C' },
    ]);
    expect(item.ok && item.transcript.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: [],
        toolCalls: [{ id: 'function_call_0', name: 'get_weather', arguments: { city: 'Oslo' } }],
      },
      {
        role: 'tool',
        content: [{ type: 'text', text: '3°C' }],
        toolCallId: 'function_call_0',
        name: 'get_weather',
      },
    ]);
  });

  it('maps reasoning_details (encrypted and summary) from OpenRouter-style servers', () => {
    const item = transcriptFromOpenAI([
      {
        role: 'assistant',
        content: 'ok',
        reasoning: 'plain duplicate',
        reasoning_details: [
          { type: 'reasoning.summary', summary: 'Thought briefly.' },
          { type: 'reasoning.encrypted', data: 'gAAAA-opaque' },
          { type: 'reasoning.text', text: 'step one', signature: 'sig-1' },
        ],
      },
    ]);
    expect(item.ok && item.transcript.messages[0]!.content).toEqual([
      { type: 'reasoning', text: 'Thought briefly.', summary: true },
      { type: 'reasoning', text: '', redacted: true, data: 'gAAAA-opaque' },
      { type: 'reasoning', text: 'step one', signature: 'sig-1' },
      { type: 'text', text: 'ok' },
    ]);
  });
});

describe('OpenAI Responses API', () => {
  it('maps reasoning summaries, encrypted reasoning, function_call and function_call_output', async () => {
    const items = await collect(readOpenAIConversations(data('responses-conversation.json')));
    expect(errorsOf(items)).toEqual([]);
    const [weather] = transcriptsOf(items);
    expect(weather!.id).toBe('resp-weather-1');
    expect(weather!.messages.map((message) => message.role)).toEqual([
      'system',
      'user',
      'assistant',
      'tool',
      'assistant',
    ]);
    expect(weather!.messages[2]).toEqual({
      role: 'assistant',
      content: [
        {
          type: 'reasoning',
          text: "**Checking the forecast**\n\nI need tomorrow's forecast for Lisbon before answering.",
          summary: true,
        },
        {
          type: 'reasoning',
          text: '',
          redacted: true,
          data: 'gAAAAABo8Qx3kM2v-example-encrypted-reasoning-payload==',
        },
      ],
      toolCalls: [
        { id: 'call_Xz81yQ2wVe7pLm3N', name: 'get_forecast', arguments: { city: 'Lisbon', day: 'tomorrow' } },
      ],
    });
    expect(weather!.messages[3]).toEqual({
      role: 'tool',
      toolCallId: 'call_Xz81yQ2wVe7pLm3N',
      name: 'get_forecast',
      content: [
        { type: 'text', text: '{"precipitation_probability": 0.7, "summary": "showers in the afternoon"}' },
      ],
    });
    expect(weather!.messages[4]!.content).toEqual([
      { type: 'reasoning', text: '70% chance of afternoon showers: recommend an umbrella.' },
      { type: 'text', text: "Yes, bring one: there's a 70% chance of afternoon showers in Lisbon tomorrow." },
    ]);
  });

  it('reads a stored Response object as one transcript with its id and model', async () => {
    const [response] = transcriptsOf(await collect(readOpenAIConversations(data('response-object.json'))));
    expect(response!.id).toBe('resp_68b2c2a0e5f481a0aa1b2c3d4e5f6a7b');
    expect(response!.metadata).toEqual({ model: 'o4-mini-2025-04-16' });
    expect(response!.messages).toEqual([
      {
        role: 'assistant',
        content: [
          {
            type: 'reasoning',
            text: '**Answering directly**\n\nSimple factual question; no tools needed.',
            summary: true,
          },
          { type: 'text', text: 'The capital of Australia is Canberra.' },
        ],
      },
    ]);
  });

  it('maps custom tool calls, MCP calls with inline output, built-in calls and unknown items', () => {
    const item = transcriptFromOpenAI([
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'patch it' }] },
      { type: 'custom_tool_call', call_id: 'call_c1', name: 'apply_diff', input: '--- a/x\n+++ b/x' },
      { type: 'custom_tool_call_output', call_id: 'call_c1', output: 'applied' },
      {
        type: 'mcp_call',
        id: 'mcp_1',
        server_label: 'git',
        name: 'status',
        arguments: '{}',
        output: 'clean',
      },
      { type: 'web_search_call', id: 'ws_1', status: 'completed', action: { type: 'search', query: 'news' } },
      { type: 'image_generation_call', id: 'ig_1', status: 'completed', result: 'iVBORw0KGgo=' },
      { type: 'future_item', id: 'x' },
    ]);
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    const [user, patch, patched, status, mcpOutput, builtins, imageResult, future] = item.transcript.messages;
    expect(user).toEqual({ role: 'user', content: [{ type: 'text', text: 'patch it' }] });
    expect(patch!.toolCalls).toEqual([
      { id: 'call_c1', name: 'apply_diff', arguments: {}, argumentsText: '--- a/x\n+++ b/x' },
    ]);
    expect(patched).toMatchObject({ role: 'tool', toolCallId: 'call_c1', name: 'apply_diff' });
    expect(status!.toolCalls).toEqual([{ id: 'mcp_1', name: 'status', arguments: {} }]);
    expect(mcpOutput).toMatchObject({
      role: 'tool',
      toolCallId: 'mcp_1',
      content: [{ type: 'text', text: 'clean' }],
    });
    expect(builtins!.toolCalls).toEqual([
      { id: 'ws_1', name: 'web_search', arguments: { type: 'search', query: 'news' } },
      { id: 'ig_1', name: 'image_generation', arguments: {} },
    ]);
    expect(imageResult).toEqual({
      role: 'tool',
      toolCallId: 'ig_1',
      name: 'image_generation',
      content: [{ type: 'text', text: '[image]' }],
    });
    expect(future).toEqual({ role: 'assistant', content: [{ type: 'text', text: '[future_item item]' }] });
    expect(item.transcript.messages).toHaveLength(8);
  });
});
