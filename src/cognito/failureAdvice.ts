/**
 * What a failed Cognito call means for the user: the details of an `AwsCallError`, with
 * advice specific to the error, the operation and the destinations involved.
 */
import {
  failureFacts,
  isAccessDenied,
  isNetworkFailure,
  sdkErrorShape,
  sharedFailureAdvice,
} from "../aws/sdkErrors";
import { destinationOf } from "../core/canonical";
import { DESTINATIONS } from "../core/destinations";
import type { AwsCallContext, AwsFailureDetails } from "../errors";
import type { LogConfiguration } from "../types";

/** IAM actions a deployer needs whatever the destinations (README "IAM policy"). */
const DEPLOYER_IAM_ACTIONS = [
  "cognito-idp:SetLogDeliveryConfiguration",
  "cognito-idp:GetLogDeliveryConfiguration",
];

/** IAM actions `discover` needs. */
const DISCOVER_IAM_ACTIONS = [
  "cognito-idp:ListUserPools",
  "cognito-idp:GetLogDeliveryConfiguration",
];

/** The IAM actions a deployer of this configuration needs, without repeats. */
export function iamActionsFor(list: readonly LogConfiguration[]): string[] {
  const actions = new Set<string>(DEPLOYER_IAM_ACTIONS);
  for (const entry of list) {
    const destination = destinationOf(entry);
    for (const action of destination ? DESTINATIONS[destination.property].iamActions : []) {
      actions.add(action);
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
  const sdkError = sdkErrorShape(error);
  const base = failureFacts(sdkError);
  const shared = sharedFailureAdvice(
    sdkError,
    facts.endpoint ?? `the Cognito endpoint of ${context.region}`,
  );
  if (shared !== undefined) {
    // A Set cut off on its way back may have been applied all the same.
    const cutOff = isNetworkFailure(sdkError)
      ? " A Set that was cut off may have been applied; `pulumi refresh` shows what is on the pool."
      : "";
    return { ...base, advice: shared + cutOff };
  }
  if (isAccessDenied(sdkError)) {
    const actions =
      context.operation === "ListUserPools"
        ? DISCOVER_IAM_ACTIONS
        : iamActionsFor(facts.configuration);
    return {
      ...base,
      advice: `The identity in use (${facts.identity}) is not allowed to do this. Grant it these IAM actions: ${actions.join(", ")}.`,
    };
  }
  return { ...base, advice: adviceFor(sdkError.name, context, facts) };
}

function adviceFor(name: string, context: AwsCallContext, facts: FailureFacts): string {
  switch (name) {
    case "ResourceNotFoundException":
      return `No user pool ${context.userPoolId} was found in region ${context.region} of ${facts.identity}. Check the pool ID, the region, and that the credentials are for the account that owns the pool.`;
    case "FeatureUnavailableInTierException":
      return 'userAuthEvents needs the Plus feature plan (UserPoolTier PLUS) with threat protection in audit-only or full-function mode: on the aws.cognito.UserPool set userPoolTier: "PLUS" and userPoolAddOns: { advancedSecurityMode: "AUDIT" } (or "ENFORCED"), or remove the userAuthEvents entry.';
    case "InvalidParameterException":
      return "AWS rejected the configuration for a reason that cannot be checked before calling it. Common causes: the destination does not exist or is in another account; the log group is encrypted with KMS (Cognito cannot write to it); the log group's resource policy would exceed 5120 characters (use a log group whose name starts with /aws/vendedlogs/).";
    case "TooManyRequestsException":
      return "Cognito kept throttling the calls after the SDK's retries: run `pulumi up` again (nothing is half-applied), lower the parallelism (`pulumi up --parallel 4`), or raise AWS_MAX_ATTEMPTS.";
    case "InternalErrorException":
      return "Cognito had an internal error after the SDK's retries: run the command again; if it persists, check the AWS Health Dashboard for Cognito in this region.";
    default:
      return "See the AWS message above; run the command again once the cause is fixed.";
  }
}
