/**
 * The destinations a user pool can deliver logs to, one row each: everything the package
 * knows about a destination kind (its property and ARN field, the AWS API member, how its
 * ARN is written and checked, what it is called in messages and tables, the IAM actions it
 * needs). Validation, translation to AWS, IAM advice and the CLI all read this table; a new
 * destination is its type in `types.ts` and one row here.
 */
import type { DestinationProperty } from "../types";
import {
  ARN_RESOURCE_CHARACTERS,
  ARN_TYPE,
  FIREHOSE_STREAM_NAME_PATTERN,
  LOG_GROUP_NAME_MAX_LENGTH,
  S3_ARN_TYPE,
  S3_BUCKET_NAME_PATTERN,
} from "./apiModel";
import type { ParsedArn } from "./arn";

/** Where an example ARN should point: the pool's partition and region, when known. */
export interface ExampleLocation {
  partition: string;
  region: string;
}

/** Where a resource lives: what a regional ARN names besides the resource. */
export interface ResourceLocation {
  partition: string;
  region: string;
  account: string;
}

/** One kind of destination. */
export interface Destination {
  /** Our property on a log configuration entry, e.g. `cloudWatchLogsConfiguration`. */
  property: DestinationProperty;
  /** The one field inside that property, holding the ARN. */
  field: "logGroupArn" | "bucketArn" | "streamArn";
  /** The member of the API's `LogConfigurationType`, and the ARN member inside it. */
  awsMember: "CloudWatchLogsConfiguration" | "S3Configuration" | "FirehoseConfiguration";
  awsField: "LogGroupArn" | "BucketArn" | "StreamArn";
  /** ARN service namespace. */
  service: string;
  /** A human name for messages, and its indefinite article ("an S3 bucket"). */
  title: string;
  article: "a" | "an";
  /** The short name in tables, e.g. `CloudWatch Logs`. */
  label: string;
  /** What a correct ARN looks like, for messages. */
  arnShape: string;
  /** The `@pulumi/aws` resource output that holds that ARN, for messages. */
  pulumiSource: string;
  /** The API model's length and pattern for this ARN member. */
  arnType: { min: number; max: number; pattern: RegExp };
  /** Whether the ARN names a region and account (bucket ARNs do not). */
  regional: boolean;
  /** Other services' ARNs users mistake for this one, and what to say about them. */
  lookalikes: Readonly<Record<string, string>>;
  /**
   * IAM actions a deployer needs to deliver here, besides the Cognito ones (SetLogDeliveryConfiguration
   * API reference, "logging for user pools" guide).
   */
  iamActions: readonly string[];
  /** The ARN AWS accepts for what the user wrote; stored and compared in this form. */
  canonicalArn(arn: string): string;
  /** The resource name inside an ARN's resource segment (`log-group:x` → `x`). */
  resourceName(resource: string): string;
  /** An ARN for messages, with `name` when the user wrote a bare name. */
  exampleArn(location: ExampleLocation, name: string | undefined): string;
  /** The ARN of the resource named `name` in an account and region (the inventory's join key). */
  arnOf(location: ResourceLocation, name: string): string;
  /** The short kind name in `discover`'s JSON, the same as IVS Chat's union member. */
  kind: "cloudWatchLogs" | "s3" | "firehose";
  /**
   * Amazon IVS Chat's `destinationConfiguration` member for this kind and the field that
   * names the resource (by name, not ARN: AUDIT-AND-INVENTORY-FACTS "Amazon IVS Chat").
   */
  ivsChat: { member: "cloudWatchLogs" | "s3" | "firehose"; field: string };
  /** The same member in `@pulumi/aws`'s `aws.ivschat.LoggingConfiguration` arguments. */
  pulumiIvsChatMember: "cloudwatchLogs" | "s3" | "firehose";
  /** What is wrong with the ARN's resource segment, said so that the user knows what to write. */
  resourceProblem(parsed: ParsedArn): string | undefined;
}

