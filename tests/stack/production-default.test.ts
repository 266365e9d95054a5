import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnStack } from "../helpers/spawn-stack";

describe("npm start runs in production mode by default", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "enlace-env-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("sets NODE_ENV=production when unset, and the playground still gets the schema", async () => {
    const stack = await spawnStack({ DATA_DIR: dataDir, LOG_LEVEL: "warn", NODE_ENV: undefined });
    try {
      expect(stack.output()).toContain("Enlace (NODE_ENV=production)");
      const response = await fetch(stack.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __schema { queryType { name } } }" }) });
      expect(await response.json()).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
    } finally {
      stack.child.kill("SIGTERM");
      await stack.exited;
    }
  });
});
