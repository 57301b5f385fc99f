process.stderr.write('contexta-gate: no commands yet\n');
process.exitCode = 2;
