/**
 * `LogDeliveryChangeAlert`: an EventBridge rule on CloudTrail's record of
 * `SetLogDeliveryConfiguration`, for the given pools, ignoring the principals that deploy
 * them, delivering to an SNS topic. The CloudTrail page of Cognito suggests alarms on
 * specific CloudTrail events ("Logging Amazon Cognito API calls with AWS CloudTrail"); this
 * is that alarm for log delivery, built from `@pulumi/aws` resources so that it previews,
 * diffs and imports like the user's other resources.
 *
 * The only module of the package that loads `@pulumi/aws` (an optional peer dependency):
 * `pulumi-cognito-log-delivery` itself never does.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { InvalidChangeAlertError } from "../errors";
import type { ChangeAlertSelection, ChangeAlertShape } from "./eventPattern";
import {
  DEFAULT_EVENT_PATTERN_SIZE_LIMIT,
  DEFAULT_USER_POOLS_PER_RULE,
  changeAlertEventPatterns,
  checkChangeAlertSelection,
  checkChangeAlertShape,
  ruleCount,
} from "./eventPattern";

/** The component's type token. */
export const CHANGE_ALERT_TYPE = "pulumi-cognito-log-delivery:index:LogDeliveryChangeAlert";

export interface LogDeliveryChangeAlertArgs {
  /**
   * The user pools to watch, in the region of the AWS provider. Left out, every pool of the
   * region is watched. Long lists are split across several rules (`userPoolsPerRule`).
   */
  userPoolIds?: pulumi.Input<string>[];
  /**
   * ARNs of the roles and users whose changes are expected: those that run `pulumi up`.
   * A role (or any one session of it, such as `aws.getCallerIdentityOutput().arn`) ignores
   * every session of that role.
   */
  ignorePrincipals: pulumi.Input<string>[];
  /**
   * An SNS topic of yours to deliver to. Its policy is yours: add `publishStatement` to it
   * (the alert never replaces a policy it did not create). Left out, a topic is created with
   * a policy that lets the alert's rules publish.
   */
  topicArn?: pulumi.Input<string>;
  /** EventBridge's event pattern size quota in your account: 2048 (default) to 4096. */
  eventPatternSizeLimit?: number;
  /** How many pools one rule names (default 25, which fits the default quota). */
  userPoolsPerRule?: number;
  /** Tags for the rules and the topic it creates. */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** A topic policy statement that lets EventBridge rules publish to a topic. */
export interface PublishStatement {
  Sid: string;
  Effect: "Allow";
  Principal: { Service: "events.amazonaws.com" };
  Action: "sns:Publish";
  Resource: string;
  Condition: { ArnEquals: { "aws:SourceArn": string[] } };
}

export class LogDeliveryChangeAlert extends pulumi.ComponentResource {
  /** The topic the alerts go to. */
  readonly topicArn: pulumi.Output<string>;
  /** The EventBridge rules, one per `userPoolsPerRule` pools. */
  readonly ruleArns: pulumi.Output<string[]>;
  /** The event pattern of each rule, as stored by EventBridge. */
  readonly eventPatterns: pulumi.Output<string[]>;
  /** The topic policy statement that lets the rules publish; add it to a topic of your own. */
  readonly publishStatement: pulumi.Output<PublishStatement>;

