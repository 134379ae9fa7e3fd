import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where cached judge responses live by default: `JUDGEKIT_CACHE_DIR` when set; else the user's
 * cache folder — `$XDG_CACHE_HOME/judgekit/responses` (default `~/.cache/...`) on Linux and other
 * Unixes, `~/Library/Caches/judgekit/responses` on macOS, `%LOCALAPPDATA%\judgekit\Cache\responses`
 * on Windows.
 */
export function defaultCacheDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.JUDGEKIT_CACHE_DIR) return env.JUDGEKIT_CACHE_DIR;
  if (platform === 'win32') {
    return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'judgekit', 'Cache', 'responses');
  }
  if (platform === 'darwin' && !env.XDG_CACHE_HOME) {
    return join(home, 'Library', 'Caches', 'judgekit', 'responses');
  }
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'judgekit', 'responses');
}
