import * as assert from "node:assert/strict";
import { describeAwsFailure, iamActionsFor } from "../../../src/cognito/failureAdvice";
import { AwsCallError } from "../../../src/errors";
import type { AwsCallContext } from "../../../src/errors";
import {
  BUCKET_ARN,
  POOL_ID,
  authEventsToStream,
  notificationsToLogGroup,
} from "../../../testing/fixtures/arns";

const SET: AwsCallContext = {
  operation: "SetLogDeliveryConfiguration",
  userPoolId: POOL_ID,
  region: "us-east-1",
};
const FACTS = {
  configuration: [notificationsToLogGroup, authEventsToStream],
  identity: "account 123456789012",
};

/** An error shaped as the AWS SDK v3 throws it. */
function sdkError(name: string, message: string, httpStatusCode?: number): Error {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode, requestId: "req-1", attempts: httpStatusCode ? 3 : 1 },
  });
}

function messageFor(error: Error): string {
  return new AwsCallError(SET, describeAwsFailure(error, SET, FACTS)).message;
}

describe("AWS errors become messages that stand alone", () => {
  it("FeatureUnavailableInTierException says how to get the Plus feature plan", () => {
    assert.equal(
      messageFor(
        sdkError(
          "FeatureUnavailableInTierException",
          "Feature is not available in the current tier",
          400,
        ),
      ),
      "SetLogDeliveryConfiguration failed for user pool us-east-1_AbCdEf123 in us-east-1: FeatureUnavailableInTierException: " +
        "Feature is not available in the current tier, request ID req-1, after 3 attempts. userAuthEvents needs the Plus feature plan " +
        '(UserPoolTier PLUS) with threat protection in audit-only or full-function mode: on the aws.cognito.UserPool set userPoolTier: "PLUS" ' +
        'and userPoolAddOns: { advancedSecurityMode: "AUDIT" } (or "ENFORCED"), or remove the userAuthEvents entry.',
    );
  });

  it("access denied lists the IAM actions the destinations need", () => {
    assert.match(
      messageFor(sdkError("AccessDeniedException", "User is not authorized", 400)),
      /The identity in use \(account 123456789012\) is not allowed to do this\. Grant it these IAM actions: cognito-idp:SetLogDeliveryConfiguration, cognito-idp:GetLogDeliveryConfiguration, logs:CreateLogDelivery, .*firehose:TagDeliveryStream\.$/,
    );
  });

  it("a missing pool names the pool, region and account asked", () => {
    assert.match(
      messageFor(
        sdkError("ResourceNotFoundException", "User pool us-east-1_AbCdEf123 does not exist.", 400),
      ),
      /No user pool us-east-1_AbCdEf123 was found in region us-east-1 of account 123456789012\./,
    );
  });

  it("throttling after retries says nothing is half-applied and how to slow down", () => {
    assert.match(
      messageFor(sdkError("TooManyRequestsException", "Rate exceeded", 400)),
      /after 3 attempts\. Cognito kept throttling.*--parallel 4/,
    );
  });

  it("a connection failure names the endpoint and says a Set may have been applied", () => {
    const details = describeAwsFailure(sdkError("Error", "connect ECONNREFUSED 127.0.0.1:1"), SET, {
      ...FACTS,
      endpoint: "http://127.0.0.1:1",
    });
    assert.equal(details.awsErrorName, "NetworkingError");
    assert.match(
      details.advice,
      /^No answer came from http:\/\/127\.0\.0\.1:1: .* `pulumi refresh` shows what is on the pool\.$/,
    );
  });

  it("missing credentials say where to set them", () => {
    const details = describeAwsFailure(
      sdkError("CredentialsProviderError", "Could not load credentials from any providers"),
      SET,
      FACTS,
    );
    assert.match(details.advice, /^No AWS credentials were found: set AWS_PROFILE/);
  });

  it("AwsCallError keeps the AWS error name and request id, and is recognised across copies", () => {
    const error = new AwsCallError(
      SET,
      describeAwsFailure(sdkError("InternalErrorException", "boom", 500), SET, FACTS),
    );
    assert.equal(error.awsErrorName, "InternalErrorException");
    assert.equal(error.requestId, "req-1");
    assert.equal(error.httpStatusCode, 500);
    assert.ok(AwsCallError.isInstance(error));
    assert.ok(!AwsCallError.isInstance(new Error("other")));
  });
});

describe("iamActionsFor", () => {
  it("lists each action once, for S3", () => {
    assert.deepEqual(
      iamActionsFor([
        {
          eventSource: "userAuthEvents",
          logLevel: "INFO",
          s3Configuration: { bucketArn: BUCKET_ARN },
        },
      ]),
      [
        "cognito-idp:SetLogDeliveryConfiguration",
        "cognito-idp:GetLogDeliveryConfiguration",
        "logs:CreateLogDelivery",
        "s3:PutBucketPolicy",
        "s3:GetBucketPolicy",
      ],
    );
  });
});
