/**
 * The values of `--principal`: who an access key is to CloudTrail, written
 * `KEY=role/NAME/SESSION`, `KEY=user/NAME` or `KEY=root`.
 */
import type { EmulatedPrincipal } from "../cloudtrail/principals";
import { CliUsageError } from "./usage";

/** IAM names and session names: letters, digits and `+=,.@_-` (IAM User Guide, "IAM identifiers"). */
const IAM_NAME = /^[\w+=,.@-]{1,64}$/;
const ACCESS_KEY = /^[A-Z0-9]{16,128}$/;
const FORMS =
  "KEY=role/NAME/SESSION, KEY=user/NAME or KEY=root, e.g. AKIAOUTSIDEALICE0001=role/Admin/alice";

/** One `--principal`: the access key and its identity. */
export function parsePrincipalSpec(spec: string): [string, EmulatedPrincipal] {
  const separator = spec.indexOf("=");
  const key = spec.slice(0, separator);
  const identity = spec.slice(separator + 1);
  if (separator < 0 || !ACCESS_KEY.test(key)) {
    throw new CliUsageError(
      `--principal "${spec}": start with an access key ID (16 or more capital letters and digits), then =; write ${FORMS}`,
    );
  }
  const [kind, ...names] = identity.split("/");
  const named = (count: number) =>
    names.length === count && names.every((name) => IAM_NAME.test(name));
  if (kind === "role" && named(2)) {
    return [
      key,
      { type: "AssumedRole", roleName: names[0] as string, sessionName: names[1] as string },
    ];
  }
  if (kind === "user" && named(1)) {
    return [key, { type: "IAMUser", userName: names[0] as string }];
  }
  if (kind === "root" && names.length === 0) {
    return [key, { type: "Root" }];
  }
  throw new CliUsageError(
    `--principal "${spec}": "${identity}" is not an identity (names take letters, digits and +=,.@_-); write ${FORMS}`,
  );
}

/** `--cloudtrail-delay`: seconds before a call's record is visible to LookupEvents. */
export function parseCloudTrailDelay(text: string): number {
  const seconds = Number(text);
  if (text.trim() === "" || !Number.isFinite(seconds) || seconds < 0) {
    throw new CliUsageError(
      `--cloudtrail-delay must be a number of seconds, 0 or more (CloudTrail takes about 300); got "${text}"`,
    );
  }
  return seconds * 1000;
}
