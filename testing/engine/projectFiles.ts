/**
 * A throw-away Pulumi project laid out as a user's: Pulumi.yaml, package.json, tsconfig,
 * and a node_modules with a link per package of this repository and to this package
 * itself, so that the engine's dynamic-provider process resolves
 * `pulumi-cognito-log-delivery/implementation` exactly as it would there.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "./engine";

const PACKAGE_NAME = "pulumi-cognito-log-delivery";

export function writeProjectFiles(directory: string, name: string): void {
  fs.writeFileSync(path.join(directory, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\n`);
  // A user's project: the language host reads these dependencies to decide which plugins
  // the program needs (with downloads off, @pulumi/aws must not make it fail).
  fs.writeFileSync(
    path.join(directory, "package.json"),
    JSON.stringify(
      {
        name,
        private: true,
        main: "index.ts",
        dependencies: { "@pulumi/pulumi": "*", "@pulumi/aws": "*", [PACKAGE_NAME]: "*" },
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(
    path.join(directory, "tsconfig.json"),
    JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          target: "ES2023",
          module: "commonjs",
          moduleResolution: "node10",
          esModuleInterop: true,
        },
      },
      null,
      2,
    ),
  );
}

/** node_modules with a link per package of this project, and this package itself. */
export function linkNodeModules(directory: string): void {
  const target = path.join(directory, "node_modules");
  fs.mkdirSync(target);
  const source = path.join(PROJECT_ROOT, "node_modules");
  for (const entry of fs.readdirSync(source)) {
    if (entry !== ".bin" && entry !== PACKAGE_NAME) {
      fs.symlinkSync(path.join(source, entry), path.join(target, entry), "dir");
    }
  }
  fs.symlinkSync(PROJECT_ROOT, path.join(target, PACKAGE_NAME), "dir");
}
