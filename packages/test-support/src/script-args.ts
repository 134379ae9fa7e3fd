import { type ParseArgsConfig, parseArgs } from 'node:util';

/**
 * `parseArgs` for a repository script: `--help` (or `-h`) prints `usage` and exits 0; an unknown or
 * malformed option prints the reason and `usage` to stderr and exits 2, instead of a stack trace.
 */
export function scriptArgs<const T extends ParseArgsConfig>(
  usage: string,
  config: T,
  argv: readonly string[] = process.argv.slice(2),
): ReturnType<typeof parseArgs<T>> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage.trim()}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ ...config, args: [...argv] }) as ReturnType<typeof parseArgs<T>>;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage.trim()}\n`);
    process.exit(2);
  }
}
