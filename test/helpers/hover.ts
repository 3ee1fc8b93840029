/** What an editor shows on hover, asked of the TypeScript language service for a file that lives only in memory. */
import { existsSync, readFileSync } from "node:fs";
import ts from "typescript";

export interface Hover {
  /** The signature line, e.g. `(property) getClassById: OperationMethod<"getClassById">`. */
  shown: string;
  /** The comment's text, without its tags. */
  text: string;
  /** Each tag as `@name text`. */
  tags: string[];
}

/**
 * A language service over `source`, as the file `file` (which need not exist) with `options`;
 * `hover(at)` answers the quick info at an offset in `source`, and `errors()` its diagnostics.
 */
export function hoverService(file: string, source: string, options: ts.CompilerOptions) {
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [file],
    getScriptVersion: () => "1",
    getScriptSnapshot: (name) => {
      const text = name === file ? source : existsSync(name) ? readFileSync(name, "utf8") : undefined;
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => process.cwd(),
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (name) => name === file || ts.sys.fileExists(name),
    readFile: (name) => (name === file ? source : ts.sys.readFile(name)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  return {
    hover(at: number): Hover {
      const info = service.getQuickInfoAtPosition(file, at);
      return {
        shown: ts.displayPartsToString(info?.displayParts),
        text: ts.displayPartsToString(info?.documentation),
        tags: (info?.tags ?? []).map((tag) => `@${tag.name} ${ts.displayPartsToString(tag.text)}`),
      };
    },
    errors(): string[] {
      return [...service.getSyntacticDiagnostics(file), ...service.getSemanticDiagnostics(file)].map((d) =>
        ts.flattenDiagnosticMessageText(d.messageText, "\n"),
      );
    },
  };
}
