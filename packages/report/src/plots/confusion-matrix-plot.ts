import type { ConfusionMatrix } from '@judgekit/analysis';
import type { TopLevelSpec } from 'vega-lite';
import { PLOT_CONFIG } from './plot-theme.js';

/** A 2×2 confusion matrix as a heat-map with counts (rows: gold; columns: grader). */
export function confusionMatrixPlot(matrix: ConfusionMatrix, title: string): TopLevelSpec {
  const values = [
    { gold: 'present', grader: 'flagged', count: matrix.truePositives },
    { gold: 'absent', grader: 'flagged', count: matrix.falsePositives },
    { gold: 'present', grader: 'not flagged', count: matrix.falseNegatives },
    { gold: 'absent', grader: 'not flagged', count: matrix.trueNegatives },
  ];
  const order = { x: ['flagged', 'not flagged'], y: ['present', 'absent'] };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title,
    config: PLOT_CONFIG,
    width: 160,
    height: 160,
    data: { values },
    encoding: {
      x: { field: 'grader', type: 'nominal', sort: order.x, title: 'grader', axis: { labelAngle: 0 } },
      y: { field: 'gold', type: 'nominal', sort: order.y, title: 'gold' },
    },
    layer: [
      {
        mark: 'rect',
        encoding: {
          color: { field: 'count', type: 'quantitative', scale: { scheme: 'blues' }, legend: null },
        },
      },
      {
        mark: { type: 'text', fontSize: 16 },
        encoding: {
          text: { field: 'count', type: 'quantitative' },
          color: {
            condition: { test: `datum.count >= ${0.6 * maxOf(values)}`, value: 'white' },
            value: 'black',
          },
        },
      },
    ],
  };
}

function maxOf(values: readonly { count: number }[]): number {
  return Math.max(1, ...values.map((value) => value.count));
}