  constructor(
    name: string,
    args: LogDeliveryChangeAlertArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super(CHANGE_ALERT_TYPE, name, {}, opts);
    const region = aws.getRegionOutput({}, { parent: this }).region;

    // What can be checked before any value is known is checked now, at construction:
    // the mistake stops the program at preview with nothing declared.
    const shape: ChangeAlertShape = {
      userPoolCount: args.userPoolIds?.length,
      ignorePrincipalCount: args.ignorePrincipals.length,
      eventPatternSizeLimit: args.eventPatternSizeLimit ?? DEFAULT_EVENT_PATTERN_SIZE_LIMIT,
      userPoolsPerRule: args.userPoolsPerRule ?? DEFAULT_USER_POOLS_PER_RULE,
    };
    const shapeFailures = checkChangeAlertShape(shape);
    if (shapeFailures.length > 0) {
      throw new InvalidChangeAlertError(name, shapeFailures);
    }

    const eventPatterns = pulumi
      .all([
        args.userPoolIds === undefined ? undefined : pulumi.all(args.userPoolIds),
        pulumi.all(args.ignorePrincipals),
        region,
      ])
      .apply(([userPoolIds, ignorePrincipals, providerRegion]) => {
        const selection: ChangeAlertSelection = {
          userPoolIds,
          ignorePrincipals,
          region: providerRegion,
        };
        const failures = checkChangeAlertSelection(selection);
        const { patterns, oversized } = changeAlertEventPatterns(selection, shape);
        for (const { rule, length } of oversized) {
          failures.push({
            property: `rule ${rule + 1}`,
            reason:
              `its event pattern is ${length} characters, over the ${shape.eventPatternSizeLimit} EventBridge accepts: ` +
              "lower userPoolsPerRule, ignore fewer principals, or raise the quota and set eventPatternSizeLimit",
          });
        }
        if (failures.length > 0) {
          throw new InvalidChangeAlertError(name, failures);
        }
        return patterns;
      });

    const count = ruleCount(shape.userPoolCount, shape.userPoolsPerRule);
    const rules = Array.from(
      { length: count },
      (_, index) =>
        new aws.cloudwatch.EventRule(
          `${name}-rule-${index + 1}`,
          {
            description:
              "SetLogDeliveryConfiguration on Cognito user pools by principals other than their deployers " +
              `(LogDeliveryChangeAlert ${name})`,
            eventPattern: eventPatterns.apply((patterns) => patterns[index] ?? ""),
            tags: args.tags,
          },
          { parent: this },
        ),
    );
    const ruleArns = pulumi.all(rules.map((rule) => rule.arn));

    const ownTopic =
      args.topicArn === undefined
        ? new aws.sns.Topic(name, { tags: args.tags }, { parent: this })
        : undefined;
    const topicArn = ownTopic?.arn ?? pulumi.output(args.topicArn as pulumi.Input<string>);
    const publishStatement = eventBridgePublishStatement(topicArn, ruleArns);
    // A topic the alert created is its own, and so is its whole policy: EventBridge needs
    // sns:Publish on it (EventBridge User Guide, "Using resource-based policies for Amazon
    // EventBridge"). A topic given is the user's, and its policy is left to them.
    const delivery = ownTopic
      ? [
          new aws.sns.TopicPolicy(
            name,
            {
              arn: ownTopic.arn,
              policy: pulumi.jsonStringify({
                Version: "2012-10-17",
                Statement: [publishStatement],
              }),
            },
            { parent: this },
          ),
        ]
      : [];
    rules.forEach(
      (rule, index) =>
        new aws.cloudwatch.EventTarget(
          `${name}-target-${index + 1}`,
          { rule: rule.name, arn: topicArn },
          { parent: this, dependsOn: delivery },
        ),
    );

    this.topicArn = topicArn;
    this.ruleArns = ruleArns;
    this.eventPatterns = eventPatterns;
    this.publishStatement = publishStatement;
    this.registerOutputs({ topicArn, ruleArns, eventPatterns, publishStatement });
  }
}

/**
 * The topic policy statement that lets these rules, and only these, publish to the topic:
 * `aws:SourceArn` keeps another rule (or account) from using the grant.
 */
export function eventBridgePublishStatement(
  topicArn: pulumi.Input<string>,
  ruleArns: pulumi.Input<pulumi.Input<string>[]>,
): pulumi.Output<PublishStatement> {
  return pulumi.all([topicArn, ruleArns]).apply(([topic, rules]): PublishStatement => ({
    Sid: "EventBridgePublishLogDeliveryChanges",
    Effect: "Allow",
    Principal: { Service: "events.amazonaws.com" },
    Action: "sns:Publish",
    Resource: topic,
    Condition: { ArnEquals: { "aws:SourceArn": [...rules] } },
  }));
}
