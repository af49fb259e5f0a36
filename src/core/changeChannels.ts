/**
 * How a change reached AWS (`via`), told from what CloudTrail recorded of the caller:
 * `userAgent` and, for calls an AWS service made on someone's behalf, `userIdentity.invokedBy`.
 * One row per channel, tried in order; a new channel is one row. The agents each tool sends
 * are not documented by AWS for these calls (AUDIT-AND-INVENTORY-FACTS, "unconfirmed"), so
 * the patterns are loose and anything unrecognised is `other`, with the raw agent kept.
 */

/** The channels `lastOutsideChange.via` and `history` report. */
export type ChangeChannel =
  "console" | "aws-cli" | "cloudformation" | "terraform" | "sdk" | "other";

/** What a record says about its caller. */
export interface CallerFacts {
  userAgent: string;
  invokedBy: string;
}

interface ChannelRow {
  channel: Exclude<ChangeChannel, "other">;
  matches(caller: CallerFacts): boolean;
}

/**
 * The table, most specific first: CloudFormation and Terraform call through SDKs whose
 * agents also name the SDK, so they come before `sdk`.
 */
export const CHANGE_CHANNELS: readonly ChannelRow[] = [
  {
    // CloudFormation names itself as the caller (`invokedBy`) and as the agent.
    channel: "cloudformation",
    matches: ({ userAgent, invokedBy }) =>
      invokedBy === "cloudformation.amazonaws.com" ||
      /cloudformation\.amazonaws\.com/i.test(userAgent),
  },
  {
    // terraform-provider-aws: `APN/1.0 HashiCorp/1.0 Terraform/1.9.5 (+https://www.terraform.io) terraform-provider-aws/5.x …`
    channel: "terraform",
    matches: ({ userAgent }) =>
      /\bTerraform\/|\bHashiCorp\/|terraform-provider-aws/i.test(userAgent),
  },
  {
    // AWS CLI v1 and v2: `aws-cli/2.22.35 md/awscrt#…`
    channel: "aws-cli",
    matches: ({ userAgent }) => /^aws-cli\//i.test(userAgent),
  },
  {
    // The console calls through AWS's own front ends, or from the browser.
    channel: "console",
    matches: ({ userAgent, invokedBy }) =>
      /console\.amazonaws\.com|signin\.amazonaws\.com|^AWS Internal\b|^Mozilla\//i.test(
        userAgent,
      ) || /console\.amazonaws\.com/i.test(invokedBy),
  },
  {
    // The SDKs of every language (JavaScript v2 and v3, Python, Java, Go, .NET, Ruby, …),
    // which is also how Pulumi's own AWS provider and this package call.
    channel: "sdk",
    matches: ({ userAgent }) =>
      /\baws-sdk-|\bBoto3\/|\bbotocore\/|\baws-sdk-java|\baws-sdk-go|\bAWSPowerShell|\baws-sdk-dotnet|\baws-sdk-ruby/i.test(
        userAgent,
      ),
  },
];

/** The channel of a caller: the first row that matches, else `other`. */
export function changeChannelOf(caller: CallerFacts): ChangeChannel {
  return CHANGE_CHANNELS.find((row) => row.matches(caller))?.channel ?? "other";
}
