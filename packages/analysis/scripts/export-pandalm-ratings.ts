/**
 * Writes PandaLM's pairwise test set (../shared/data/pairwise-judge-agreement) as ratings JSONL,
 * one core `Rating` a line, the input of `judgekit agree --ratings`.
 *
 *   npx tsx --conditions=@judgekit/source packages/analysis/scripts/export-pandalm-ratings.ts <dataDir> <out.jsonl>
 */
import { writeFileSync } from 'node:fs';
import { readPairwiseJudgeAgreement } from '@judgekit/adapters';

const [dataDir, output] = process.argv.slice(2);
if (!dataDir || !output) throw new Error('usage: export-pandalm-ratings.ts <pairwise-judge-agreement dir> <out.jsonl>');
const { ratings, problems } = await readPairwiseJudgeAgreement(dataDir);
writeFileSync(output, ratings.map((rating) => `${JSON.stringify(rating)}\n`).join(''));
console.log(`wrote ${ratings.length} ratings to ${output} (${problems.length} problems)`);
