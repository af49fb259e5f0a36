/**
 * One emulator and one engine for the end-to-end suite, and a fresh Pulumi project per
 * test. The engine and the providers it starts reach the emulator through the standard
 * AWS environment, as a user's would reach AWS.
 */
import { ensureEngine } from "../../testing/engine/engine";
import { PulumiWorkspace } from "../../testing/engine/pulumiWorkspace";
import type { DeliveryDeclaration } from "../../testing/engine/programs";
import { deliveryProgram } from "../../testing/engine/programs";
import { useEmulator } from "../../testing/emulatorSession";
import type { EmulatorSession } from "../../testing/emulatorSession";

/** Keys of their own, so that a test can show they never reach the state. */
export const E2E_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: "AKIAE2EEMULATOR00001",
  AWS_SECRET_ACCESS_KEY: "e2e-secret-key-that-must-not-reach-state",
};

export interface E2eEnvironment {
  aws: EmulatorSession;
  /** A new project with one stack (`dev`), running the given resources. */
  workspace(
    declarations: readonly DeliveryDeclaration[],
    prelude?: string,
    options?: { project?: string },
  ): Promise<PulumiWorkspace>;
}

/** Registers the hooks of an end-to-end suite. */
export function useEngine(): E2eEnvironment {
  const aws = useEmulator();
  const workspaces: PulumiWorkspace[] = [];
  let engineBin = "";

  before(function () {
    this.timeout(60 * 60 * 1000); // a cold engine build takes minutes; warm, about a second
    engineBin = ensureEngine();
  });

  afterEach(() => {
    for (const workspace of workspaces.splice(0)) {
      workspace.dispose();
    }
  });

  return {
    aws,
    async workspace(declarations, prelude, options) {
      const workspace = await PulumiWorkspace.create({
        name: options?.project,
        program: deliveryProgram(declarations, prelude),
        engineBin,
        environment: { ...aws.environment, ...E2E_CREDENTIALS },
      });
      workspaces.push(workspace);
      return workspace;
    },
  };
}
