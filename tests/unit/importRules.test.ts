/**
 * The two import rules of the tree (DEVELOPMENT.md): the package never imports the test
 * harness, and the emulator never imports the package (it is an independent model of AWS).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

function typeScriptFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? typeScriptFiles(full) : full.endsWith(".ts") ? [full] : [];
  });
}

/** Every file a module imports or requires by relative path, resolved from the repository root. */
function relativeImports(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  const specifiers = [
    ...source.matchAll(/(?:from|import|require)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g),
  ].map((match) => match[1] as string);
  return specifiers.map((specifier) =>
    path.relative(ROOT, path.resolve(path.dirname(file), specifier)),
  );
}

function violations(folder: string, forbidden: readonly string[]): string[] {
  return typeScriptFiles(path.join(ROOT, folder)).flatMap((file) =>
    relativeImports(file)
      .filter((target) => forbidden.some((prefix) => target.startsWith(prefix)))
      .map((target) => `${path.relative(ROOT, file)} imports ${target}`),
  );
}

describe("import rules", () => {
  it("the package (src/) imports nothing from the harness or the tests", () => {
    assert.deepEqual(violations("src", ["testing/", "tests/", "demo/", "bench/"]), []);
  });

  it("the emulator imports nothing from the package", () => {
    assert.deepEqual(violations("testing/emulator", ["src/"]), []);
    const bareImports = typeScriptFiles(path.join(ROOT, "testing/emulator")).filter((file) =>
      fs.readFileSync(file, "utf8").includes('"pulumi-cognito-log-delivery'),
    );
    assert.deepEqual(bareImports, []);
  });

  it("finds an import when there is one (the check can fail)", () => {
    assert.ok(relativeImports(path.join(ROOT, "src/provider.ts")).includes("src/core/readInputs"));
  });
});
