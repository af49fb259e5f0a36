/** The API model's member constraints, reported in one message the way AWS reports them. */
import assert from "node:assert/strict";
import { ConstraintViolations } from "../../../testing/emulator/constraints";
import { CognitoServiceError } from "../../../testing/emulator/errors";

/** The message of the InvalidParameterException `check` makes `violations` throw, if any. */
function reported(check: (violations: ConstraintViolations) => void): string | undefined {
  const violations = new ConstraintViolations();
  check(violations);
  try {
    violations.throwIfAny();
  } catch (error) {
    assert.ok(error instanceof CognitoServiceError);
    assert.equal(error.errorType, "InvalidParameterException");
    assert.equal(error.httpStatus, 400);
    return error.message;
  }
  return undefined;
}

describe("Cognito emulator constraint violations", () => {
  const cases: {
    title: string;
    check: (violations: ConstraintViolations) => void;
    message: string | undefined;
  }[] = [
    {
      title: "reports nothing when every member satisfies its constraints",
      check: (violations) => {
        violations.required("userPoolId", "us-east-1_AbC123");
        violations.stringLength("userPoolId", "us-east-1_AbC123", { min: 1, max: 55 });
        violations.pattern("userPoolId", "us-east-1_AbC123", "[\\w-]+_[0-9a-zA-Z]+");
        violations.enumValue("logLevel", "ERROR", ["INFO", "ERROR"]);
        violations.range("maxResults", 60, { min: 1, max: 60 });
      },
      message: undefined,
    },
    {
      title: "reports a missing required member as null",
      check: (violations) => violations.required("logConfigurations", undefined),
      message:
        "1 validation error detected: Value null at 'logConfigurations' failed to satisfy constraint: Member must not be null",
    },
    {
      title: "reports a string shorter than its minimum length",
      check: (violations) => violations.stringLength("poolName", "", { min: 1, max: 128 }),
      message:
        "1 validation error detected: Value '' at 'poolName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    },
    {
      title: "reports a list longer than its maximum, in the rendering the caller gives",
      check: (violations) => violations.length("logConfigurations", 3, { max: 2 }, "'[a, b, c]'"),
      message:
        "1 validation error detected: Value '[a, b, c]' at 'logConfigurations' failed to satisfy constraint: Member must have length less than or equal to 2",
    },
    {
      title: "demands that a pattern match the whole value, not a part of it",
      check: (violations) =>
        violations.pattern("userPoolId", "bad us-east-1_Ab1", "[\\w-]+_[0-9a-zA-Z]+"),
      message:
        "1 validation error detected: Value 'bad us-east-1_Ab1' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+",
    },
    {
      title: "lists the allowed values of an enum sorted, as AWS does",
      check: (violations) =>
        violations.enumValue("logConfigurations.1.member.eventSource", "userEvents", [
          "userNotification",
          "userAuthEvents",
        ]),
      message:
        "1 validation error detected: Value 'userEvents' at 'logConfigurations.1.member.eventSource' failed to satisfy constraint: Member must satisfy enum value set: [userAuthEvents, userNotification]",
    },
    {
      title: "reports a number below its range, quoted as AWS quotes every value",
      check: (violations) => violations.range("maxResults", 0, { min: 1, max: 60 }),
      message:
        "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    },
    {
      title: "reports a number above its range",
      check: (violations) => violations.range("maxResults", 61, { min: 1, max: 60 }),
      message:
        "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60",
    },
    {
      title: "counts every violation and joins them with '; ' in the order found",
      check: (violations) => {
        violations.required("userPoolId", undefined);
        violations.enumValue("logConfigurations.1.member.logLevel", "WARN", ["INFO", "ERROR"]);
      },
      message:
        "2 validation errors detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null; " +
        "Value 'WARN' at 'logConfigurations.1.member.logLevel' failed to satisfy constraint: Member must satisfy enum value set: [ERROR, INFO]",
    },
  ];
  for (const { title, check, message } of cases) {
    it(title, () => {
      assert.equal(reported(check), message);
    });
  }

  it("tells the caller whether a required member is present, so it checks no further when not", () => {
    const violations = new ConstraintViolations();
    assert.equal(violations.required("userPoolId", "us-east-1_AbC123"), true);
    assert.equal(violations.required("userPoolId", undefined), false);
  });
});
