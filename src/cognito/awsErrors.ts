/**
 * What an AWS error means for the user, classified by `error.name` and `$metadata`
 * (never by message text, as the AWS SDK itself does), with the advice that goes
 * into the message of an `AwsCallError`.
 */
import type { AwsCallContext, AwsFailureDetails } from "../errors";
import type { LogConfiguration } from "../types";

/** The parts of an AWS SDK v3 error we rely on. */
interface SdkErrorShape {
  name?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
}

function asSdkError(error: unknown): SdkErrorShape {
  return typeof error === "object" && error !== null ? (error as SdkErrorShape) : {};
}

/** IAM refused the call. Cognito answers IAM denials as AccessDeniedException. */
function isAccessDenied(name: string): boolean {
  return name === "AccessDeniedException" || name === "NotAuthorizedException";
}

/** No HTTP answer came back: DNS, connection refused, reset, timeout. */
function isNetworkFailure(error: SdkErrorShape): boolean {
  return error.$metadata?.httpStatusCode === undefined && error.name !== "CredentialsProviderError";
}

/** IAM actions a deployer needs, per destination (README "IAM policy"). */
export const IAM_ACTIONS = {
  always: ["cognito-idp:SetLogDeliveryConfiguration", "cognito-idp:GetLogDeliveryConfiguration"],
  cloudWatchLogsConfiguration: [
    "logs:CreateLogDelivery",
    "logs:GetLogDelivery",
    "logs:UpdateLogDelivery",
    "logs:DeleteLogDelivery",
    "logs:ListLogDeliveries",
    "logs:PutResourcePolicy",
    "logs:DescribeResourcePolicies",
    "logs:DescribeLogGroups",
  ],
  s3Configuration: ["logs:CreateLogDelivery", "s3:PutBucketPolicy", "s3:GetBucketPolicy"],
  firehoseConfiguration: [
    "logs:CreateLogDelivery",
    "iam:CreateServiceLinkedRole",
    "firehose:TagDeliveryStream",
  ],
} as const;

/** The IAM actions a request touching these destinations needs, without repeats. */
export function iamActionsFor(list: readonly LogConfiguration[]): string[] {
  const actions = new Set<string>(IAM_ACTIONS.always);
  for (const entry of list) {
    for (const property of [
      "cloudWatchLogsConfiguration",
      "s3Configuration",
      "firehoseConfiguration",
    ] as const) {
      if (entry[property]) {
        IAM_ACTIONS[property].forEach((action) => actions.add(action));
      }
    }
  }
  return [...actions];
}

/** Facts gathered after the failure to make the advice specific. */
export interface FailureFacts {
  /** The configuration that was being sent (Set) or is declared (Get). */
  configuration: readonly LogConfiguration[];
  /** The account of the credentials, or how to name the identity when unknown. */
  identity: string;
  /** The endpoint the client used, when it was overridden (emulator, VPC endpoint). */
  endpoint?: string;
}

/** Turns an AWS SDK error into the details of an `AwsCallError`. */
export function describeAwsFailure(
  error: unknown,
  context: AwsCallContext,
  facts: FailureFacts,
): AwsFailureDetails {
  const sdkError = asSdkError(error);
  const name = typeof sdkError.name === "string" ? sdkError.name : "Error";
  const awsMessage =
    typeof sdkError.message === "string" && sdkError.message ? sdkError.message : "(no message)";
  const base = {
    awsMessage,
    requestId: sdkError.$metadata?.requestId,
    httpStatusCode: sdkError.$metadata?.httpStatusCode,
    attempts: sdkError.$metadata?.attempts,
  };
  if (name === "CredentialsProviderError") {
    return {
      ...base,
      awsErrorName: name,
      advice:
        "No AWS credentials were found: set AWS_PROFILE (or run `aws sso login`), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, in the environment that runs Pulumi.",
    };
  }
  if (isNetworkFailure(sdkError)) {
    const where = facts.endpoint ?? `the Cognito endpoint of ${context.region}`;
    return {
      ...base,
      awsErrorName: name === "Error" ? "NetworkingError" : name,
      advice: `No answer came from ${where}: check the network, proxy and AWS_ENDPOINT_URL settings, then run the command again. A Set that was cut off may have been applied; \`pulumi refresh\` shows what is on the pool.`,
    };
  }
  return { ...base, awsErrorName: name, advice: adviceFor(name, context, facts) };
}

function adviceFor(name: string, context: AwsCallContext, facts: FailureFacts): string {
  if (name === "ResourceNotFoundException") {
    return `No user pool ${context.userPoolId} was found in region ${context.region} of ${facts.identity}. Check the pool ID, the region, and that the credentials are for the account that owns the pool.`;
  }
  if (name === "FeatureUnavailableInTierException") {
    return 'userAuthEvents needs the Plus feature plan (UserPoolTier PLUS) with threat protection in audit-only or full-function mode: on the aws.cognito.UserPool set userPoolTier: "PLUS" and userPoolAddOns: { advancedSecurityMode: "AUDIT" } (or "ENFORCED"), or remove the userAuthEvents entry.';
  }
  if (isAccessDenied(name)) {
    const actions =
      context.operation === "ListUserPools"
        ? ["cognito-idp:ListUserPools", "cognito-idp:GetLogDeliveryConfiguration"]
        : iamActionsFor(facts.configuration);
    return `The identity in use (${facts.identity}) is not allowed to do this. Grant it these IAM actions: ${actions.join(", ")}.`;
  }
  if (name === "InvalidParameterException") {
    return "AWS rejected the configuration for a reason that cannot be checked before calling it. Common causes: the destination does not exist or is in another account; the log group is encrypted with KMS (Cognito cannot write to it); the log group's resource policy would exceed 5120 characters (use a log group whose name starts with /aws/vendedlogs/).";
  }
  if (name === "TooManyRequestsException") {
    return "Cognito kept throttling the calls after the SDK's retries: run `pulumi up` again (nothing is half-applied), lower the parallelism (`pulumi up --parallel 4`), or raise AWS_MAX_ATTEMPTS.";
  }
  if (name === "InternalErrorException") {
    return "Cognito had an internal error after the SDK's retries: run the command again; if it persists, check the AWS Health Dashboard for Cognito in this region.";
  }
  return "See the AWS message above; run the command again once the cause is fixed.";
}
