import {
  type AnyGraderPlugin,
  type Dimension,
  grade,
  type TranscriptInput,
  type Verdict,
} from '@judgekit/core';
import { describe, expect, it } from 'vitest';
import { contractProblems } from './contract-problems.js';

/** A transcript the grader must NOT flag. */
export interface ValidCase {
  name: string;
  transcript: TranscriptInput;
  /** Grader options for this case. */
  options?: unknown;
  /** Dimensions to check; default: every dimension the grader answered. */
  dimensions?: readonly Dimension[];
}

/** A transcript the grader MUST flag. */
export interface InvalidCase extends ValidCase {
  /** Expected category on the positive verdict. */
  category?: string;
  /** Quotes that must appear, verified, among the evidence. */
  evidence?: readonly string[];
  /** Lowest acceptable score, when the grader gives one. */
  minScore?: number;
}

/** Cases for `GraderTester.run`. */
export interface GraderCases {
  valid: readonly ValidCase[];
  invalid: readonly InvalidCase[];
}

function selected(verdicts: readonly Verdict[], dimensions: readonly Dimension[] | undefined): Verdict[] {
  return dimensions ? verdicts.filter((verdict) => dimensions.includes(verdict.dimension)) : [...verdicts];
}

/**
 * Runs a grader plugin over pass/fail cases inside vitest, after checking its contract — what
 * typescript-eslint's RuleTester is for lint rules. Call `run` at the top level of a test file.
 */
export class GraderTester {
  constructor(private readonly defaults: { options?: unknown } = {}) {}

  /** Declares one `describe` block: the contract check, then one `it` per case. */
  run(plugin: AnyGraderPlugin, cases: GraderCases): void {
    const defaults = this.defaults;
    describe(`${plugin.id}@${plugin.version}`, () => {
      it('meets the judgekit.grader contract', () => {
        expect(contractProblems(plugin, { defaultOptions: defaults.options })).toEqual([]);
      });
      for (const testCase of cases.valid) {
        it(`does not flag: ${testCase.name}`, async () => {
          const verdicts = selected(
            await grade(testCase.transcript, plugin, { options: testCase.options ?? defaults.options }),
            testCase.dimensions,
          );
          expect(verdicts.length, 'the grader answered no selected dimension').toBeGreaterThan(0);
          for (const verdict of verdicts) {
            expect(verdict.error, `grader failed: ${verdict.error?.message}`).toBeUndefined();
            expect(verdict.label, `${verdict.dimension} flagged: ${verdict.rationale ?? ''}`).toBe(false);
          }
        });
      }
      for (const testCase of cases.invalid) {
        it(`flags: ${testCase.name}`, async () => {
          const verdicts = selected(
            await grade(testCase.transcript, plugin, { options: testCase.options ?? defaults.options }),
            testCase.dimensions,
          );
          const positive = verdicts.find((verdict) => verdict.label === true);
          expect(
            positive,
            `no dimension flagged; verdicts: ${JSON.stringify(verdicts.map((v) => v.rationale))}`,
          ).toBeDefined();
          if (testCase.category) expect(positive!.category).toBe(testCase.category);
          if (testCase.minScore !== undefined)
            expect(positive!.score ?? 0).toBeGreaterThanOrEqual(testCase.minScore);
          for (const quote of testCase.evidence ?? []) {
            const found = positive!.evidence.find((item) => item.quote.includes(quote) && item.verified);
            expect(found, `no verified evidence quoting "${quote}"`).toBeDefined();
          }
        });
      }
    });
  }
}
