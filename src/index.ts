/**
 * pulumi-cognito-log-delivery: Amazon Cognito user pool log delivery as a Pulumi
 * dynamic resource.
 */
export { UserPoolLogDelivery } from "./resource";
export type { UserPoolLogDeliveryArgs } from "./resource";
export { RESOURCE_TYPE } from "./resourceType";
export { UserPoolLogDeliveryProvider } from "./provider";
export { serializedProvider } from "./serializedProvider";
export {
  AwsCallError,
  DuplicatePoolError,
  ExistingConfigurationError,
  InvalidChangeAlertError,
  InvalidLogDeliveryError,
  InvalidSettingError,
  LogDeliveryError,
  PoolsNotFoundError,
  UsageError,
} from "./errors";
export type { CheckFailure } from "./core/failures";
export type { ChangeChannel } from "./core/changeChannels";
export type {
  FoundOutsideChange,
  LastOutsideChange,
  UnattributedOutsideChange,
  UnattributedStatus,
} from "./core/outsideChange";
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
