/**
 * Who made a request, as CloudTrail's `userIdentity` says it: the emulator does not verify
 * signatures, so the identity comes from the access key in the SigV4 credential scope,
 * looked up in a map the test or demo gives (any other key is an IAM user named after it).
 * An identity may be denied actions, to model an IAM policy that does not allow them.
 */
import { partitionOfRegion } from "../partitions";

export type EmulatedPrincipal =
  | { type: "IAMUser"; userName: string; deniedActions?: readonly string[] }
  | {
      type: "AssumedRole";
      roleName: string;
      sessionName: string;
      deniedActions?: readonly string[];
    }
  | { type: "Root"; deniedActions?: readonly string[] };

export type Principals = Readonly<Record<string, EmulatedPrincipal>>;

/** `userIdentity` of a CloudTrail record (CloudTrail userIdentity element). */
export interface UserIdentity {
  type: string;
  principalId: string;
  arn: string;
  accountId: string;
  accessKeyId: string;
  userName?: string;
  sessionContext?: {
    sessionIssuer: {
      type: "Role";
      principalId: string;
      arn: string;
      accountId: string;
      userName: string;
    };
    attributes: { creationDate: string; mfaAuthenticated: "false" };
  };
}

const ACCESS_KEY = /Credential=([^/\s,]+)\//;

/** The access key ID of the request's SigV4 credential scope. */
export function accessKeyOf(authorization: string | undefined): string | undefined {
  return authorization === undefined ? undefined : ACCESS_KEY.exec(authorization)?.[1];
}

/** The identity of an access key: from the map, else an IAM user named `user-<key>`. */
export function principalOf(accessKeyId: string, principals: Principals): EmulatedPrincipal {
  return (
    (Object.hasOwn(principals, accessKeyId) ? principals[accessKeyId] : undefined) ?? {
      type: "IAMUser",
      userName: `user-${accessKeyId}`,
    }
  );
}

/** Whether the principal's policy denies `action` (e.g. `cloudtrail:LookupEvents`). */
export function isDenied(principal: EmulatedPrincipal, action: string): boolean {
  return principal.deniedActions?.includes(action) ?? false;
}

/** A stable, AWS-looking unique ID for a name (`AIDA…`, `AROA…`). */
function uniqueId(prefix: string, name: string): string {
  let hash = 0;
  for (const character of name) {
    hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  }
  return `${prefix}${hash.toString(36).toUpperCase().padStart(17, "0").slice(0, 17)}`;
}

/** The ARN of the principal in the account and the partition of the region. */
export function principalArn(
  principal: EmulatedPrincipal,
  accountId: string,
  region: string,
): string {
  const partition = partitionOfRegion(region);
  switch (principal.type) {
    case "IAMUser":
      return `arn:${partition}:iam::${accountId}:user/${principal.userName}`;
    case "AssumedRole":
      return `arn:${partition}:sts::${accountId}:assumed-role/${principal.roleName}/${principal.sessionName}`;
    case "Root":
      return `arn:${partition}:iam::${accountId}:root`;
  }
}

/** What CloudTrail's event history lists as `Username`. */
export function userNameOf(principal: EmulatedPrincipal): string {
  switch (principal.type) {
    case "IAMUser":
      return principal.userName;
    case "AssumedRole":
      return principal.sessionName;
    case "Root":
      return "root";
  }
}

/** The `userIdentity` element of a record. */
export function userIdentityOf(
  principal: EmulatedPrincipal,
  accessKeyId: string,
  accountId: string,
  region: string,
  sessionStart: Date,
): UserIdentity {
  const arn = principalArn(principal, accountId, region);
  switch (principal.type) {
    case "IAMUser":
      return {
        type: "IAMUser",
        principalId: uniqueId("AIDA", principal.userName),
        arn,
        accountId,
        accessKeyId,
        userName: principal.userName,
      };
    case "Root":
      return { type: "Root", principalId: accountId, arn, accountId, accessKeyId };
    case "AssumedRole": {
      const roleId = uniqueId("AROA", principal.roleName);
      return {
        type: "AssumedRole",
        principalId: `${roleId}:${principal.sessionName}`,
        arn,
        accountId,
        accessKeyId,
        sessionContext: {
          sessionIssuer: {
            type: "Role",
            principalId: roleId,
            arn: `arn:${partitionOfRegion(region)}:iam::${accountId}:role/${principal.roleName}`,
            accountId,
            userName: principal.roleName,
          },
          attributes: {
            creationDate: sessionStart.toISOString().replace(/\.\d{3}Z$/, "Z"),
            mfaAuthenticated: "false",
          },
        },
      };
    }
  }
}
