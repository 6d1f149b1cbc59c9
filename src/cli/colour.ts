// Whether the text output is coloured, decided as Node decides for its own output: FORCE_COLOR
// (any value but 0/false) turns colour on, else NO_COLOR (non-empty, see no-color.org) turns it
// off, else colour only on a terminal that is not "dumb". Five SGR codes are all it takes, so no
// colour library.

export function wantsColour(env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTerminal && env.TERM !== 'dumb';
}

const SGR = { red: 31, yellow: 33, blue: 34, green: 32, bold: 1, dim: 2 } as const;
export type Style = keyof typeof SGR;

export function paint(style: Style, text: string): string {
  const off = style === 'bold' || style === 'dim' ? 22 : 39;
  return `\u001b[${SGR[style]}m${text}\u001b[${off}m`;
}
