/**
 * Which `UserPoolLogDelivery` of the running program declares each pool's log delivery. A
 * pool has one configuration, so two resources for one pool would overwrite each other;
 * the provider's `check` cannot see this (it is given one resource's inputs, without its
 * name), so the program registers each pool here as soon as its ID is known, which for
 * literal IDs and existing pools is during preview, and fails the second registration.
 */
import { DuplicatePoolError } from "./errors";

export class PoolClaims {
  private readonly holders = new Map<string, string>();

  /**
   * Records that `resourceName` declares the pool; throws if another resource already
   * does. Pool IDs start with their region, so the ID alone names the pool.
   */
  claim(userPoolId: string, resourceName: string): void {
    const holder = this.holders.get(userPoolId);
    if (holder !== undefined && holder !== resourceName) {
      throw new DuplicatePoolError(userPoolId, [holder, resourceName]);
    }
    this.holders.set(userPoolId, resourceName);
  }
}

/** The registries of the process, shared even when two copies of this package are installed. */
const PROCESS_CLAIMS = Symbol.for("pulumi-cognito-log-delivery:pool-claims");

/**
 * The registry of one stack's program. Keyed by stack, because the Automation API runs the
 * inline programs of several stacks in one process.
 */
export function programPoolClaims(stack: string): PoolClaims {
  const global = globalThis as { [PROCESS_CLAIMS]?: Map<string, PoolClaims> };
  const byStack = (global[PROCESS_CLAIMS] ??= new Map());
  let claims = byStack.get(stack);
  if (!claims) {
    claims = new PoolClaims();
    byStack.set(stack, claims);
  }
  return claims;
}
