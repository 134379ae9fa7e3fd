import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../src/main.js';
import { captureOutput, runCLI } from './helpers.js';

const COMMANDS = [
  'import',
  'grade',
  'batch',
  'graders',
  'fixtures',
  'calibrate',
  'agree',
  'compare',
  'import-reviews',
  'prevalence',
  'report',
  'serve',
  'export',
];

/** Parses `args` with every command registered, as the CLI did before it loaded one alone. */
async function runWithEveryCommand(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = captureOutput();
  const program = await createProgram(captured.output);
  let code = 0;
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    code = error.exitCode;
  }
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

describe('judgekit loads only the command it runs', () => {
  it.each(COMMANDS)('registers %s alone when the arguments start with it', async (name) => {
    const program = await createProgram(captureOutput().output, [name, '--help']);
    expect(program.commands.map((command) => command.name())).toEqual([name]);
  });

  it('registers every command, in help order, without a command name first', async () => {
    for (const argv of [[], ['--help'], ['help', 'grade'], ['-V', 'grade'], ['grad'], ['--help', 'grade']]) {
      const program = await createProgram(captureOutput().output, argv);
      expect(program.commands.map((command) => command.name())).toEqual(COMMANDS);
    }
  });

  it.each(COMMANDS)('prints the same `%s --help` as with every command registered', async (name) => {
    const alone = await runCLI([name, '--help']);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toContain(`Usage: judgekit ${name} `);
    expect(alone).toEqual(await runWithEveryCommand([name, '--help']));
  });

  it('prints the same help for a subcommand (`batch status --help`, `export inspect --help`)', async () => {
    for (const args of [
      ['batch', 'status', '--help'],
      ['batch', 'collect', '--help'],
      ['export', 'inspect', '--help'],
    ]) {
      const alone = await runCLI(args);
      expect(alone.stdout).toContain(`Usage: judgekit ${args[0]} ${args[1]} `);
      expect(alone).toEqual(await runWithEveryCommand(args));
    }
  });

  it('lists every command in `judgekit --help`', async () => {
    const result = await runCLI(['--help']);
    expect(result.code).toBe(0);
    const listed = result.stdout
      .split('Commands:\n')[1]!
      .split('\n')
      .filter((line) => /^ {2}\S/.test(line))
      .map((line) => line.trim().split(' ')[0]);
    expect(listed).toEqual([...COMMANDS, 'help']);
  });

  it('prints the program help, every command listed, for `judgekit --help grade`', async () => {
    const result = await runCLI(['--help', 'grade']);
    expect(result).toEqual(await runCLI(['--help']));
  });

  it('prints the command help for `judgekit help grade`, as `judgekit grade --help` does', async () => {
    const result = await runCLI(['help', 'grade']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: judgekit grade [options] <inputs...>');
    expect(result).toEqual(await runCLI(['grade', '--help']));
  });

  it('refuses an unknown command with a suggestion and status 1, as before', async () => {
    const result = await runCLI(['grad']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: "error: unknown command 'grad'\n(Did you mean grade?)\n(run with --help for usage)\n",
    });
    expect(await runCLI(['nosuch'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "error: unknown command 'nosuch'\n(run with --help for usage)\n",
    });
  });

  it('refuses an unknown option before a command name, as before', async () => {
    expect(await runCLI(['--foo', 'grade'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "error: unknown option '--foo'\n(run with --help for usage)\n",
    });
  });

  it.each(['--version', '-V'])('registers no command for `%s` alone', async (flag) => {
    const program = await createProgram(captureOutput().output, [flag]);
    expect(program.commands).toEqual([]);
  });

  it.each(['--version', '-V'])(
    'prints the same version for `%s` as with every command registered',
    async (flag) => {
      const alone = await runCLI([flag]);
      expect(alone.code).toBe(0);
      expect(alone).toEqual(await runWithEveryCommand([flag]));
    },
  );

  it('prints the version for --version, also before a command name', async () => {
    const version = await runCLI(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(await runCLI(['-V', 'grade'])).toEqual(version);
  });
});
