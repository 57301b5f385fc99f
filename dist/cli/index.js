#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2957:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _runtime_young_generation_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7679);
/**
 * `contexta-gate`: the same engine as the action, as a local command.
 *   contexta-gate inspect <workspace> [--json]
 *   contexta-gate compare --baseline <ws> --candidate <ws> [--config <file>] [--format markdown|json|text] [--project <name>]
 */



/**
 * The arguments (or `--flag=value` values) that name existing files or directories: the evidence
 * and config the command will read. Null when there are none (nothing to size up front).
 */
function pathArguments(args) {
    const paths = args
        .map((arg) => (arg.startsWith('--') && arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg))
        .filter((arg) => !arg.startsWith('-') && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(arg))
        .map((arg) => node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(arg));
    return paths.length > 0 ? paths : null;
}
// Before anything else is loaded: this may replace the process with one started with a smaller
// young generation (peak memory on large workspaces). The commands are imported only afterwards,
// so a re-executed start-up costs Node's boot, not the evaluation of the whole CLI twice.
(0,_runtime_young_generation_js__WEBPACK_IMPORTED_MODULE_2__/* .capYoungGeneration */ .HG)(process.env.NODE_OPTIONS, pathArguments(process.argv.slice(3)));
const USAGE = `usage: contexta-gate <command> [options]

commands:
  inspect <workspace> [--json]     what the gate can read from a workspace, and every evidence gap
  compare --baseline <workspace> --candidate <workspace> [--config <file>] [--format markdown|json|text]
          [--project <name>]
                                   gate a candidate against a baseline; exit 0 pass/warn, 1 fail, 2 usage or input error

Run 'contexta-gate <command> --help' for the options of a command.
`;
async function main(argv) {
    const [command, ...rest] = argv;
    const cwd = process.cwd();
    const write = (stream) => (text) => void stream.write(text);
    const io = { stdout: write(process.stdout), stderr: write(process.stderr), cwd };
    switch (command) {
        case 'inspect':
            return (await Promise.all(/* import() */[__nccwpck_require__.e(651), __nccwpck_require__.e(195)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2195))).inspectCommand(rest, io);
        case 'compare':
            return (await Promise.all(/* import() */[__nccwpck_require__.e(651), __nccwpck_require__.e(815), __nccwpck_require__.e(195), __nccwpck_require__.e(962), __nccwpck_require__.e(886)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6886))).compareCommand(rest, io);
        // Hidden: times the renderer for `npm run bench`; not part of the documented interface.
        case 'bench-render':
            return (await Promise.all(/* import() */[__nccwpck_require__.e(962), __nccwpck_require__.e(400)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2233))).benchRenderCommand(rest, io);
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

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7679:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HG: () => (/* binding */ capYoungGeneration)
/* harmony export */ });
/* unused harmony exports SEMI_SPACE_MIB, HEAP_GROWING_PERCENT, SMALL_EVIDENCE_BYTES, smallerThan */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Caps V8's young generation for the whole process by re-executing Node with
 * `--max-semi-space-size`. Reading a large workspace allocates hundreds of megabytes of short-lived
 * JSON objects, and V8 answers by growing each semi-space to its maximum: on a 1 GB workspace that
 * alone lifts peak RSS by ~150 MB (`readline` + `JSON.parse` and nothing else peaks at ~250 MB by
 * default, ~105 MB with 4 MiB semi-spaces), while the CPU time stays within noise (docs/benchmarks.md).
 * The flag only takes effect when the heap is set up, so it cannot be set from inside a running
 * process (`v8.setFlagsFromString` leaves the young generation as it is); `process.execve` replaces
 * the process image in place, so pid, stdio, exit status and resource accounting stay the same.
 * Re-executes the current script with the semi-space cap unless a cap is already set (by us before
 * the re-exec, or by the user on the command line or in NODE_OPTIONS), the evidence is known to be
 * small (`evidence`: the paths that will be read, or null when they are not known up front), or the
 * platform has no `execve` (Windows), where the process simply continues with V8's defaults.
 * Returns only when it does not re-execute.
 *
 * The same re-exec also lowers how far V8 lets the old generation grow past its live size before the
 * next full collection (`--heap-growing-percent`). A sharded comparison keeps ~140 MB of merged
 * per-sample columns alive while it allocates and drops copies of them per slice and per test; with
 * V8's default growth the heap ran to 2-3x the live size between collections (64 shards x 10,000
 * samples per side: 609 MiB peak RSS, 383-391 MiB with 20 %, at the same CPU time).
 */


/** Semi-space cap, chosen from the benchmark (docs/benchmarks.md, "Memory"). */
const SEMI_SPACE_MIB = 4;
const FLAG = '--max-semi-space-size';
/** Old-generation growth past the live size before a full collection, from the same benchmark. */
const HEAP_GROWING_PERCENT = 20;
const GROWING = '--heap-growing-percent';
/** Evidence below this size is read without the cap (measured in docs/benchmarks.md, "Start-up"). */
const SMALL_EVIDENCE_BYTES = 16 * 1024 * 1024;
/** A workspace of more entries than this is not walked to the end: so many files read for long anyway. */
const MAX_PROBED_ENTRIES = 2000;
/**
 * Whether the files under `paths` (files or directories, walked without following symlinks) add up
 * to less than `limitBytes`. Stops early: at the limit, or past MAX_PROBED_ENTRIES entries, it
 * answers false, and so it does for a path it cannot read (the reader will say why, later).
 */
function smallerThan(paths, limitBytes) {
    let bytes = 0;
    let entries = 0;
    const pending = [...paths];
    while (pending.length > 0) {
        const current = pending.pop();
        entries += 1;
        if (entries > MAX_PROBED_ENTRIES)
            return false;
        let stat;
        try {
            stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(current);
        }
        catch {
            return false;
        }
        if (stat.isDirectory()) {
            try {
                for (const name of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(current))
                    pending.push(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(current, name));
            }
            catch {
                return false;
            }
        }
        else if (stat.isFile()) {
            bytes += stat.size;
            if (bytes >= limitBytes)
                return false;
        }
    }
    return true;
}
/**
 * Re-executes the current script with the semi-space cap and, unless one is given, the growth limit,
 * unless a semi-space cap is already set (by us before the re-exec, or by the user on the command line
 * or in NODE_OPTIONS), the evidence is known to be small (`evidence`: the paths that will be read, or
 * null when they are not known up front), or the platform has no `execve` (Windows), where the process
 * simply continues with V8's defaults. Returns only when it does not re-execute.
 */
function capYoungGeneration(nodeOptions, evidence) {
    const given = [...process.execArgv, ...(nodeOptions ?? '').split(/\s+/)];
    if (given.some((arg) => arg === FLAG || arg.startsWith(`${FLAG}=`)))
        return;
    if (evidence !== null && evidence.length > 0 && smallerThan(evidence, SMALL_EVIDENCE_BYTES))
        return;
    const script = process.argv[1];
    if (typeof process.execve !== 'function' || script === undefined)
        return;
    const growing = given.some((arg) => arg === GROWING || arg.startsWith(`${GROWING}=`));
    process.execve(process.execPath, [
        process.execPath,
        `${FLAG}=${SEMI_SPACE_MIB}`,
        ...(growing ? [] : [`${GROWING}=${HEAP_GROWING_PERCENT}`]),
        ...process.execArgv,
        script,
        ...process.argv.slice(2),
    ]);
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(2957);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
