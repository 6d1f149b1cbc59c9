// Types for result-file.cjs (the in-extension-host side of run-in-code-server.mjs); see that file.
import type Mocha from 'mocha';

export interface TestFailure {
  title: string;
  error: string;
  stack?: string;
}

export interface TestResult {
  passed: number;
  failed: number;
  pending: number;
  failures: TestFailure[];
}

export declare const RESULT_FILE_ENV: 'INTERVIEW_NOTES_RESULT_FILE';
export declare const SCREENSHOT_REQUEST_ENV: 'INTERVIEW_NOTES_SCREENSHOT_REQUEST';

/** Writes the result JSON to $INTERVIEW_NOTES_RESULT_FILE; false when that variable is not set. */
export declare function writeResult(result: TestResult): boolean;

/** Runs the loaded tests, writes the result file; resolves with the result, rejects if any failed. */
export declare function runMocha(mocha: Mocha): Promise<TestResult>;

/** Asks the driver for a screenshot now and waits for it; false when not run by the driver or on timeout. */
export declare function requestScreenshot(label?: string, timeoutMs?: number): Promise<boolean>;

/** requestScreenshot, then the labels of the page's list and tree rows at that moment. */
export declare function screenshotWithRows(label?: string, timeoutMs?: number): Promise<string[] | undefined>;
