import type { ReliabilityBin } from '@judgekit/analysis';
import type { TopLevelSpec } from 'vega-lite';
import { PLOT_CONFIG } from './plot-theme.js';

/**
 * Reliability diagram: per score bin, the mean score against the observed share of gold positives
 * (with its Wilson interval); the diagonal is perfect calibration; point size is the bin count.
 */
export function reliabilityPlot(bins: readonly ReliabilityBin[], title: string): TopLevelSpec {
  const values = bins.flatMap((bin) =>
    bin.n === 0 || bin.meanScore === null || bin.observedRate === null
      ? []
      : [
          {
            meanScore: bin.meanScore,
            observedRate: bin.observedRate,
            lower: bin.ci?.lower ?? bin.observedRate,
            upper: bin.ci?.upper ?? bin.observedRate,
            n: bin.n,
          },
        ],
  );
  const unit = { type: 'quantitative' as const, scale: { domain: [0, 1] } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title,
    config: PLOT_CONFIG,
    width: 220,
    height: 220,
    layer: [
      {
        data: {
          values: [
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ],
        },
        mark: { type: 'line', color: '#999', strokeDash: [4, 4] },
        encoding: {
          x: { field: 'x', ...unit, title: 'mean score' },
          y: { field: 'y', ...unit, title: 'share positive (gold)' },
        },
      },
      {
        data: { values },
        mark: { type: 'rule', color: '#4c78a8' },
        encoding: {
          x: { field: 'meanScore', ...unit },
          y: { field: 'lower', ...unit },
          y2: { field: 'upper' },
        },
      },
      {
        data: { values },
        mark: { type: 'point', filled: true, color: '#4c78a8' },
        encoding: {
          x: { field: 'meanScore', ...unit },
          y: { field: 'observedRate', ...unit },
          size: { field: 'n', type: 'quantitative', title: 'n', scale: { range: [30, 300] } },
        },
      },
    ],
  };
}
