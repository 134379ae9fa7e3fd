import type { Finding } from '@judgekit/core';
import type { TopLevelSpec } from 'vega-lite';
import { PLOT_CONFIG } from './plot-theme.js';

const RATIO_MEASURES = /ratio/i;

/**
 * Forest plot of one comparison's condition effect per environment (and pooled, as a diamond at
 * the bottom): the effect with its CI, a reference line at no effect (0 for differences, 1 for ratios, on a log scale), flagged
 * findings in red.
 */
export function forestPlot(findings: readonly Finding[], title: string, axisTitle?: string): TopLevelSpec {
  const measure = axisTitle ?? findings[0]?.effect.measure ?? 'effect';
  const ratio = RATIO_MEASURES.test(findings[0]?.effect.measure ?? '');
  const values = findings.flatMap((finding) =>
    finding.effect.value === null
      ? []
      : [
          {
            environment: finding.environment,
            value: finding.effect.value,
            lower: finding.effect.ci?.lower ?? finding.effect.value,
            upper: finding.effect.ci?.upper ?? finding.effect.value,
            flagged: finding.flagged ? 'flagged' : 'not flagged',
            pAdjusted: finding.pAdjusted,
          },
        ],
  );
  const environments = [
    ...values
      .filter((value) => value.environment !== 'pooled')
      .map((value) => value.environment)
      .sort(),
    ...(values.some((value) => value.environment === 'pooled') ? ['pooled'] : []),
  ];
  const x = {
    type: 'quantitative' as const,
    title: measure,
    scale: ratio ? { type: 'log' as const } : { zero: true },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title,
    config: PLOT_CONFIG,
    width: 300,
    height: Math.max(60, 22 * environments.length),
    layer: [
      {
        data: { values: [{ reference: ratio ? 1 : 0 }] },
        mark: { type: 'rule', color: '#999', strokeDash: [4, 4] },
        encoding: { x: { field: 'reference', ...x } },
      },
      {
        data: { values },
        mark: 'rule',
        encoding: {
          y: { field: 'environment', type: 'nominal', sort: environments, title: null },
          x: { field: 'lower', ...x },
          x2: { field: 'upper' },
          color: {
            field: 'flagged',
            type: 'nominal',
            title: null,
            scale: { domain: ['flagged', 'not flagged'], range: ['#e45756', '#4c78a8'] },
          },
        },
      },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          y: { field: 'environment', type: 'nominal', sort: environments, title: null },
          x: { field: 'value', ...x },
          shape: { condition: { test: "datum.environment === 'pooled'", value: 'diamond' }, value: 'circle' },
          color: { field: 'flagged', type: 'nominal', title: null },
          tooltip: [
            { field: 'environment', type: 'nominal' },
            { field: 'value', type: 'quantitative', format: '.3f' },
            { field: 'pAdjusted', type: 'quantitative', format: '.3g' },
          ],
        },
      },
    ],
  };
}
