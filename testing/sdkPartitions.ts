/**
 * The partition data of the installed AWS SDK (its `partitions.json`), for tests that
 * check every region and partition the SDK knows. The SDK exposes only `partition()`,
 * not the data, so this reads the object literal out of the bundle that carries it; if
 * the SDK moves it, this throws and says where it looked.
 */
import * as fs from "node:fs";

export interface SdkPartition {
  id: string;
  outputs: { name: string };
  regionRegex: string;
  regions: Record<string, { description?: string } | undefined>;
}

export function sdkPartitions(): SdkPartition[] {
  const bundle = require.resolve("@aws-sdk/core/client");
  const text = fs.readFileSync(bundle, "utf8");
  const start = text.indexOf("const partitionsInfo = {");
  const end = text.indexOf("\n};", start);
  if (start < 0 || end < 0) {
    throw new Error(`no partitionsInfo object literal found in ${bundle}`);
  }
  const literal = text.slice(start + "const partitionsInfo = ".length, end + 2);
  return (JSON.parse(literal) as { partitions: SdkPartition[] }).partitions;
}
