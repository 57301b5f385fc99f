/**
 * `contexta-gate`: the same engine as the action, as a local command.
 *   contexta-gate inspect <workspace> [--json]
 *   contexta-gate compare --baseline <ws> --candidate <ws> [--config <file>] [--format markdown|json|text] [--project <name>]
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { capYoungGeneration } from '../runtime/young-generation.js';

/**
 * The arguments (or `--flag=value` values) that name existing files or directories: the evidence
 * and config the command will read. Null when there are none (nothing to size up front).
 */
function pathArguments(args: string[]): string[] | null {
  const paths = args
    .map((arg) => (arg.startsWith('--') && arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg))
    .filter((arg) => !arg.startsWith('-') && existsSync(arg))
    .map((arg) => path.resolve(arg));
  return paths.length > 0 ? paths : null;
}

// Before anything else is loaded: this may replace the process with one started with a smaller
// young generation (peak memory on large workspaces). The commands are imported only afterwards,
// so a re-executed start-up costs Node's boot, not the evaluation of the whole CLI twice.
capYoungGeneration(process.env.NODE_OPTIONS, pathArguments(process.argv.slice(3)));

const USAGE = `usage: contexta-gate <command> [options]

commands:
  inspect <workspace> [--json]     what the gate can read from a workspace, and every evidence gap
  compare --baseline <workspace> --candidate <workspace> [--config <file>] [--format markdown|json|text]
          [--project <name>]
                                   gate a candidate against a baseline; exit 0 pass/warn, 1 fail, 2 usage or input error

Run 'contexta-gate <command> --help' for the options of a command.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const cwd = process.cwd();
  const write = (stream: NodeJS.WriteStream) => (text: string) => void stream.write(text);
  const io = { stdout: write(process.stdout), stderr: write(process.stderr), cwd };
  switch (command) {
    case 'inspect':
      return (await import('./inspect.js')).inspectCommand(rest, io);
    case 'compare':
      return (await import('./compare.js')).compareCommand(rest, io);
    // Hidden: times the renderer for `npm run bench`; not part of the documented interface.
    case 'bench-render':
      return (await import('./bench-render.js')).benchRenderCommand(rest, io);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`contexta-gate: unknown command '${command}'\n\n${USAGE}`);
      return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
