/**
 * The serialised provider exactly as `pulumi.dynamic.Resource` stores it in state: the
 * import file's entries must carry it, or the engine's provider process could not run
 * the adopted resources.
 */
import { serializedProvider } from "../serializedProvider";

export async function serializedProviderText(): Promise<string> {
  const pulumi = await import("@pulumi/pulumi");
  // Named `provider`, as in pulumi.dynamic.Resource, so that the text is the same.
  const provider = serializedProvider;
  return (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
}
