/**
 * The AWS JSON 1.1 wire protocol as Cognito and CloudTrail speak it: `POST /` with
 * `X-Amz-Target: <service prefix>.<Operation>`, a JSON body, and
 * answers that carry `x-amzn-RequestId`; errors also carry `x-amzn-ErrorType` and the
 * body `{"__type", "message"}`, from which the AWS SDK builds `error.name` and `message`.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { incompleteSignature, missingAuthenticationToken, unknownOperation } from "./errors";
import type { CognitoServiceError } from "./errors";

/** How a service is addressed: its `X-Amz-Target` prefix and SigV4 signing name. */
export interface ServiceProtocol {
  signingName: string;
  targetPrefix: string;
}

export const COGNITO_PROTOCOL: ServiceProtocol = {
  signingName: "cognito-idp",
  targetPrefix: "AWSCognitoIdentityProviderService.",
};

/** CloudTrail's target is the model's service name (`CloudTrail_20131101.LookupEvents`). */
export const CLOUDTRAIL_PROTOCOL: ServiceProtocol = {
  signingName: "cloudtrail",
  targetPrefix: "CloudTrail_20131101.",
};

export const JSON_CONTENT_TYPE = "application/x-amz-json-1.1";

/** The service whose prefix `X-Amz-Target` starts with; the first (Cognito) when none does. */
export function targetedService<T extends { protocol: ServiceProtocol }>(
  headers: IncomingHttpHeaders,
  services: readonly [T, ...T[]],
): T {
  const target = String(headers["x-amz-target"] ?? "");
  return (
    services.find((service) => target.startsWith(service.protocol.targetPrefix)) ?? services[0]
  );
}

/** The operation `X-Amz-Target` names: the part after the service's prefix, else the whole header. */
export function operationName(headers: IncomingHttpHeaders, protocol: ServiceProtocol): string {
  const target = String(headers["x-amz-target"] ?? "");
  return target.startsWith(protocol.targetPrefix)
    ? target.slice(protocol.targetPrefix.length)
    : target;
}

/** What `served` holds for the operation `X-Amz-Target` names, or `UnknownOperationException`. */
export function servedOperation<T>(
  headers: IncomingHttpHeaders,
  protocol: ServiceProtocol,
  served: ReadonlyMap<string, T>,
): T {
  const target = String(headers["x-amz-target"] ?? "");
  const operation = target.startsWith(protocol.targetPrefix)
    ? served.get(target.slice(protocol.targetPrefix.length))
    : undefined;
  if (operation === undefined) {
    throw unknownOperation(operationName(headers, protocol));
  }
  return operation;
}

const CREDENTIAL_SCOPE = /Credential=[^/\s,]+\/\d{8}\/([^/\s,]+)\/([^/\s,]+)\/aws4_request/;

/**
 * The region of the SigV4 credential scope (`Credential=AKID/20261121/<region>/<service>/aws4_request`),
 * which must name the service's signing name. The signature itself is not verified: any
 * credentials work.
 */
export function requestRegion(headers: IncomingHttpHeaders, protocol: ServiceProtocol): string {
  const authorization = headers.authorization;
  if (authorization === undefined || authorization === "") {
    throw missingAuthenticationToken();
  }
  const scope = CREDENTIAL_SCOPE.exec(authorization);
  const service = protocol.signingName;
  if (!scope) {
    throw incompleteSignature(
      `Authorization header requires a 'Credential' parameter of the form Credential=<access key>/<date>/<region>/${service}/aws4_request.`,
    );
  }
  const [, region = "", scopeService] = scope;
  if (scopeService !== service) {
    throw incompleteSignature(
      `Credential should be scoped to correct service: '${service}', not '${scopeService}'.`,
    );
  }
  return region;
}

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: object,
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "Content-Type": JSON_CONTENT_TYPE,
    "Content-Length": Buffer.byteLength(text).toString(),
    ...headers,
  });
  response.end(text);
}

export function sendOutput(response: ServerResponse, requestId: string, output: object): void {
  send(response, 200, { "x-amzn-RequestId": requestId }, output);
}

export function sendError(
  response: ServerResponse,
  requestId: string,
  error: CognitoServiceError,
): void {
  send(
    response,
    error.httpStatus,
    { "x-amzn-RequestId": requestId, "x-amzn-ErrorType": error.errorType },
    { __type: error.errorType, message: error.message },
  );
}
