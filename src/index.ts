/**
 * pulumi-cognito-log-delivery: Amazon Cognito user pool log delivery as a Pulumi
 * dynamic resource.
 */
export { UserPoolLogDelivery } from "./resource";
export type { UserPoolLogDeliveryArgs } from "./resource";
export { UserPoolLogDeliveryProvider } from "./implementation";
export { serializedProvider } from "./serializedProvider";
export {
  AwsCallError,
  ExistingConfigurationError,
  InvalidLogDeliveryError,
  InvalidSettingError,
  LogDeliveryError,
} from "./errors";
export type { CheckFailure } from "./core/validate";
export type {
  CloudWatchLogsConfiguration,
  EventSource,
  FirehoseConfiguration,
  LogConfiguration,
  LogLevel,
  S3Configuration,
  UserPoolLogDeliveryInputs,
  UserPoolLogDeliveryOutputs,
} from "./types";
