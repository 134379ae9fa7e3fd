import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import * as vegaLite from 'vega-lite';

/**
 * Renders a Vega-Lite spec to a standalone SVG string at build time, in Node, without a canvas or
 * a browser: the report embeds the SVG, so viewing it needs no script and no network.
 */
export async function renderSVG(spec: TopLevelSpec): Promise<string> {
  const compiled = vegaLite.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
