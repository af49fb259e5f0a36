/** The help of `npm run emulator`, and the error of a command line that does not follow it. */
import { FAULT_KINDS } from "../faults";
import { DEFAULT_ACCOUNT_ID, DEFAULT_HOST } from "../server";

/** 9229 is the Node.js inspector's port and 4566 LocalStack's, so neither is the default. */
export const DEFAULT_CLI_PORT = 4599;

export const USAGE = `Usage: npm run emulator -- [options]

Runs a local Amazon Cognito user pools endpoint (CreateUserPool, DescribeUserPool,
DeleteUserPool, ListUserPools, Get/SetLogDeliveryConfiguration), CloudTrail's
LookupEvents over a record of every call it answered (2 requests/s), and Amazon IVS
Chat's logging configurations (Create/Get/Update/Delete/ListLoggingConfigurations).

Options:
  --port N              port to listen on (default ${DEFAULT_CLI_PORT}; 0 picks a free one)
  --host ADDRESS        address to listen on (default ${DEFAULT_HOST})
  --account-id ID       12-digit account that owns the pools (default ${DEFAULT_ACCOUNT_ID})
  --fault SPEC          inject a fault, repeatable: kind[:operation[:times[:latencyMs]]]
                        kind: ${FAULT_KINDS.join(" | ")}; operation empty or * for all;
                        times default 1, * for every request
                        e.g. --fault throttle:SetLogDeliveryConfiguration:2 --fault latency::*:300
  --rate-limit LIMITS   answer TooManyRequestsException beyond these rates (default none):
                        read=N,write=N,pool=N, any subset, N requests per second per
                        account and region; N/B allows bursts of B (default N)
                        read: GetLogDeliveryConfiguration, DescribeUserPool, ListUserPools
                        write: SetLogDeliveryConfiguration, CreateUserPool, DeleteUserPool
                        pool: per user pool, for every request naming one
                        chat-read, chat-write: IVS Chat's Get/List and
                        Create/Update/DeleteLoggingConfiguration
                        e.g. --rate-limit read=15,write=15,pool=5 (AWS does not say
                        which category the log delivery calls are in)
  --principal KEY=WHO   who an access key is in CloudTrail records, repeatable:
                        role/NAME/SESSION, user/NAME or root (other keys: user/user-KEY)
                        e.g. --principal AKIAOUTSIDEALICE0001=role/Admin/alice
  --cloudtrail-delay S  seconds before a call's record is visible to LookupEvents
                        (default 0; CloudTrail takes about 300)
  --ivschat-delay S     seconds an IVS Chat logging configuration stays CREATING,
                        UPDATING or DELETING (default 0)
  --ivschat-fail REGEX  IVS Chat logging configurations whose name matches end
                        CREATE_FAILED or UPDATE_FAILED instead of ACTIVE
  --help                print this help`;

/** A command line that cannot be run; its message is the one line to print. */
export class CliUsageError extends Error {
  override name = "CliUsageError";
}
