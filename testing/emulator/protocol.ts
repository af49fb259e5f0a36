/**
 * The AWS JSON 1.1 wire protocol as Cognito speaks it: `POST /` with
 * `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`, a JSON body, and
 * answers that carry `x-amzn-RequestId`; errors also carry `x-amzn-ErrorType` and the
 * body `{"__type", "message"}`, from which the AWS SDK builds `error.name` and `message`.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { incompleteSignature, missingAuthenticationToken, unknownOperation } from "./errors";
import type { CognitoServiceError } from "./errors";

export const TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
export const JSON_CONTENT_TYPE = "application/x-amz-json-1.1";

/** The operation `X-Amz-Target` names: the part after this service's prefix, else the whole header. */
export function operationName(headers: IncomingHttpHeaders): string {
  const target = String(headers["x-amz-target"] ?? "");
  return target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
}

/** What `served` holds for the operation `X-Amz-Target` names, or `UnknownOperationException`. */
export function servedOperation<T>(
  headers: IncomingHttpHeaders,
  served: ReadonlyMap<string, T>,
): T {
  const target = String(headers["x-amz-target"] ?? "");
  const operation = target.startsWith(TARGET_PREFIX)
    ? served.get(target.slice(TARGET_PREFIX.length))
    : undefined;
  if (operation === undefined) {
    throw unknownOperation(operationName(headers));
  }
  return operation;
}

const CREDENTIAL_SCOPE = /Credential=[^/\s,]+\/\d{8}\/([^/\s,]+)\/([^/\s,]+)\/aws4_request/;

/**
 * The region of the SigV4 credential scope (`Credential=AKID/20261121/<region>/cognito-idp/aws4_request`).
 * The signature itself is not verified: any credentials work.
 */
export function requestRegion(headers: IncomingHttpHeaders): string {
  const authorization = headers.authorization;
  if (authorization === undefined || authorization === "") {
    throw missingAuthenticationToken();
  }
  const scope = CREDENTIAL_SCOPE.exec(authorization);
  if (!scope) {
    throw incompleteSignature(
      "Authorization header requires a 'Credential' parameter of the form Credential=<access key>/<date>/<region>/cognito-idp/aws4_request.",
    );
  }
  const [, region = "", service] = scope;
  if (service !== "cognito-idp") {
    throw incompleteSignature(
      `Credential should be scoped to correct service: 'cognito-idp', not '${service}'.`,
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
