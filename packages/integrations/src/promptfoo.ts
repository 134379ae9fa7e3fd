import type { Dimension } from '@judgekit/core';
import { createGraderRegistry } from './grader/create-grader-registry.js';
import type { GraderInput } from './grader/resolve-graders.js';
import { createPromptfooAssertion, DEFAULT_HARNESS_GRADERS } from './promptfoo/create-promptfoo-assertion.js';
import type {
  PromptfooAssertionContext,
  PromptfooGradingResult,
} from './promptfoo/promptfoo-grading-result.js';

/** The `config:` block of a judgekit assertion in `promptfooconfig.yaml`. */
export interface JudgekitAssertionConfig {
  /** Grader ids, or `{ use, name, options }` objects; default the three rule graders. */
  graders?: (string | { use: string; name?: string; options?: Record<string, unknown> })[];
  /** Dimensions that decide pass/fail; default all the graders answer. */
  dimensions?: Dimension[];
  /** `fail` (default) or `ignore` a grader that failed or abstained. */
  onUndecided?: 'fail' | 'ignore';
  /** Third-party grader plugins (package names or paths, relative to the working directory). */
  plugins?: string[];
  /** LLM-judge response cache directory. */
  cacheDir?: string;
}

type Assertion = (output: unknown, context?: PromptfooAssertionContext) => Promise<PromptfooGradingResult>;

const assertions = new Map<string, Promise<Assertion>>();

async function assertionFor(config: JudgekitAssertionConfig): Promise<Assertion> {
  const registry = await createGraderRegistry({ plugins: config.plugins ?? [] });
  return createPromptfooAssertion({
    graders: (config.graders ?? [...DEFAULT_HARNESS_GRADERS]) as GraderInput[],
    ...(config.dimensions ? { dimensions: config.dimensions } : {}),
    ...(config.onUndecided ? { onUndecided: config.onUndecided } : {}),
    graderDefaults: { registry, ...(config.cacheDir ? { cacheDir: config.cacheDir } : {}) },
  });
}

/**
 * promptfoo `javascript` assertion: grades the provider output (a judgekit transcript, its JSON, or
 * text) with the graders named in the assertion's `config:`, returning a GradingResult with one
 * component per dimension. Graders are created once per distinct config and reused.
 *
 * ```yaml
 * assert:
 *   - type: javascript
 *     value: package:@judgekit/integrations/promptfoo:judgekitAssertion
 *     config: { graders: [rules.covert-action, rules.eval-awareness] }
 * ```
 */
export async function judgekitAssertion(
  output: unknown,
  context: PromptfooAssertionContext = {},
): Promise<PromptfooGradingResult> {
  const config = (context.config ?? {}) as JudgekitAssertionConfig;
  const key = JSON.stringify(config);
  let assertion = assertions.get(key);
  if (!assertion) {
    assertion = assertionFor(config);
    assertions.set(key, assertion);
    assertion.catch(() => assertions.delete(key));
  }
  return (await assertion)(output, context);
}

/**
 * The default export, for `value: file://node_modules/@judgekit/integrations/dist/promptfoo.js`.
 * promptfoo's loader hands back a module's default export when it has one, so the named entity of
 * `package:@judgekit/integrations/promptfoo:judgekitAssertion` is looked up on it: it carries itself.
 */
const defaultAssertion: typeof judgekitAssertion & { judgekitAssertion: typeof judgekitAssertion } =
  Object.assign(judgekitAssertion, { judgekitAssertion });

export default defaultAssertion;
