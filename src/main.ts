import * as core from '@actions/core';

core.setFailed('contexta/gate: the action entry is not wired yet.');
