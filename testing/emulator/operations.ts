/**
 * The operations the emulator serves, each as AWS orders its checks: the request's
 * constraints, then the rules that need no pool, then the pool, then the pool's tier.
 */
import type { EventHistory } from "./cloudtrail/eventHistory";
import type { LoggingConfigurationStore } from "./ivschat/store";
import type { StructureReader } from "./deserialize";
import { featureUnavailableInTier, userPoolNotFound } from "./errors";
import { checkLogDeliveryRules, checkTierAllows } from "./logDeliveryRules";
import { decodeNextToken, encodeNextToken } from "./pagination";
import type { UserPoolRecord, UserPoolStore } from "./store";
import {
  readCreateUserPoolRequest,
  readListUserPoolsRequest,
  readSetLogDeliveryRequest,
  readUserPoolIdRequest,
} from "./validation";

/** What every operation is called with. */
export interface OperationContext {
  /** The region of the request's SigV4 credential scope. */
  region: string;
  accountId: string;
  store: UserPoolStore;
  /** Amazon IVS Chat's logging configurations. */
  chatStore: LoggingConfigurationStore;
  /** CloudTrail's event history, for LookupEvents. */
  history: EventHistory;
}

/** The response body, and the pool the call was about when the request did not name it. */
export interface OperationResult {
  output: object;
  createdUserPoolId?: string;
}

export type Operation = (body: StructureReader, context: OperationContext) => OperationResult;

/** JSON 1.1 timestamps are epoch seconds. */
function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

function userPoolType(pool: UserPoolRecord): object {
  return {
    Id: pool.id,
    Name: pool.name,
    Arn: pool.arn,
    UserPoolTier: pool.tier,
    UserPoolAddOns: { AdvancedSecurityMode: pool.advancedSecurityMode },
    EstimatedNumberOfUsers: 0,
    CreationDate: epochSeconds(pool.creationDate),
    LastModifiedDate: epochSeconds(pool.lastModifiedDate),
  };
}

/**
 * AWS does not keep the order of entries ("by design", AWS Support via Terraform
 * PR #49220; issues #43550, #49202). Answering them reversed makes every client that
 * compares lists in order fail here as it would against AWS, every time.
 */
function logDeliveryConfigurationType(pool: UserPoolRecord): object {
  return { UserPoolId: pool.id, LogConfigurations: [...pool.logConfigurations].reverse() };
}

function findPool(context: OperationContext, userPoolId: string): UserPoolRecord {
  const pool = context.store.find(context.region, userPoolId);
  if (!pool) {
    throw userPoolNotFound(userPoolId);
  }
  return pool;
}

const createUserPool: Operation = (body, context) => {
  const request = readCreateUserPoolRequest(body);
  // Threat protection is a Plus feature; AWS's answer otherwise is recorded in
  // terraform-provider-aws PR #40734 and aws-cdk PR #33565.
  if (request.advancedSecurityMode !== "OFF" && request.tier !== "PLUS") {
    throw featureUnavailableInTier(
      `The following features need to be disabled for the ${request.tier} pricing tier configured: Threat Protection`,
    );
  }
  const pool = context.store.create({
    region: context.region,
    accountId: context.accountId,
    name: request.poolName,
    tier: request.tier,
    advancedSecurityMode: request.advancedSecurityMode,
  });
  return { output: { UserPool: userPoolType(pool) }, createdUserPoolId: pool.id };
};

const describeUserPool: Operation = (body, context) => {
  const pool = findPool(context, readUserPoolIdRequest(body).userPoolId);
  return { output: { UserPool: userPoolType(pool) } };
};

const deleteUserPool: Operation = (body, context) => {
  context.store.delete(findPool(context, readUserPoolIdRequest(body).userPoolId));
  return { output: {} };
};

const listUserPools: Operation = (body, context) => {
  const request = readListUserPoolsRequest(body);
  const from =
    request.nextToken === undefined ? 0 : decodeNextToken(request.nextToken, context.region);
  const page = context.store.page(context.region, from, request.maxResults);
  const userPools = page.pools.map((pool) => ({
    Id: pool.id,
    Name: pool.name,
    CreationDate: epochSeconds(pool.creationDate),
    LastModifiedDate: epochSeconds(pool.lastModifiedDate),
  }));
  const nextToken =
    page.next === undefined ? {} : { NextToken: encodeNextToken(context.region, page.next) };
  return { output: { UserPools: userPools, ...nextToken } };
};

const getLogDeliveryConfiguration: Operation = (body, context) => {
  const pool = findPool(context, readUserPoolIdRequest(body).userPoolId);
  return { output: { LogDeliveryConfiguration: logDeliveryConfigurationType(pool) } };
};

/** Replaces the whole configuration; an empty list clears it. */
const setLogDeliveryConfiguration: Operation = (body, context) => {
  const request = readSetLogDeliveryRequest(body);
  checkLogDeliveryRules(request.logConfigurations, context);
  const pool = findPool(context, request.userPoolId);
  checkTierAllows(request.logConfigurations, pool.id, pool.tier);
  pool.logConfigurations = request.logConfigurations;
  return { output: { LogDeliveryConfiguration: logDeliveryConfigurationType(pool) } };
};

/** Cognito's operations, by their `X-Amz-Target` name. */
export const OPERATIONS: ReadonlyMap<string, Operation> = new Map([
  ["CreateUserPool", createUserPool],
  ["DescribeUserPool", describeUserPool],
  ["DeleteUserPool", deleteUserPool],
  ["ListUserPools", listUserPools],
  ["GetLogDeliveryConfiguration", getLogDeliveryConfiguration],
  ["SetLogDeliveryConfiguration", setLogDeliveryConfiguration],
]);
