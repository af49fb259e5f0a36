/**
 * The dynamic provider of `UserPoolLogDelivery`: wires the pure core (reading inputs,
 * diff) to the Cognito adapter. Only `check` sees the untyped property bag; it reads it
 * once (`readInputs`) into canonical inputs and failures. The methods that apply a
 * declaration read the checked inputs through the same door and use the typed desired
 * state.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { LogDeliveryApi } from "./cognito/logDeliveryApi";
import { diffLogDelivery, sameLogConfigurations } from "./core/diff";
import { outsideChangeLine } from "./core/outsideChange";
import type { LastOutsideChange, OutsideChangeFinder } from "./core/outsideChange";
import { readInputs } from "./core/readInputs";
import type { DesiredState, PoolAddress } from "./core/readInputs";
import { poolRegion } from "./core/regions";
import { AwsCallError, ExistingConfigurationError, InvalidLogDeliveryError } from "./errors";
import type {
  LogConfiguration,
  UserPoolLogDeliveryInputs,
  UserPoolLogDeliveryOutputs,
} from "./types";

/**
 * How refresh explains drift: where to ask who changed a pool, and where to say it. The
 * dynamic-provider host forwards the provider process's stdout to the Pulumi CLI as info
 * lines (@pulumi/pulumi 3.146, pulumi/pulumi#18253), so `console.log` reaches the user.
 */
export interface DriftAttribution {
  finder: OutsideChangeFinder;
  report(line: string): void;
}

/** The provider; construct it with another `LogDeliveryApi` to test without AWS. */
export class UserPoolLogDeliveryProvider implements pulumi.dynamic.ResourceProvider<
  UserPoolLogDeliveryInputs,
  UserPoolLogDeliveryOutputs
> {
  /** `attribution` undefined: refresh does not look up who changed anything. */
  constructor(
    private readonly api: LogDeliveryApi,
    private readonly attribution?: DriftAttribution,
  ) {}

  /**
   * Reads the declared inputs. The returned inputs are what the engine stores and diffs;
   * while there are failures the engine goes no further than reporting them.
   */
  async check(
    _olds: unknown,
    news: unknown,
  ): Promise<pulumi.dynamic.CheckResult<UserPoolLogDeliveryInputs>> {
    const { inputs, failures } = readInputs(news);
    return { inputs: inputs as unknown as UserPoolLogDeliveryInputs, failures: [...failures] };
  }

  /** `olds` are the recorded outputs, which states written by older releases may lack parts of. */
  async diff(
    _id: string,
    olds: Partial<UserPoolLogDeliveryOutputs>,
    news: UserPoolLogDeliveryInputs,
  ): Promise<pulumi.dynamic.DiffResult> {
    return diffLogDelivery(olds, news);
  }

  /**
   * Never overwrites silently: a pool that already delivers logs somewhere else makes
   * create fail with what is there and how to take it over. A pool that already has
   * exactly the declared configuration is taken as is, with no write.
   */
  async create(
    inputs: UserPoolLogDeliveryInputs,
  ): Promise<pulumi.dynamic.CreateResult<UserPoolLogDeliveryOutputs>> {
    const { pool, logConfigurations } = desiredStateOf(inputs);
    const current = await this.api.get(pool);
    if (sameLogConfigurations(current, logConfigurations)) {
      return { id: pool.userPoolId, outs: outputsOf(pool, current) };
    }
    if (current.length > 0) {
      throw new ExistingConfigurationError(pool, current, logConfigurations);
    }
    const applied = await this.api.set(pool, logConfigurations);
    return { id: pool.userPoolId, outs: outputsOf(pool, applied) };
  }

  /**
   * Refresh: reports what is on the pool now, as outputs and as inputs, so that a
   * configuration changed or emptied outside Pulumi shows as a diff that the next `up`
   * repairs. A pool that no longer exists is reported gone (blank ID).
   *
   * When what is on the pool differs from the state, CloudTrail is asked who changed it:
   * the answer is the output `lastOutsideChange` and a line in the refresh output. It is
   * never an input, so it never causes a diff; an answer from an earlier refresh is kept
   * until the next one that finds drift. Import (no recorded outputs) asks nothing.
   */
  async read(
    id: string,
    props?: Partial<UserPoolLogDeliveryOutputs>,
  ): Promise<pulumi.dynamic.ReadResult<UserPoolLogDeliveryOutputs>> {
    const pool = poolAddressOfState(id, props);
    let current: LogConfiguration[];
    try {
      current = await this.api.get(pool);
    } catch (error) {
      if (AwsCallError.isUserPoolNotFound(error)) {
        return { id: "" };
      }
      throw error;
    }
    const outs = outputsOf(pool, current);
    const lastOutsideChange = await this.explainDrift(pool, props, current);
    return {
      id,
      props: lastOutsideChange ? { ...outs, lastOutsideChange } : outs,
      inputs: { ...outs },
    };
  }

  /** Who changed the pool, when refresh finds it different from the state. */
  private async explainDrift(
    pool: PoolAddress,
    recorded: Partial<UserPoolLogDeliveryOutputs> | undefined,
    current: LogConfiguration[],
  ): Promise<LastOutsideChange | undefined> {
    const before = recorded?.logConfigurations;
    if (!Array.isArray(before) || sameLogConfigurations(before, current)) {
      return recorded?.lastOutsideChange;
    }
    if (!this.attribution) {
      return undefined;
    }
    const answer = await this.attribution.finder.lastOutsideChange(pool);
    this.attribution.report(outsideChangeLine(pool.userPoolId, answer));
    return answer;
  }

  /** One Set with the whole desired configuration. */
  async update(
    _id: string,
    _olds: Partial<UserPoolLogDeliveryOutputs>,
    news: UserPoolLogDeliveryInputs,
  ): Promise<pulumi.dynamic.UpdateResult<UserPoolLogDeliveryOutputs>> {
    const { pool, logConfigurations } = desiredStateOf(news);
    const applied = await this.api.set(pool, logConfigurations);
    return { outs: outputsOf(pool, applied) };
  }

  /** One Set with an empty list; a pool that is already gone has nothing left to clear. */
  async delete(id: string, props: Partial<UserPoolLogDeliveryOutputs>): Promise<void> {
    try {
      await this.api.set(poolAddressOfState(id, props), []);
    } catch (error) {
      if (!AwsCallError.isUserPoolNotFound(error)) {
        throw error;
      }
    }
  }
}

/** The desired state of checked inputs; throws when they were never checked. */
function desiredStateOf(inputs: UserPoolLogDeliveryInputs): DesiredState {
  const reading = readInputs(inputs);
  if (!reading.desired) {
    const userPoolId = typeof inputs.userPoolId === "string" ? inputs.userPoolId : "";
    throw new InvalidLogDeliveryError(userPoolId, reading.failures);
  }
  return reading.desired;
}

/** Where the pool of a stored resource is (states written before `region` was an output lack it). */
function poolAddressOfState(
  id: string,
  props: Partial<UserPoolLogDeliveryOutputs> | undefined,
): PoolAddress {
  const region = typeof props?.region === "string" ? props.region : undefined;
  return { userPoolId: id, region: poolRegion(id, region) };
}

function outputsOf(
  pool: PoolAddress,
  logConfigurations: LogConfiguration[],
): UserPoolLogDeliveryOutputs {
  return { userPoolId: pool.userPoolId, region: pool.region, logConfigurations };
}
