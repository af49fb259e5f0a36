/**
 * Regions, partitions, and the one rule that decides which region a user pool is in.
 *
 * Partitions come from the AWS SDK's own partition data (`partition()` of
 * `@aws-sdk/core/client`, the `partitions.json` every SDK v3 client resolves endpoints
 * with), so every partition and region the installed SDK knows is accepted here, and a new
 * one arrives with an SDK upgrade. A hand-written table rejected pools in partitions it did
 * not list (the AWS European Sovereign Cloud's `eusc-de-east-1`, for one).
 */
import type * as sdkClientCore from "@aws-sdk/core/client";

/**
 * The form every region name of the SDK's partition data has (each partition's
 * `regionRegex` is `^<prefixes>\-\w+\-\d+$`): lower-case words joined by `-`, ending in a
 * number. Which partition, and so which ARNs, a region takes is the SDK's to say.
 */
const REGION_NAME = /^[a-z]+(-[a-z]+)+-\d+$/;

/** True when `text` is a region name such as `us-east-1` or `eusc-de-east-1`. */
export function isRegionName(text: string): boolean {
  return REGION_NAME.test(text);
}

let sdkPartition: typeof sdkClientCore.partition | undefined;
/** `partition()` scans every region of every partition; a stack asks about few regions. */
const partitionByRegion = new Map<string, string>();

/** The partition of a region (`cn-north-1` → `aws-cn`), from the SDK's partition data. */
export function partitionOfRegion(region: string): string {
  let name = partitionByRegion.get(region);
  if (name === undefined) {
    // Loaded on first use (a dozen small modules, ~60 ms): a program that only declares
    // resources never needs it, and `check` needs it only for destination ARNs.
    sdkPartition ??= (require("@aws-sdk/core/client") as typeof sdkClientCore).partition;
    name = sdkPartition(region).name;
    partitionByRegion.set(region, name);
  }
  return name;
}

/** The region prefix of a user pool ID (`us-east-1_AbC123` → `us-east-1`), when it names one. */
export function regionOfUserPoolId(userPoolId: string): string | undefined {
  const separator = userPoolId.lastIndexOf("_");
  const prefix = separator > 0 ? userPoolId.slice(0, separator) : "";
  return isRegionName(prefix) ? prefix : undefined;
}

/**
 * The region a pool is addressed in: the one given, else the one its ID starts with.
 * Used for declared inputs (after `check` accepted them) and for stored state, which
 * stacks written before `region` was an output may lack.
 */
export function poolRegion(userPoolId: string, region: string | undefined): string {
  return region ?? regionOfUserPoolId(userPoolId) ?? "";
}
