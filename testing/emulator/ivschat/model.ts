/**
 * Amazon IVS Chat's logging configurations as its API model constrains them
 * (AUDIT-AND-INVENTORY-FACTS "Amazon IVS Chat logging configurations"): names, the
 * identifier (an ARN), the destination union whose members name their resource (not by
 * ARN), tags and pagination.
 */

export const LOGGING_CONFIGURATION_STATES = [
  "CREATING",
  "CREATE_FAILED",
  "DELETING",
  "DELETE_FAILED",
  "UPDATING",
  "UPDATE_FAILED",
  "ACTIVE",
] as const;
export type LoggingConfigurationState = (typeof LOGGING_CONFIGURATION_STATES)[number];

/** States a call must wait out: the configuration is being created, updated or deleted. */
export const PENDING_STATES: readonly LoggingConfigurationState[] = [
  "CREATING",
  "UPDATING",
  "DELETING",
];

/** A string member's length bounds and pattern (the model's, matched against the whole value). */
export interface StringConstraint {
  min: number;
  max: number;
  pattern: string;
}

export const NAME: StringConstraint = { min: 0, max: 128, pattern: "[a-zA-Z0-9-_]*" };
export const IDENTIFIER: StringConstraint = {
  min: 1,
  max: 128,
  pattern: "arn:aws:ivschat:[a-z0-9-]+:[0-9]+:logging-configuration/[a-zA-Z0-9-]+",
};
export const NEXT_TOKEN = { min: 0, max: 1024 };
export const MAX_RESULTS = { min: 1, max: 50, default: 50 };
export const MAX_TAGS = 50;
export const TAG_KEY = { min: 1, max: 128 };
export const TAG_VALUE = { min: 0, max: 256 };
/** Generated IDs: 12 of [a-zA-Z0-9]. */
export const ID_LENGTH = 12;

/** One row per member of the `destinationConfiguration` union: its structure and the name it holds. */
export const DESTINATION_MEMBERS = {
  cloudWatchLogs: {
    field: "logGroupName",
    constraint: { min: 1, max: 512, pattern: "[\\.\\-_/#A-Za-z0-9]+" },
  },
  s3: { field: "bucketName", constraint: { min: 3, max: 63, pattern: "[a-z0-9-.]+" } },
  firehose: {
    field: "deliveryStreamName",
    constraint: { min: 1, max: 64, pattern: "[a-zA-Z0-9_.-]+" },
  },
} as const satisfies Record<string, { field: string; constraint: StringConstraint }>;

export type DestinationMember = keyof typeof DESTINATION_MEMBERS;
export const DESTINATION_MEMBER_NAMES = Object.keys(DESTINATION_MEMBERS) as DestinationMember[];

/** Exactly one member of the union, with the name of its resource. */
export interface ChatDestination {
  member: DestinationMember;
  name: string;
}

/** The union as the API writes it: `{ s3: { bucketName } }`. */
export function destinationConfigurationOf({ member, name }: ChatDestination): object {
  return { [member]: { [DESTINATION_MEMBERS[member].field]: name } };
}
