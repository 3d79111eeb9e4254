import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';

/*
 * Workflow code is replayed inside Temporal's deterministic sandbox. The rule:
 * a file in src/workflows may import *values* only from @temporalio/workflow
 * and from sibling workflow files (`./x.js`); anything else (Node builtins,
 * activities, the database, other packages) only with `import type`.
 */

export interface Impurity {
  file: string;
  line: number;
  specifier: string;
  why: string;
}

const VALUE_IMPORTS_ALLOWED = new Set(['@temporalio/workflow']);
const SIBLING = /^\.\/[\w.-]+\.js$/;

function valueImportAllowed(specifier: string): boolean {
  return VALUE_IMPORTS_ALLOWED.has(specifier) || SIBLING.test(specifier);
}

function whyNot(specifier: string): string {
  if (isBuiltin(specifier)) return 'Node builtin in workflow code';
  return 'value import from outside @temporalio/workflow and sibling workflow files (use `import type`)';
}

/** Violations in one workflow source file. */
export function checkWorkflowSource(file: string, source: string): Impurity[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Impurity[] = [];
  const report = (node: ts.Node, specifier: string, why: string) =>
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, specifier, why });

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      // `import type {...}`, or `import { type A, type B }` with no default import.
      const typeOnly = !!clause && (clause.isTypeOnly ||
        (!clause.name && !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly)));
      const specifier = node.moduleSpecifier.text;
      if (!typeOnly && !valueImportAllowed(specifier)) report(node, specifier, whyNot(specifier));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause;
      const typeOnly = node.isTypeOnly || (!!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly));
      const specifier = node.moduleSpecifier.text;
      if (!typeOnly && !valueImportAllowed(specifier)) report(node, specifier, whyNot(specifier));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expr = node.moduleReference.expression;
      report(node, ts.isStringLiteral(expr) ? expr.text : '?', '`import = require()` in workflow code');
    } else if (ts.isCallExpression(node)) {
      const arg = node.arguments[0];
      const specifier = arg && ts.isStringLiteral(arg) ? arg.text : '?';
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) report(node, specifier, 'dynamic import() in workflow code');
      if (ts.isIdentifier(node.expression) && node.expression.text === 'require') report(node, specifier, 'require() in workflow code');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Violations in every .ts file under `dir` (src/workflows). */
export function checkWorkflowsDir(dir: string): Impurity[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  return files.flatMap((f) => checkWorkflowSource(relative(process.cwd(), join(dir, f)), readFileSync(join(dir, f), 'utf8')));
}
