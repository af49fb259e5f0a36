/** What tests under Pulumi's mocks share: the resources a program registered. */

/** One resource registration, as the mocks' `newResource` saw it. */
export interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

/**
 * Resolves once `registered` holds `count` resources of `type`: registration is
 * asynchronous, and a resource that depends on outputs registers after them.
 */
export async function registrationsOf(
  registered: readonly Registered[],
  type: string,
  count: number,
): Promise<Registered[]> {
  for (let waited = 0; waited < 10_000; waited += 10) {
    const found = registered.filter((resource) => resource.type === type);
    if (found.length >= count) {
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${count} ${type} were not registered within 10 s`);
}
