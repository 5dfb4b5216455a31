/**
 * The titles of the tests a test file declares (`it('…')`, `test('…')`, `it.each(…)('…')`, also with `.skip`,
 * `.only`, `.concurrent`), read from its syntax tree: a check that names a test is held to a real test, not to
 * any text of the file (a comment or a string inside a test would otherwise do).
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const TEST_FUNCTIONS = new Set(['it', 'test']);

/** The name at the root of a callee: `it` for `it`, `it.skip`, `it.each([…])`. */
function rootName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return rootName(expression.expression);
  if (ts.isCallExpression(expression)) return rootName(expression.expression);
  return undefined;
}

/**
 * The text of every test title in `file`: a plain title whole; a title built with `${…}` as its literal pieces
 * (what it says whatever is substituted), e.g. `%s has no violations (${scheme})` → ['%s has no violations (', ')'].
 */
export function testNames(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && TEST_FUNCTIONS.has(rootName(node.expression) ?? '')) {
      const title = node.arguments[0];
      // `it.each(table)` is itself a call to `it…`; only the call that receives the title has one.
      if (title && (ts.isStringLiteral(title) || ts.isNoSubstitutionTemplateLiteral(title))) names.push(title.text);
      else if (title && ts.isTemplateExpression(title)) names.push(title.head.text, ...title.templateSpans.map((s) => s.literal.text));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}
