import type { Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import { buildRegistry } from '../config/resolve-graders.js';
import { type CLIOutput, formatTable, writeJSON } from '../output/cli-output.js';

/** `judgekit graders`: lists installed graders from their plugin metadata. */
export function registerGradersCommand(program: Command, output: CLIOutput): void {
  program
    .command('graders')
    .description('list the graders installed (built-in and from config plugins)')
    .option('--json', 'print an array of { id, kind, dimensions, version, needsKey }')
    .option('--config <file>', 'config file (default: search from the current directory)')
    .action(async (options: { json?: boolean; config?: string }) => {
      const { config, directory } = await loadConfig({ cwd: process.cwd(), file: options.config });
      const plugins = (await buildRegistry(config, directory)).list();
      if (options.json) {
        writeJSON(
          output,
          plugins.map((plugin) => ({
            id: plugin.id,
            kind: plugin.kind,
            dimensions: plugin.dimensions,
            version: plugin.version,
            needsKey: plugin.needsKey,
            views: plugin.views,
            description: plugin.docs.description,
          })),
        );
        return;
      }
      const rows = plugins.map((plugin) => [
        plugin.id,
        plugin.kind,
        plugin.dimensions.join(','),
        plugin.version,
        plugin.needsKey ? 'yes' : 'no',
        plugin.docs.description,
      ]);
      output.stdout.write(
        `${formatTable(['id', 'kind', 'dimensions', 'version', 'key', 'description'], rows)}\n`,
      );
    });
}
