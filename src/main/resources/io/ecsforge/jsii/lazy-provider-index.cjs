'use strict';
// Preloaded (node --require) into the Node.js process that runs cdktf for the JVM.
//
// A prebuilt cdktf provider's lib/index.js requires every one of its resource modules up front
// (about 1,800 for AWS, seconds of compiling), while a stack uses a few dozen. When such an index
// has exactly the shape the provider generator emits, this defines each of its exports as a
// getter that requires the module on first access, so only the modules used are ever loaded.
// The exports keep their names, order and values; only the time of loading changes. An index of
// any other shape is compiled as it is, without a word: the worst case is the normal, slow load.

const fs = require('fs');
const Module = require('module');
const path = require('path');

const INSTALLED = Symbol.for('ecsforge.lazyProviderIndex');
const PROVIDER_PACKAGE = /^@cdktf\/provider-[a-z0-9-]+$/;

const STRICT = /^"use strict";$/;
const ES_MODULE = /^Object\.defineProperty\(exports, "__esModule", \{ value: true \}\);$/;
const DECLARE = /^(?:exports\.[A-Za-z_$][\w$]* = )+void 0;$/;
const DECLARED = /exports\.([A-Za-z_$][\w$]*) = /g;
const REQUIRE = /^exports\.([A-Za-z_$][\w$]*) = require\("(\.\/[\w.-]+)"\);$/;
const LINE_COMMENT = /^\s*\/\/.*$/;
const BLOCK_COMMENT_START = /^\s*\/\*/;
const BLOCK_COMMENT_END = /\*\/\s*$/;

/** True when filename is lib/index.js of a prebuilt cdktf provider package. */
function isProviderIndex(filename) {
  if (path.basename(filename) !== 'index.js' || path.basename(path.dirname(filename)) !== 'lib') {
    return false;
  }
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(filename, '..', '..', 'package.json'), 'utf8'));
    return typeof manifest.name === 'string' && PROVIDER_PACKAGE.test(manifest.name);
  } catch {
    return false;
  }
}

/**
 * The index as a list of steps ({declare: name} or {name, request}), or null when a line is not
 * one the generator writes.
 */
function parseIndex(source) {
  const steps = [];
  let esModule = false;
  let inComment = false;
  for (const line of source.split(/\r?\n/)) {
    let match;
    if (inComment || BLOCK_COMMENT_START.test(line)) {
      // A block comment must end at a line's end: code after it is a shape not known here.
      inComment = !line.includes('*/');
      if (!inComment && !BLOCK_COMMENT_END.test(line)) {
        return null;
      }
      continue;
    }
    if (line.trim() === '' || STRICT.test(line) || LINE_COMMENT.test(line)) {
      continue;
    }
    if (ES_MODULE.test(line)) {
      esModule = true;
    } else if (DECLARE.test(line)) {
      // a = b = c = void 0 assigns c first: the compiled index's keys are in that order.
      for (const declared of [...line.matchAll(DECLARED)].reverse()) {
        steps.push({ declare: declared[1] });
      }
    } else if ((match = REQUIRE.exec(line)) !== null) {
      steps.push({ name: match[1], request: match[2] });
    } else {
      return null;
    }
  }
  return esModule && !inComment && steps.some((step) => step.request) ? steps : null;
}

/** Defines the index's exports on module.exports as the compiled index would, lazily. */
function defineLazily(module, steps) {
  const exports = module.exports;
  Object.defineProperty(exports, '__esModule', { value: true });
  for (const step of steps) {
    if (step.declare) {
      exports[step.declare] = undefined;
      continue;
    }
    const { name, request } = step;
    const settle = (value) => {
      Object.defineProperty(exports, name, { value, writable: true, enumerable: true, configurable: true });
      return value;
    };
    Object.defineProperty(exports, name, {
      enumerable: true,
      configurable: true,
      get: () => settle(module.require(request)),
      set: settle,
    });
  }
}

if (!Module.prototype[INSTALLED]) {
  const compile = Module.prototype._compile;
  Object.defineProperty(Module.prototype, INSTALLED, { value: true });
  Module.prototype._compile = function compileProviderIndexLazily(content, filename, ...rest) {
    if (typeof content === 'string' && isProviderIndex(filename)) {
      const steps = parseIndex(content);
      if (steps !== null) {
        defineLazily(this, steps);
        return undefined;
      }
    }
    return compile.call(this, content, filename, ...rest);
  };
}
