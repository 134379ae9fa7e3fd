import type { Usage } from '@judgekit/core';
import type { BatchEngine } from '../batch/batch-engine.js';
import { callCost } from '../cost/call-cost.js';
import type { PriceTable } from '../cost/price-table.js';
import { JudgeOutputError } from '../errors/judge-output-error.js';
import { labelProbabilities } from '../logprobs/label-probability.js';
import { formatModelRef, type ModelRef, type ProviderId } from '../model-ref/model-ref.js';
import type { WireAnswer, WireProtocol } from '../protocols/wire-protocol.js';
import { validateAnswer } from '../structured/validate-answer.js';
import { buildBody } from './build-body.js';
import type { JudgeModel, JudgeRequest, JudgeResponse, JudgeTotals } from './judge-model.js';
import type { Exchange, ResponseExchange } from './response-exchange.js';
import { addUsage, answerUsage, spentUsage } from './usage-accounting.js';

/** A judge model on one wire protocol: cache, limits, validation, one repair retry, cost. */
export class ProviderJudge implements JudgeModel {
  readonly ref: string;
  readonly provider: ProviderId;
  readonly model: string;
  readonly supportsLogprobs: boolean;
  batch: BatchEngine | undefined;
  private readonly running: JudgeTotals = {
    calls: 0,
    cacheHits: 0,
    inputTokens: 0,
    outputTokens: 0,
    cachedInputTokens: 0,
    costUSD: 0,
    unpricedCalls: 0,
  };

  constructor(
    modelRef: ModelRef,
    private readonly protocol: WireProtocol,
    private readonly exchange: ResponseExchange,
    private readonly options: { prices: PriceTable | undefined; repair: boolean },
  ) {
    this.ref = formatModelRef(modelRef);
    this.provider = modelRef.provider;
    this.model = modelRef.model;
    this.supportsLogprobs = protocol.supportsLogprobs;
  }

  async complete<TOutput>(request: JudgeRequest<TOutput>): Promise<JudgeResponse<TOutput>> {
    const sample = request.sample ?? 0;
    const notes: string[] = [];
    const body = await buildBody(this.protocol, this.provider, request as JudgeRequest<unknown>);
    let final = await this.exchange.call(body, sample, request.signal, notes);
    let usage = this.account(final, notes);
    let check = validateAnswer(final.answer.text, request.schema);
    let repaired = false;
    if (!check.ok && this.options.repair) {
      const repairBody = this.protocol.buildRepairBody(body, final.answer.text, check.reason);
      final = await this.exchange.call(repairBody, sample, request.signal, notes);
      usage = addUsage(usage, this.account(final, notes));
      check = validateAnswer(final.answer.text, request.schema);
      repaired = true;
    }
    if (!check.ok) {
      throw new JudgeOutputError({
        provider: this.provider,
        model: this.model,
        raw: final.answer.text,
        reason: `${check.reason}${truncationHint(final.answer)}${repaired ? ' (after one repair retry)' : ''}`,
        usage,
      });
    }
    if (request.labels?.length && !this.supportsLogprobs) {
      notes.push(`${this.provider} returns no logprobs: vote over samples instead`);
    }
    const tokenLogprobs = final.answer.tokenLogprobs;
    return {
      output: check.value,
      raw: final.answer.text,
      ref: this.ref,
      provider: this.provider,
      model: final.answer.model,
      usage,
      answerUsage: answerUsage(final.answer),
      cached: (usage.calls ?? 0) === 0,
      repaired,
      labelProbabilities:
        request.labels && tokenLogprobs ? labelProbabilities(tokenLogprobs, request.labels) : [],
      finishReason: final.answer.finishReason,
      notes,
      cacheKey: final.key,
    };
  }

  totals(): JudgeTotals {
    return { ...this.running };
  }

  /** Prices one exchange, adds it to the running totals, and returns what it spent now. */
  private account(exchange: Exchange, notes: string[]): Usage {
    const cost = callCost({
      provider: this.provider,
      model: this.model,
      tokens: exchange.answer.tokens,
      prices: this.options.prices,
      batch: false,
    });
    if (!exchange.cached && 'note' in cost) notes.push(cost.note);
    const usage = spentUsage(exchange.answer, exchange.cached, cost);
    this.running.calls += usage.calls ?? 0;
    this.running.cacheHits += usage.cacheHits ?? 0;
    this.running.inputTokens += usage.inputTokens;
    this.running.outputTokens += usage.outputTokens;
    this.running.cachedInputTokens += usage.cachedInputTokens ?? 0;
    if (usage.costUSD !== undefined) this.running.costUSD += usage.costUSD;
    else this.running.unpricedCalls += 1;
    return usage;
  }
}

function truncationHint(answer: WireAnswer): string {
  const reason = answer.finishReason;
  return reason === 'length' || reason === 'max_tokens' || reason === 'max_output_tokens'
    ? ' (the answer was cut at the output token limit)'
    : '';
}
