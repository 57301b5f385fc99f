#!/usr/bin/env node
var __webpack_exports__ = {};
process.stderr.write('contexta-gate: no commands yet\n');
process.exitCode = 2;


