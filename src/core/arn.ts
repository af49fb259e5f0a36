/** ARN parsing: `arn:<partition>:<service>:<region>:<account>:<resource>`. */

/** The segments of an ARN. */
export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Splits an ARN into its segments, or returns undefined when it is not an ARN at all. */
export function parseArn(text: string): ParsedArn | undefined {
  const parts = text.split(":");
  if (parts.length < 6 || parts[0] !== "arn") {
    return undefined;
  }
  const [, partition, service, region, account, ...resource] = parts as [
    string,
    string,
    string,
    string,
    string,
    ...string[],
  ];
  return { partition, service, region, account, resource: resource.join(":") };
}
