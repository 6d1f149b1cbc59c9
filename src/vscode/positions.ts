// The one place where the core's spans (UTF-16 offsets) become VS Code ranges. An open document
// converts with its own positionAt; a closed workspace file with the core's LineIndex over its text.
// Both clamp to the document, so no range can fall outside it.

import * as vscode from 'vscode';
import { LineIndex, type Span } from '../core/index.js';

export interface PositionSource {
  positionAt(offset: number): { line: number; character: number };
}

export function positionSourceFor(text: string): PositionSource {
  return new LineIndex(text);
}

export function toPosition(source: PositionSource, offset: number): vscode.Position {
  const p = source.positionAt(offset);
  return new vscode.Position(p.line, p.character);
}

export function toRange(source: PositionSource, span: Span): vscode.Range {
  return new vscode.Range(toPosition(source, span.start), toPosition(source, span.end));
}
