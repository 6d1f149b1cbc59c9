// `--format junit`: JUnit XML for test-report viewers (GitLab, Jenkins, Azure, dorny/test-reporter).
// One <testsuite> per file; one <testcase> per finding at warning or above, failed, named
// `rule line:column`, so a viewer lists each problem where it is. A file without such findings has
// one passing test case, so every checked file shows up. Information and hints are not failures:
// they go to the suite's <system-out>.

import { isFailing, printable, type JsonFile } from '../report.js';
import type { Format } from './format.js';

/**
 * Text as XML 1.0 character data or an attribute value: markup characters as entities, and what XML
 * cannot hold at all (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF) made visible.
 */
export function xmlEscape(s: string): string {
  return s
    .replace(/\r\n|\r/g, '\n')
    // eslint-disable-next-line no-control-regex -- these are what XML 1.0 cannot hold
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, printable)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;');
}

export function junitFormat(): Format {
  return {
    begin: () => '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="interview-notes">\n',
    file(f: JsonFile): string {
      const name = xmlEscape(f.path);
      const failing = f.findings.filter((x) => isFailing(x.severity));
      const cases = failing.map((x) => {
        const where = `${f.path}:${x.line}:${x.column}`;
        return (
          `    <testcase classname="${name}" name="${xmlEscape(`${x.rule} ${x.line}:${x.column}`)}">\n` +
          `      <failure type="${xmlEscape(x.rule)}" message="${xmlEscape(x.message)}">${xmlEscape(`${where}: ${x.severity} ${x.rule} ${x.message}`)}</failure>\n` +
          `    </testcase>\n`
        );
      });
      if (cases.length === 0) cases.push(`    <testcase classname="${name}" name="${f.isNotes ? 'no findings at warning or above' : 'not interview notes'}"/>\n`);
      const notes = f.findings.filter((x) => !isFailing(x.severity)).map((x) => `${f.path}:${x.line}:${x.column}: ${x.severity} ${x.rule} ${x.message}`);
      const out = notes.length ? `    <system-out>${xmlEscape(notes.join('\n'))}</system-out>\n` : '';
      return `  <testsuite name="${name}" tests="${cases.length}" failures="${failing.length}" errors="0" skipped="0">\n${cases.join('')}${out}  </testsuite>\n`;
    },
    end: () => '</testsuites>\n',
  };
}
