/**
 * The one adapter to AWS: reads and replaces a pool's log delivery configuration, and
 * turns every failure into an `AwsCallError` whose message stands alone.
 */
import {
  GetLogDeliveryConfigurationCommand,
  SetLogDeliveryConfigurationCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type { PoolAddress } from "../core/readInputs";
import type { AwsCallContext } from "../errors";
import type { LogConfiguration } from "../types";
import type { CognitoClients } from "./clients";
import { fromAwsLogConfigurations, toAwsLogConfigurations } from "./translate";

/** What the provider needs from AWS; tests may substitute it. */
export interface LogDeliveryApi {
  /** The pool's configuration in canonical form (`[]` when nothing is configured). */
  get(pool: PoolAddress): Promise<LogConfiguration[]>;
  /** Replaces the pool's whole configuration; returns what AWS reports, canonical. */
  set(pool: PoolAddress, configuration: readonly LogConfiguration[]): Promise<LogConfiguration[]>;
}

/** The AWS SDK v3 implementation of `LogDeliveryApi`. */
export class CognitoLogDeliveryApi implements LogDeliveryApi {
  constructor(private readonly clients: CognitoClients) {}

  async get(pool: PoolAddress): Promise<LogConfiguration[]> {
    const context: AwsCallContext = { operation: "GetLogDeliveryConfiguration", ...pool };
    try {
      const response = await this.clients
        .forRegion(pool.region)
        .send(new GetLogDeliveryConfigurationCommand({ UserPoolId: pool.userPoolId }));
      return fromAwsLogConfigurations(response.LogDeliveryConfiguration?.LogConfigurations);
    } catch (error) {
      throw await this.clients.callError(error, context, []);
    }
  }

  async set(
    pool: PoolAddress,
    configuration: readonly LogConfiguration[],
  ): Promise<LogConfiguration[]> {
    const context: AwsCallContext = { operation: "SetLogDeliveryConfiguration", ...pool };
    try {
      const response = await this.clients.forRegion(pool.region).send(
        new SetLogDeliveryConfigurationCommand({
          UserPoolId: pool.userPoolId,
          LogConfigurations: toAwsLogConfigurations(configuration),
        }),
      );
      return fromAwsLogConfigurations(response.LogDeliveryConfiguration?.LogConfigurations);
    } catch (error) {
      throw await this.clients.callError(error, context, configuration);
    }
  }
}
