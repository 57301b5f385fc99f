/**
 * `contexta-gate`: the same engine as the action, as a local command.
 *   contexta-gate inspect <workspace> [--json]
 *   contexta-gate compare --baseline <ws> --candidate <ws> [--config <file>] [--format markdown|json|text]
 */
import { benchRenderCommand } from './bench-render.js';
import { compareCommand } from './compare.js';
import { inspectCommand } from './inspect.js';

const USAGE = `usage: contexta-gate <command> [options]

commands:
  inspect <workspace> [--json]     what the gate can read from a workspace, and every evidence gap
  compare --baseline <workspace> --candidate <workspace> [--config <file>] [--format markdown|json|text]
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
      return inspectCommand(rest, io);
    case 'compare':
      return compareCommand(rest, io);
    // Hidden: times the renderer for `npm run bench`; not part of the documented interface.
    case 'bench-render':
      return benchRenderCommand(rest, io);
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
