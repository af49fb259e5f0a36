/**
 * The partition a region belongs to (`cn-north-1` → `aws-cn`), as AWS assigns them: taken
 * from the AWS SDK's partition data, the public record of AWS's partitions and regions.
 * ARNs name it (`arn:<partition>:…`), and a pool delivers only within its own partition.
 */
import { partition } from "@aws-sdk/core/client";

export function partitionOfRegion(region: string): string {
  return partition(region).name;
}
