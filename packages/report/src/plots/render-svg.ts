import type { TopLevelSpec } from 'vega-lite';

/**
 * Renders a Vega-Lite spec to a standalone SVG string at build time, in Node, without a canvas or
 * a browser: the report embeds the SVG, so viewing it needs no script and no network.
 */
export async function renderSVG(spec: TopLevelSpec): Promise<string> {
  // imported on the first render, not with the package: its text formatters need neither (vega
  // adds ~16 MB of heap and start-up time to every importer)
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = vegaLite.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
