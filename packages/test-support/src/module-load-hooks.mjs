// Module resolution hooks registered by watch-module-loads.mjs: each resolved module inside one of
// the watched packages is reported on stderr as `loaded <package>`, written at once, so the lines
// keep their order with what the process itself writes to stderr synchronously.
let watched = /$^/;

export function initialize(data) {
  const names = data.packages.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  watched = new RegExp(`/node_modules/(${names.join('|')})/`);
}

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const match = watched.exec(result.url);
  if (match) process._rawDebug(`loaded ${match[1]}`);
  return result;
}
