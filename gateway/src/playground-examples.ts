import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse } from "graphql";
import { OPERATIONS_DIR } from "./paths";

/** One example of operations/: its text, sample variables, and the role whose key it needs (none: anyone). */
export interface ExampleOperation {
  name: string;
  file: string;
  query: string;
  variables: Record<string, unknown>;
  role?: string;
}

/**
 * Every operation of operations/*.graphql, one by one, with the sample variables of
 * operations/examples.json. An operation without sample variables there is an error at
 * start: the playground must never offer an example that fails on Run for lack of them.
 */
export function exampleOperations(dir = OPERATIONS_DIR): ExampleOperation[] {
  const samples = JSON.parse(readFileSync(join(dir, "examples.json"), "utf8")) as Record<string, { variables: Record<string, unknown>; role?: string }>;
  const examples: ExampleOperation[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".graphql")).sort()) {
    const source = readFileSync(join(dir, file), "utf8");
    let from = 0; // each operation keeps the comments above it
    for (const definition of parse(source).definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name || !definition.loc) continue;
      const name = definition.name.value;
      const sample = samples[name];
      if (!sample) throw new Error(`operations/examples.json has no sample variables for ${name} (operations/${file})`);
      examples.push({ name, file, query: `# operations/${file}\n${source.slice(from, definition.loc.end).trim()}\n`, variables: sample.variables, role: sample.role });
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
