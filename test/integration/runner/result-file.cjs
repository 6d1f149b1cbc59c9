// The contract between the test runner that runs INSIDE the VS Code extension host (the file given as
// extensionTestsPath, e.g. test/integration/index.ts bundled to dist/test/integration/index.js) and
// the driver OUTSIDE, test/integration/runner/run-in-code-server.mjs, which starts code-server and a
// headless Chromium. The extension host inherits code-server's environment, so the driver passes
// paths in environment variables:
//
//   INTERVIEW_NOTES_RESULT_FILE         the in-host runner writes ONE JSON file there when its tests
//                                       are done, before its run() settles:
//                                         { "passed": n, "failed": n, "pending": n,
//                                           "failures": [{ "title": "...", "error": "...", "stack": "..." }] }
//                                       The driver counts a run as passed only if this file exists,
//                                       failed === 0 and passed > 0, the workbench reported exit code 0,
//                                       and the extension host did not crash.
//   INTERVIEW_NOTES_SCREENSHOT_REQUEST  (optional) to get a screenshot of the workbench at a moment the
//                                       tests choose (e.g. with the tree view open), the in-host code
//                                       writes this file (contents: an optional label) and waits until
//                                       the driver deletes it; see requestScreenshot(). Without any
//                                       request the driver takes its screenshot when the tests finish.
//
// This file is plain CommonJS with no dependencies so that the in-host runner can import it and esbuild
// bundles it along:  import { runMocha, requestScreenshot } from '../runner/result-file.cjs';
'use strict';

const fs = require('node:fs');
const util = require('node:util');

const RESULT_FILE_ENV = 'INTERVIEW_NOTES_RESULT_FILE';
const SCREENSHOT_REQUEST_ENV = 'INTERVIEW_NOTES_SCREENSHOT_REQUEST';

/** Writes the result JSON (atomically: a half-written file is never seen). Returns false when not run by the driver. */
function writeResult(result) {
  const file = process.env[RESULT_FILE_ENV];
  if (!file) return false;
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(result, null, 2)}\n`);
  fs.renameSync(tmp, file);
  return true;
}

/**
 * Runs a configured Mocha instance (its tests already loaded), records every pass/failure, writes
 * the result file, then resolves with the result, or rejects when any test failed (so that VS Code
 * reports a non-zero exit code too).
 * @param {import('mocha')} mocha
 * @returns {Promise<{passed: number, failed: number, pending: number, failures: {title: string, error: string, stack?: string}[]}>}
 */
function runMocha(mocha) {
  // The extension host forwards console.log(format, ...args) to the workbench without applying the
  // format, so Mocha's reporters would print "%s passing (%s)": format here first.
  const Base = mocha.constructor && mocha.constructor.reporters && mocha.constructor.reporters.Base;
  if (Base && typeof Base.consoleLog === 'function' && !Base.consoleLog.formatsItself) {
    const formatted = (...args) => console.log(util.format(...args));
    formatted.formatsItself = true;
    Base.consoleLog = formatted;
  }
  return new Promise((resolve, reject) => {
    const result = { passed: 0, failed: 0, pending: 0, failures: [] };
    let runner;
    const finish = () => {
      result.failed = result.failures.length;
      try {
        writeResult(result);
      } catch (err) {
        reject(err);
        return;
      }
      if (result.failed > 0) reject(new Error(`${result.failed} of ${result.passed + result.failed} tests failed`));
      else resolve(result);
    };
    try {
      runner = mocha.run(() => finish());
    } catch (err) {
      result.failures.push({ title: '(mocha.run)', error: String(err && err.message), stack: err && err.stack });
      finish();
      return;
    }
    runner.on('pass', () => { result.passed++; });
    runner.on('pending', () => { result.pending++; });
    // 'fail' is also emitted for failing hooks (before/after...), which count as failures here.
    runner.on('fail', (test, err) => {
      result.failures.push({
        title: typeof test.fullTitle === 'function' ? test.fullTitle() : String(test.title),
        error: err && err.message !== undefined ? String(err.message) : String(err),
        stack: err && err.stack ? String(err.stack) : undefined,
      });
    });
  });
}

/**
 * Asks the driver for a screenshot of the workbench NOW and waits until it was taken (or the driver
 * was started without --screenshot, in which case it acknowledges at once). `label` (optional) names
 * the file: <screenshot>-<label>.png instead of <screenshot>.png. Resolves false when not run by the
 * driver or on timeout.
 */
async function requestScreenshot(label = '', timeoutMs = 20000) {
  const file = process.env[SCREENSHOT_REQUEST_ENV];
  if (!file) return false;
  fs.writeFileSync(file, String(label));
  const deadline = Date.now() + timeoutMs;
  while (fs.existsSync(file)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/**
 * Like requestScreenshot, and returns the labels of the list and tree rows the page showed at that
 * moment (aria-label or text), so a test can assert on the real DOM; undefined when not run by the driver.
 * @returns {Promise<string[] | undefined>}
 */
async function screenshotWithRows(label = '', timeoutMs = 20000) {
  const file = process.env[SCREENSHOT_REQUEST_ENV];
  if (!file || !(await requestScreenshot(label, timeoutMs))) return undefined;
  try {
    return JSON.parse(fs.readFileSync(`${file}.rows.json`, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Like screenshotWithRows, and returns what else the page showed: sidebar titles (and whether they
 * were cut), where the keyboard focus was, welcome view texts and notification messages.
 * @returns {Promise<{ rows: string[], titles: {text: string, cut: boolean}[], focus: {inEditor: boolean, pane: string | null}, welcome: string[], notifications: string[] } | undefined>}
 */
async function pageState(label = '', timeoutMs = 20000) {
  const file = process.env[SCREENSHOT_REQUEST_ENV];
  const rows = await screenshotWithRows(label, timeoutMs);
  if (!file || rows === undefined) return undefined;
  try {
    return { rows, ...JSON.parse(fs.readFileSync(`${file}.page.json`, 'utf8')) };
  } catch {
    return undefined;
  }
}

module.exports = { RESULT_FILE_ENV, SCREENSHOT_REQUEST_ENV, writeResult, runMocha, requestScreenshot, screenshotWithRows, pageState };
