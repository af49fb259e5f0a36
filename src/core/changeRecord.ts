/**
 * Reading one CloudTrail record of `SetLogDeliveryConfiguration` (the JSON string LookupEvents
 * returns as `CloudTrailEvent`) into what the package reports: when, who, how, on which pool,
 * whether this package made it, whether it failed, and the configuration it asked for.
 * Pure, and total: a record that is not such a call, or is not JSON, gives `undefined`,
 * never an exception. What is never read, so never stored: the source IP address and the
 * access key ID.
 *
 * Fields: CloudTrail record contents (AUDIT-AND-INVENTORY-FACTS, "how Cognito management
 * calls are recorded"); `requestParameters` of cognito-idp events are camelCase in every
 * published example, but that is unconfirmed for this call, so keys are matched
 * whatever the case of their first letter.
 */
import type { LogConfiguration } from "../types";
import { PACKAGE_NAME } from "../version";
import { changeChannelOf } from "./changeChannels";
import type { ChangeChannel } from "./changeChannels";
import { FailureCollector } from "./failures";
import { readLogConfigurations } from "./readLogConfigurations";
import { isRecord } from "./values";

export const SET_LOG_DELIVERY_EVENT = "SetLogDeliveryConfiguration";
/** `eventSource` of Cognito user pools' records. */
export const COGNITO_EVENT_SOURCE = "cognito-idp.amazonaws.com";

/** One recorded SetLogDeliveryConfiguration. */
export interface LogDeliveryChange {
  eventId: string;
  /** ISO 8601, as recorded. */
  eventTime: string;
  userPoolId: string;
  /** The region of the call (`awsRegion`). */
  region: string | undefined;
  /** `userIdentity.arn`: for an assumed role, the session ARN; absent for some AWS services. */
  principalArn: string | undefined;
  /** The role behind an assumed-role session (`sessionContext.sessionIssuer.arn`). */
  roleArn: string | undefined;
  /** `userIdentity.type`: IAMUser, AssumedRole, Root, AWSService, FederatedUser, … */
  identityType: string;
  via: ChangeChannel;
  /** The caller's User-Agent as recorded (up to 1 KB). */
  userAgent: string;
  /** The call carried this package's marker (its app ID or User-Agent section). */
  byThisPackage: boolean;
  /** The AWS error the call failed with; undefined when it succeeded. */
  errorCode: string | undefined;
  /**
   * The configuration the call asked for, canonical; undefined when the record does not
   * hold it in a form we can read (Cognito may hide fields, see the facts file).
   */
  logConfigurations: LogConfiguration[] | undefined;
}

/**
 * Our marker followed by a version: `app/pulumi-cognito-log-delivery-0.2.0` (the SDK writes
 * the app ID `pulumi-cognito-log-delivery/0.2.0` with its `/` escaped to `-`) or the custom
 * section `pulumi-cognito-log-delivery/0.2.0`, which every call carries.
 */
const PACKAGE_MARKER = new RegExp(`${PACKAGE_NAME}[/#-]\\d`);

/** True when a User-Agent carries our marker. */
export function carriesPackageMarker(userAgent: string): boolean {
  return PACKAGE_MARKER.test(userAgent);
}

/** The change a record describes, or undefined when it is not a readable SetLogDeliveryConfiguration. */
export function readChangeRecord(
  cloudTrailEvent: string | undefined,
): LogDeliveryChange | undefined {
  if (cloudTrailEvent === undefined) {
    return undefined;
  }
  let record: unknown;
  try {
    record = JSON.parse(cloudTrailEvent);
  } catch {
    return undefined;
  }
  if (
    !isRecord(record) ||
    record["eventName"] !== SET_LOG_DELIVERY_EVENT ||
    record["eventSource"] !== COGNITO_EVENT_SOURCE
  ) {
    return undefined;
  }
  const parameters = isRecord(record["requestParameters"]) ? record["requestParameters"] : {};
  const userPoolId = stringField(parameters, "userPoolId");
  const eventId = stringOf(record["eventID"]);
  const eventTime = stringOf(record["eventTime"]);
  if (!userPoolId || !eventId || !eventTime) {
    return undefined;
  }
  const identity = isRecord(record["userIdentity"]) ? record["userIdentity"] : {};
  const sessionContext = isRecord(identity["sessionContext"]) ? identity["sessionContext"] : {};
  const issuer = isRecord(sessionContext["sessionIssuer"]) ? sessionContext["sessionIssuer"] : {};
  const userAgent = stringOf(record["userAgent"]) ?? "";
  const invokedBy = stringOf(identity["invokedBy"]) ?? "";
  const region = stringOf(record["awsRegion"]);
  return {
    eventId,
    eventTime,
    userPoolId,
    region,
    principalArn: stringOf(identity["arn"]),
    roleArn: stringOf(issuer["arn"]),
    identityType: stringOf(identity["type"]) ?? "Unknown",
    via: changeChannelOf({ userAgent, invokedBy }),
    userAgent,
    byThisPackage: carriesPackageMarker(userAgent),
    errorCode: stringOf(record["errorCode"]),
    logConfigurations: readRequestedConfigurations(field(parameters, "logConfigurations"), region),
  };
}

/** The requested list in canonical form, when it reads as a valid configuration. */
function readRequestedConfigurations(
  list: unknown,
  region: string | undefined,
): LogConfiguration[] | undefined {
  if (!Array.isArray(list)) {
    return undefined;
  }
  const failures = new FailureCollector();
  const canonical = readLogConfigurations(
    list.map((entry) => camelCaseKeys(entry)),
    region,
    failures,
  );
  return failures.count === 0 && canonical ? (canonical as LogConfiguration[]) : undefined;
}

/** The value of `name` in `record`, matching the key whatever the case of its first letter. */
function field(record: Record<string, unknown>, name: string): unknown {
  if (name in record) {
    return record[name];
  }
  const pascal = name.charAt(0).toUpperCase() + name.slice(1);
  return record[pascal];
}

function stringField(record: Record<string, unknown>, name: string): string | undefined {
  return stringOf(field(record, name));
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** A value with the first letter of each key lowered, `depth` levels deep (entry and destination). */
function camelCaseKeys(value: unknown, depth = 2): unknown {
  if (!isRecord(value) || depth === 0) {
    return value;
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key.charAt(0).toLowerCase() + key.slice(1),
      camelCaseKeys(inner, depth - 1),
    ]),
  );
}
