// `--format json` (and `--json`): `{"files":[…],"summary":{…}}` as documented and described by
// schemas/check-output.schema.json; each file's record is written as soon as it is done, so a run
// over 100,000 files holds one file at a time. Indented as `JSON.stringify(…, null, 2)` would.

import type { JsonFile, Summary } from '../report.js';
import type { Format } from './format.js';

const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);

export function jsonFormat(): Format {
  let first = true;
  return {
    readsFixable: true,
    begin: () => '{\n  "files": [',
    file(f: JsonFile): string {
      const comma = first ? '' : ',';
      first = false;
      return `${comma}\n    ${indent(JSON.stringify(f, null, 2), '    ')}`;
    },
    end: (summary: Summary) => `${first ? '' : '\n  '}],\n  "summary": ${indent(JSON.stringify(summary, null, 2), '  ')}\n}\n`,
  };
}
