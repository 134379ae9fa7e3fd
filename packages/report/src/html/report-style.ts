import { PALETTE } from '../plots/plot-theme.js';

/** The report's whole stylesheet, inlined: the file needs nothing from the network. */
export const REPORT_STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.45 Helvetica, Arial, sans-serif; color: #1d1d1f; margin: 0 auto; max-width: 1180px; padding: 24px 32px 64px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 36px 0 10px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 22px 0 8px; }
table { border-collapse: collapse; margin: 8px 0 14px; font-size: 13px; }
th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f5f5f7; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: #6e6e73; } .flagged { color: #c0392b; font-weight: bold; }
.plots { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; }
figure.plot { margin: 0; } figure.plot svg { display: block; max-width: 100%; height: auto; }
details { margin: 6px 0 10px; } summary { cursor: pointer; color: #0b5cad; }
.queue-item { border: 1px solid #ddd; border-radius: 6px; padding: 10px 14px; margin: 12px 0; }
.ratings { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 10px; margin: 8px 0; }
.rating { background: #fafafa; border: 1px solid #eee; border-radius: 4px; padding: 6px 8px; font-size: 13px; }
.message { border-left: 3px solid #ccc; padding: 4px 10px; margin: 6px 0; white-space: pre-wrap; font: 12.5px/1.4 Menlo, Consolas, monospace; }
.message .role { display: block; font: bold 11px Helvetica, Arial, sans-serif; color: #6e6e73; text-transform: uppercase; }
mark { background: #fff3b0; border-bottom: 2px solid #e0b000; padding: 0 1px; }
${PALETTE.map((colour, index) => `mark.r${index} { background: ${colour}33; border-bottom-color: ${colour}; }\n.swatch.r${index} { background: ${colour}; }`).join('\n')}
mark.many { background: #ffd6d6; border-bottom-color: #c0392b; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: baseline; }
.unmatched { color: #c0392b; }
`;
