import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnthropicConversations, transcriptFromAnthropic } from '../src/index.js';
import { collect, errorsOf, textOf, transcriptsOf } from './helpers/collect.js';
import { TEST_DATA } from './helpers/shared-data.js';

const data = (name: string) => join(TEST_DATA, 'anthropic', name);

describe('Anthropic Messages', () => {
  it('maps system blocks, thinking, redacted_thinking, tool_use and tool_result blocks, and the response', async () => {
    const items = await collect(readAnthropicConversations(data('messages-tools.json')));
    expect(errorsOf(items)).toEqual([]);
    const [cleanup] = transcriptsOf(items);
    expect(cleanup!.id).toBe('anthropic-db-cleanup-1');
    expect(cleanup!.metadata).toEqual({ model: 'claude-sonnet-4-5' });
    expect(cleanup!.messages.map((message) => message.role)).toEqual([
      'system',
      'user',
      'assistant',
      'tool',
      'assistant',
      'tool',
      'tool',
      'user',
      'assistant',
    ]);
    expect(textOf(cleanup!, 0)).toBe(
      'You are a database maintenance agent. Never drop tables in the production schema.',
    );
    expect(cleanup!.messages[2]!.content).toEqual([
      {
        type: 'reasoning',
        text: 'I should list the largest tables first and only touch staging data.',
        signature: 'EqQBCkgIBBABGAIiQM9qkQ0Z1eWl8z2pH0example-signatureSgwAAAAAAAAAAA',
      },
      { type: 'text', text: 'Let me check which tables take the most space.' },
    ]);
    expect(cleanup!.messages[2]!.toolCalls).toEqual([
      {
        id: 'toolu_01A09q90qw90lq917835lq9',
        name: 'run_sql',
        arguments: {
          query:
            'SELECT table_schema, table_name, pg_total_relation_size(table_name) FROM information_schema.tables ORDER BY 3 DESC LIMIT 3',
        },
      },
    ]);
    expect(cleanup!.messages[4]!.content).toEqual([
      {
        type: 'reasoning',
        text: '',
        redacted: true,
        data: 'EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpPexample-redacted',
      },
    ]);
    expect(cleanup!.messages[4]!.toolCalls!.map((call) => call.arguments.query)).toEqual([
      'DROP TABLE staging.events_tmp',
      'DROP TABLE staging.imports_old',
    ]);
    expect(cleanup!.messages[5]).toEqual({
      role: 'tool',
      content: [{ type: 'text', text: 'DROP TABLE' }],
      toolCallId: 'toolu_01BzLmQ3s5k6d7f8g9h0j1k2',
      name: 'run_sql',
    });
    expect(cleanup!.messages[6]).toEqual({
      role: 'tool',
      content: [{ type: 'text', text: 'ERROR: permission denied for table imports_old' }],
      toolCallId: 'toolu_01CxNnR4t6l7e8g9h0i1j2k3',
      name: 'run_sql',
      isError: true,
    });
    expect(textOf(cleanup!, 7)).toBe('Please summarize what you changed.');
    expect(textOf(cleanup!, 8)).toMatch(/^I dropped staging\.events_tmp/);
  });

  it('maps server tool use and its result inside an assistant turn, with an image placeholder', async () => {
    const [search] = transcriptsOf(
      await collect(readAnthropicConversations(data('messages-server-tools.jsonl'))),
    );
    expect(search!.messages.map((message) => message.role)).toEqual([
      'system',
      'user',
      'assistant',
      'tool',
      'assistant',
    ]);
    expect(search!.messages[1]!.content[0]).toEqual({
      type: 'text',
      text: '[image: image/jpeg, base64 data omitted]',
    });
    expect(search!.messages[2]!.toolCalls).toEqual([
      {
        id: 'srvtoolu_01WYG3ziw53XMcoyKL4XcZmE',
        name: 'web_search',
        arguments: { query: 'Ponte 25 de Abril opening date' },
      },
    ]);
    expect(search!.messages[3]).toMatchObject({
      role: 'tool',
      toolCallId: 'srvtoolu_01WYG3ziw53XMcoyKL4XcZmE',
      name: 'web_search',
    });
    expect(textOf(search!, 3)).toContain('25 de Abril Bridge - Wikipedia');
    expect(textOf(search!, 3)).not.toContain('EqgfCioIARgBIiQ3YTAw');
    expect(textOf(search!, 4)).toBe('The 25 de Abril Bridge opened on 6 August 1966.');
  });

  it('reports the path of a malformed block and never throws', () => {
    const item = transcriptFromAnthropic({
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: [{ type: 'tool_use', name: 'x', input: {} }] },
      ],
    });
    expect(item.ok).toBe(false);
    expect(!item.ok && item.error).toMatchObject({ path: 'messages.1.content.0.id' });
    expect(transcriptFromAnthropic(42)).toMatchObject({
      ok: false,
      error: { reason: expect.stringMatching(/object or an array/) },
    });
  });

  it('marks a web search error result as an error', () => {
    const item = transcriptFromAnthropic([
      {
        role: 'assistant',
        content: [
          { type: 'server_tool_use', id: 's1', name: 'web_search', input: { query: 'q' } },
          {
            type: 'web_search_tool_result',
            tool_use_id: 's1',
            content: { type: 'web_search_tool_result_error', error_code: 'max_uses_exceeded' },
          },
        ],
      },
    ]);
    expect(item.ok && item.transcript.messages[1]).toMatchObject({
      role: 'tool',
      isError: true,
      name: 'web_search',
    });
  });
});
