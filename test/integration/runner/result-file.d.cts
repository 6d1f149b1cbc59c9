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

export interface PageState {
  rows: string[];
  /** Sidebar titles (view container, view headers) and whether each was cut off with an ellipsis. */
  titles: { text: string; cut: boolean }[];
  /** Where the keyboard focus was: in an editor, or in the pane of that title. */
  focus: { inEditor: boolean; pane: string | null };
  /** Texts of the welcome views shown. */
  welcome: string[];
  /** Messages of the notifications shown. */
  notifications: string[];
}

/** screenshotWithRows, and more of what the page showed then; undefined when not run by the driver. */
export declare function pageState(label?: string, timeoutMs?: number): Promise<PageState | undefined>;
