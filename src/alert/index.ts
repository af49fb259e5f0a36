/**
 * `pulumi-cognito-log-delivery/alert`: an alert on log delivery changes made outside
 * Pulumi. Built on `@pulumi/aws`, which the main entry point never loads.
 */
export {
  CHANGE_ALERT_TYPE,
  LogDeliveryChangeAlert,
  eventBridgePublishStatement,
} from "./changeAlert";
export type { LogDeliveryChangeAlertArgs, PublishStatement } from "./changeAlert";
export {
  DEFAULT_EVENT_PATTERN_SIZE_LIMIT,
  DEFAULT_USER_POOLS_PER_RULE,
  changeAlertEventPattern,
  ignoredPrincipalPattern,
} from "./eventPattern";
export { InvalidChangeAlertError } from "../errors";
