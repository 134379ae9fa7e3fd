/**
 * Writes every verdict the rule graders give, under every view they support, on the fixture corpus
 * and on generated bench transcripts: one JSON line per (transcript, grader, view), sorted. A change
 * meant to keep behaviour (a speed-up) must leave this output byte-identical.
 *
 *   pnpm --filter @judgekit/grader-rules exec tsx --conditions=@judgekit/source scripts/dump-verdicts.ts \
 *     [--corpus fixtures/data/corpus.jsonl] [--bench 2000] [--lexicon file] [--pack file] [--out verdicts.jsonl]
 *
 * `--lexicon` and `--pack` grade with a copy of the data files instead of the shipped ones, so a
 * comparison holds while someone edits `lexicons/` or `packs/`.
 *
 * Each transcript is graded twice, on two parsed copies, with the graders in opposite orders; the
 * script fails when the two disagree (grading must not depend on what ran before on a transcript).
 */
import { writeFile } from 'node:fs/promises';
import { readTranscripts } from '@judgekit/adapters';
import { type Transcript, TranscriptSchema, type VerdictDraft } from '@judgekit/core';
import { benchTranscript, CORPUS_PATH } from '@judgekit/fixtures';
import { scriptArgs } from '@judgekit/test-support';
import { plugins } from '../src/index.js';

const USAGE = `
Usage: tsx --conditions=@judgekit/source scripts/dump-verdicts.ts [--corpus file] [--bench 2000] [--lexicon file] [--pack file] [--out file]

Writes every rule verdict on the fixture corpus and on generated bench transcripts, one sorted JSON
line each: a behaviour-preserving change must leave the output byte-identical.
`;
const { values } = scriptArgs(USAGE, {
  options: {
    corpus: { type: 'string', default: CORPUS_PATH },
    bench: { type: 'string', default: '2000' },
    lexicon: { type: 'string' },
    pack: { type: 'string' },
    out: { type: 'string' },
  },
});
// each grader takes only its own data options (the option schemas refuse unknown keys)
const lexiconOptions = values.lexicon ? { defaultLexicon: false, lexicons: [values.lexicon] } : {};
const packOptions = values.pack ? { defaultPack: false, packs: [values.pack] } : {};
const dataOptionsOf = (id: string) => (id === 'rules.eval-awareness' ? lexiconOptions : packOptions);

const graders = plugins.flatMap((plugin) =>
  plugin.views.map((view) => {
    const instance = plugin.create(plugin.config.parse({ ...dataOptionsOf(plugin.id), view }), {
      env: {},
      cwd: process.cwd(),
    });
    if (instance.type !== 'transcript') throw new Error(`${plugin.id} is not a transcript grader`);
    return { name: `${plugin.id}@${view}`, instance };
  }),
);
const signal = new AbortController().signal;

async function gradeAll(
  transcript: Transcript,
  order: readonly (typeof graders)[number][],
): Promise<string[]> {
  const lines: string[] = [];
  for (const { name, instance } of order) {
    const drafts: VerdictDraft[] = await instance.grade(transcript, { signal });
    for (const draft of drafts)
      lines.push(JSON.stringify({ transcript: transcript.id, grader: name, ...draft }));
  }
  return lines.sort();
}

async function dump(source: string, input: unknown): Promise<string[]> {
  const text = JSON.stringify(input);
  const forward = await gradeAll(TranscriptSchema.parse(JSON.parse(text)), graders);
  const backward = await gradeAll(TranscriptSchema.parse(JSON.parse(text)), [...graders].reverse());
  if (forward.join('\n') !== backward.join('\n'))
    throw new Error(`${source}: verdicts depend on the order the graders ran in`);
  return forward.map((line) => `${source}\t${line}`);
}

const lines: string[] = [];
for await (const item of readTranscripts(values.corpus, { from: 'jsonl' })) {
  if (!item.ok) throw item.error;
  lines.push(...(await dump('corpus', item.transcript)));
}
for (let index = 0; index < Number(values.bench); index++) {
  lines.push(...(await dump(`bench ${index}`, benchTranscript(index))));
}
lines.sort();
const output = `${lines.join('\n')}\n`;
if (values.out) await writeFile(values.out, output);
else process.stdout.write(output);