/** CDK, CloudFormation's `Arn` attribute and some consoles end log group ARNs in `:*`, which Cognito rejects (aws-cdk #31241). */
const LOG_GROUP_WILDCARD_SUFFIX = ":*";
const LOG_GROUP_PREFIX = "log-group:";
const STREAM_PREFIX = "deliverystream/";

const LOG_GROUP_SHAPE = "arn:<partition>:logs:<region>:<account>:log-group:<name>";
const BUCKET_SHAPE = "arn:<partition>:s3:::<bucket>";
const STREAM_SHAPE = "arn:<partition>:firehose:<region>:<account>:deliverystream/<name>";

const withoutPrefix = (prefix: string) => (resource: string) =>
  resource.startsWith(prefix) ? resource.slice(prefix.length) : resource;

export const DESTINATIONS: Readonly<Record<DestinationProperty, Destination>> = {
  cloudWatchLogsConfiguration: {
    property: "cloudWatchLogsConfiguration",
    field: "logGroupArn",
    awsMember: "CloudWatchLogsConfiguration",
    awsField: "LogGroupArn",
    service: "logs",
    title: "CloudWatch Logs log group",
    article: "a",
    label: "CloudWatch Logs",
    arnShape: LOG_GROUP_SHAPE,
    pulumiSource: "aws.cloudwatch.LogGroup's `arn`",
    arnType: ARN_TYPE,
    regional: true,
    lookalikes: {},
    iamActions: [
      "logs:CreateLogDelivery",
      "logs:GetLogDelivery",
      "logs:UpdateLogDelivery",
      "logs:DeleteLogDelivery",
      "logs:ListLogDeliveries",
      "logs:PutResourcePolicy",
      "logs:DescribeResourcePolicies",
      "logs:DescribeLogGroups",
    ],
    canonicalArn: (arn) =>
      arn.endsWith(LOG_GROUP_WILDCARD_SUFFIX)
        ? arn.slice(0, -LOG_GROUP_WILDCARD_SUFFIX.length)
        : arn,
    resourceName: withoutPrefix(LOG_GROUP_PREFIX),
    exampleArn: ({ partition, region }, name) =>
      `arn:${partition}:logs:${region}:<account>:log-group:${name ?? "<name>"}`,
    arnOf: ({ partition, region, account }, name) =>
      `arn:${partition}:logs:${region}:${account}:log-group:${name}`,
    kind: "cloudWatchLogs",
    ivsChat: { member: "cloudWatchLogs", field: "logGroupName" },
    pulumiIvsChatMember: "cloudwatchLogs",
    resourceProblem: ({ resource }) => {
      if (!resource.startsWith(LOG_GROUP_PREFIX)) {
        return `names "${resource}", not a log group: write a log group ARN (${LOG_GROUP_SHAPE}).`;
      }
      const name = resource.slice(LOG_GROUP_PREFIX.length);
      if (name.includes(":log-stream:")) {
        return `points at a log stream; Cognito delivers to a log group: write ${LOG_GROUP_SHAPE} without ":log-stream:…".`;
      }
      if (name.length === 0 || name.length > LOG_GROUP_NAME_MAX_LENGTH) {
        return `has a log group name of ${name.length} characters; names are 1–${LOG_GROUP_NAME_MAX_LENGTH} characters.`;
      }
      if (!ARN_RESOURCE_CHARACTERS.test(name)) {
        return `has the log group name "${name}", which Cognito's API rejects (it allows only letters, digits and _ + = / , . @ -, so no "#" or ":"): use a log group whose name has only those characters.`;
      }
      return undefined;
    },
  },
  s3Configuration: {
    property: "s3Configuration",
    field: "bucketArn",
    awsMember: "S3Configuration",
    awsField: "BucketArn",
    service: "s3",
    title: "S3 bucket",
    article: "an",
    label: "S3",
    arnShape: BUCKET_SHAPE,
    pulumiSource: "aws.s3.Bucket's `arn`",
    arnType: S3_ARN_TYPE,
    regional: false,
    lookalikes: {},
    iamActions: ["logs:CreateLogDelivery", "s3:PutBucketPolicy", "s3:GetBucketPolicy"],
    canonicalArn: (arn) => arn,
    resourceName: (resource) => resource,
    exampleArn: ({ partition }, name) => `arn:${partition}:s3:::${name ?? "<bucket>"}`,
    arnOf: ({ partition }, name) => `arn:${partition}:s3:::${name}`,
    kind: "s3",
    ivsChat: { member: "s3", field: "bucketName" },
    pulumiIvsChatMember: "s3",
    resourceProblem: ({ partition, region, account, resource }) => {
      if (region !== "" || account !== "") {
        return `is not a bucket ARN (bucket ARNs have no region or account: ${BUCKET_SHAPE}).`;
      }
      const [bucket = "", ...path] = resource.split("/");
      if (path.length > 0) {
        return `points inside the bucket ("/${path.join("/")}"); Cognito takes the bucket itself: write arn:${partition}:s3:::${bucket}.`;
      }
      if (!S3_BUCKET_NAME_PATTERN.test(bucket)) {
        return `has the bucket name "${bucket}", which is not a valid S3 bucket name (3–63 characters of a-z, 0-9, "." and "-", starting and ending with a letter or digit).`;
      }
      return undefined;
    },
  },
  firehoseConfiguration: {
    property: "firehoseConfiguration",
    field: "streamArn",
    awsMember: "FirehoseConfiguration",
    awsField: "StreamArn",
    service: "firehose",
    title: "Firehose stream",
    article: "a",
    label: "Firehose",
    arnShape: STREAM_SHAPE,
    pulumiSource: "aws.kinesis.FirehoseDeliveryStream's `arn`",
    arnType: ARN_TYPE,
    regional: true,
    lookalikes: {
      kinesis: "a Kinesis Data Streams ARN; Cognito delivers to Amazon Data Firehose",
    },
    iamActions: [
      "logs:CreateLogDelivery",
      "iam:CreateServiceLinkedRole",
      "firehose:TagDeliveryStream",
    ],
    canonicalArn: (arn) => arn,
    resourceName: withoutPrefix(STREAM_PREFIX),
    exampleArn: ({ partition, region }, name) =>
      `arn:${partition}:firehose:${region}:<account>:deliverystream/${name ?? "<name>"}`,
    arnOf: ({ partition, region, account }, name) =>
      `arn:${partition}:firehose:${region}:${account}:deliverystream/${name}`,
    kind: "firehose",
    ivsChat: { member: "firehose", field: "deliveryStreamName" },
    pulumiIvsChatMember: "firehose",
    resourceProblem: ({ resource }) => {
      if (!resource.startsWith(STREAM_PREFIX)) {
        return `names "${resource}", not a Firehose stream: write ${STREAM_SHAPE}.`;
      }
      const name = resource.slice(STREAM_PREFIX.length);
      if (!FIREHOSE_STREAM_NAME_PATTERN.test(name)) {
        return `has the stream name "${name}", which is not a valid Firehose stream name (1–64 characters of a-z, A-Z, 0-9, "_", "." and "-").`;
      }
      return undefined;
    },
  },
};

/** The destination properties, in the order entries and AWS requests list them. */
export const DESTINATION_PROPERTIES = Object.keys(DESTINATIONS) as DestinationProperty[];

/** The destination a service's ARNs belong to, if any (`logs` → CloudWatch Logs). */
export function destinationOfService(service: string): Destination | undefined {
  return DESTINATION_PROPERTIES.map((property) => DESTINATIONS[property]).find(
    (destination) => destination.service === service,
  );
}

/** The destination of a kind, by its short name in `discover`'s JSON (`cloudWatchLogs` → CloudWatch Logs). */
export function destinationOfKind(kind: Destination["kind"]): Destination {
  return DESTINATION_PROPERTIES.map((property) => DESTINATIONS[property]).find(
    (destination) => destination.kind === kind,
  )!;
}
