import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse, visit, type ASTNode, type FragmentDefinitionNode } from "graphql";
import { OPERATIONS_DIR } from "../../platform/src/paths";

/** One example of operations/: its text, sample variables, and the role whose key it needs (none: anyone). */
export interface ExampleOperation {
  name: string;
  file: string;
  query: string;
  variables: Record<string, unknown>;
  role?: string;
  /**
   * The error code the sample answers with when it cannot succeed as loaded (e.g. NOT_FOUND:
   * deciding a correction needs the id of a real one); the test checks it. None: it succeeds.
   */
  expect?: string;
}

/** The fragments an operation spreads, directly or through other fragments, in first-use order. */
function fragmentsUsed(node: ASTNode, fragments: Map<string, FragmentDefinitionNode>, found = new Map<string, FragmentDefinitionNode>()): FragmentDefinitionNode[] {
  visit(node, {
    FragmentSpread(spread) {
      const fragment = fragments.get(spread.name.value);
      if (!fragment || found.has(fragment.name.value)) return;
      found.set(fragment.name.value, fragment);
      fragmentsUsed(fragment, fragments, found);
    },
  });
  return [...found.values()];
}

/**
 * Every operation of operations/*.graphql, one by one, with the sample variables of
 * operations/examples.json. An operation without sample variables there is an error at
 * start: the playground must never offer an example that fails on Run for lack of them.
 */
export function exampleOperations(dir = OPERATIONS_DIR): ExampleOperation[] {
  const samples = JSON.parse(readFileSync(join(dir, "examples.json"), "utf8")) as Record<string, { variables: Record<string, unknown>; role?: string; expect?: string }>;
  const examples: ExampleOperation[] = [];
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith(".graphql"))
    .sort()) {
    const source = readFileSync(join(dir, file), "utf8");
    const document = parse(source);
    const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
    let from = 0; // each operation keeps the comments above it
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION && definition.loc) from = definition.loc.end; // added to the operations that use it
      if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name || !definition.loc) continue;
      const name = definition.name.value;
      const sample = samples[name];
      if (!sample) throw new Error(`operations/examples.json has no sample variables for ${name} (operations/${file})`);
      // An operation runs alone in its tab: the fragments it spreads go with it.
      const text = [source.slice(from, definition.loc.end).trim(), ...fragmentsUsed(definition, fragments).map((f) => source.slice(f.loc?.start ?? 0, f.loc?.end ?? 0))].join("\n\n");
      examples.push({ name, file, query: `# operations/${file}\n${text}\n`, variables: sample.variables, role: sample.role, ...(sample.expect && { expect: sample.expect }) });
      from = definition.loc.end;
    }
  }
  return examples;
}

/**
 * What the headers editor shows: how to send an API key, commented out so that an example
 * runs as loaded (GraphiQL reads headers as JSON with comments).
 */
export function headersHint(role?: string): string {
  const line = role ? `// This example needs a ${role} key: remove the // below, paste it.` : "// With an API key: remove the // below, paste yours.";
  return `{\n  ${line}\n  // "Authorization": "Bearer enl_<id>_<secret>"\n}\n`;
}
