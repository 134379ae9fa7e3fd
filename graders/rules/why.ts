import { readFileSync } from 'node:fs';
import { grade, TranscriptSchema } from '@judgekit/core';
import { plugins } from './src/index.js';
const [id, pluginId, view] = process.argv.slice(2);
for (const line of readFileSync('/work/main/fixtures/data/corpus.jsonl', 'utf8').split('\n')) {
  if (!line) continue;
  const t = JSON.parse(line);
  if (t.id !== id) continue;
  if (t.split !== 'dev') { console.log('not dev'); break; }
  for (const p of plugins.filter((p) => !pluginId || p.id.includes(pluginId))) {
    const [v] = await grade(TranscriptSchema.parse(t), p, { options: view ? { view } : {} });
    console.log(p.id, v!.label, v!.score, v!.category, v!.rationale);
    for (const e of v!.evidence) console.log('   ', e.messageIndex, JSON.stringify(e.quote), e.note, e.verified);
  }
}
