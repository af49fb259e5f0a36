import * as assert from "node:assert/strict";
import { AwsCallError } from "../../../src/errors";
import { describeIvsChatFailure } from "../../../src/ivschat/failureAdvice";
import { chatDestinationOf } from "../../../src/ivschat/loggingConfigurations";

/** An error shaped as the AWS SDK v3 throws it. */
function sdkError(name: string, message: string, httpStatusCode?: number): Error {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode, requestId: "req-1", attempts: httpStatusCode ? 8 : 1 },
  });
}

function messageFor(error: Error, endpoint?: string): string {
  return new AwsCallError(
    { operation: "ListLoggingConfigurations", region: "eu-west-3" },
    describeIvsChatFailure(error, "eu-west-3", endpoint),
  ).message;
}

describe("IVS Chat failures become messages that say what to do", () => {
  it("access denied names the IAM action, and how to leave IVS Chat out", () => {
    assert.equal(
      messageFor(sdkError("AccessDeniedException", "User: x is not authorized", 403)),
      'ListLoggingConfigurations failed in eu-west-3: AccessDeniedException: User: x is not authorized, request ID req-1, after 8 attempts. The identity in use may not list IVS Chat logging configurations: grant it the IAM action ivschat:ListLoggingConfigurations on "*", or leave IVS Chat out with --service cognito.',
    );
  });

  it("no answer from AWS's endpoint says IVS Chat may not be offered in the region", () => {
    assert.match(
      messageFor(sdkError("Error", "getaddrinfo ENOTFOUND ivschat.eu-west-3.amazonaws.com")),
      /No answer came from the IVS Chat endpoint of eu-west-3: .* if eu-west-3 has none, list it with --service cognito\.$/,
    );
    assert.doesNotMatch(
      messageFor(sdkError("Error", "connect ECONNREFUSED"), "http://127.0.0.1:4599"),
      /--service cognito/,
    );
  });

  it("throttling beyond the retries says how to slow down", () => {
    assert.match(
      messageFor(sdkError("ThrottlingException", "Rate exceeded", 429)),
      /lower COGNITO_LOG_DELIVERY_IVSCHAT_READS_PER_SECOND\.$/,
    );
  });
});

describe("IVS Chat destinations as destination kinds", () => {
  it("reads each member of the union, and nothing from an unknown one", () => {
    assert.deepEqual(chatDestinationOf({ s3: { bucketName: "b" } }), {
      property: "s3Configuration",
      name: "b",
    });
    assert.deepEqual(chatDestinationOf({ cloudWatchLogs: { logGroupName: "/g" } }), {
      property: "cloudWatchLogsConfiguration",
      name: "/g",
    });
    assert.deepEqual(chatDestinationOf({ firehose: { deliveryStreamName: "s" } }), {
      property: "firehoseConfiguration",
      name: "s",
    });
    assert.equal(chatDestinationOf({ $unknown: ["kafka", {}] } as never), undefined);
    assert.equal(chatDestinationOf(undefined), undefined);
  });
});
