// `--import` this (see module-loads.ts) to report the modules of the packages named, comma-separated,
// in JUDGEKIT_WATCH_PACKAGES as they are resolved.
import { register } from 'node:module';

register('./module-load-hooks.mjs', import.meta.url, {
  data: { packages: (process.env.JUDGEKIT_WATCH_PACKAGES ?? '').split(',').filter(Boolean) },
});
