/** Where a bundle uses a global by its bare name (`process.env`), as opposed to a property (`globalThis.process`). */
import ts from "typescript";

/**
 * The places in `code` where `name` is read as a free identifier: what makes a bundler (webpack 4,
 * browserify, some plugins) add a stand-in module for a Node global. Property names, object keys
 * and declarations of a local with that name do not count.
 */
export function freeUses(code: string, name: string): string[] {
  const file = ts.createSourceFile("bundle.js", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const uses: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === name) {
      const parent = node.parent;
      const asName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        ((ts.isPropertyAssignment(parent) ||
          ts.isMethodDeclaration(parent) ||
          ts.isPropertyDeclaration(parent)) &&
          parent.name === node) ||
        ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent)) &&
          parent.name === node);
      if (!asName) uses.push(parent.getText(file).slice(0, 80));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return uses;
}
