import type { Config } from 'vega-lite';

/** Shared look of every plot: readable at report size, no external fonts. */
export const PLOT_CONFIG: Config = {
  font: 'Helvetica, Arial, sans-serif',
  background: 'white',
  view: { stroke: '#ddd' },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#eee' },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 320 },
  title: { fontSize: 13, anchor: 'start' },
};

/** Colours of the methods, raters and conditions in plots. */
export const PALETTE = [
  '#4c78a8',
  '#f58518',
  '#54a24b',
  '#e45756',
  '#72b7b2',
  '#b279a2',
  '#ff9da6',
  '#9d755d',
];
