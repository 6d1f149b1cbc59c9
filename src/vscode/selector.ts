// The document selector of every provider: Markdown in the schemes notes live in. A selector without
// a scheme would also match the documents of other schemes (git's, output channels, chat buffers),
// and VS Code logs a warning for it on every activation.

import type * as vscode from 'vscode';

/** Local and untitled files, remote and virtual workspaces (GitHub Repositories' vscode-vfs). */
const SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs'] as const;

export const MARKDOWN_SELECTOR: vscode.DocumentFilter[] = SCHEMES.map((scheme) => ({ language: 'markdown', scheme }));
