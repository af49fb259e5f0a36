/**
 * The wire protocols of the services on the emulator's one endpoint, as the AWS SDK
 * speaks them:
 * - AWS JSON 1.1 (Cognito, CloudTrail): `POST /` with `X-Amz-Target: <prefix>.<Operation>`;
 *   errors carry `x-amzn-ErrorType` and the body `{"__type", "message"}`.
 * - REST-JSON (Amazon IVS Chat): `POST /<Operation>` with a JSON body and no target
 *   header, told apart by the SigV4 credential scope's service; errors carry
 *   `x-amzn-ErrorType`, their own HTTP status and the body `{"message", ...members}`
 *   (`reason` and `fieldList` of a ValidationException).
 * Every answer carries `x-amzn-RequestId`.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { incompleteSignature, missingAuthenticationToken, unknownOperation } from "./errors";
import type { CognitoServiceError } from "./errors";

/** What addressing needs of a request: its headers, method and path. */
export interface AddressedRequest {
  headers: IncomingHttpHeaders;
  method: string;
  path: string;
}

/** How one service is addressed on the wire and how its answers look. */
export interface ServiceProtocol {
  /** The SigV4 signing name, which the credential scope must name. */
  signingName: string;
  /** Whether a request is addressed to this service. */
  addresses(request: AddressedRequest): boolean;
  /** The operation the request names ("" when it names none). */
  operationName(request: AddressedRequest): string;
  contentType: string;
  /** The HTTP status of a successful answer. */
  successStatus(operation: string): number;
  /** The body of an error answer. */
  errorBody(error: CognitoServiceError): object;
}

/** Declared before the protocols below, which read it when the module loads. */
export const JSON_CONTENT_TYPE = "application/x-amz-json-1.1";
const REST_JSON_CONTENT_TYPE = "application/json";

function targetOf(request: AddressedRequest): string {
  return String(request.headers["x-amz-target"] ?? "");
}

/** An AWS JSON 1.1 service, whose operations `X-Amz-Target` names after `targetPrefix`. */
export function awsJsonProtocol(signingName: string, targetPrefix: string): ServiceProtocol {
  return {
    signingName,
    addresses: (request) => targetOf(request).startsWith(targetPrefix),
    operationName: (request) => {
      const target = targetOf(request);
      return target.startsWith(targetPrefix) ? target.slice(targetPrefix.length) : target;
    },
    contentType: JSON_CONTENT_TYPE,
    successStatus: () => 200,
    errorBody: (error) => ({ __type: error.errorType, message: error.message }),
  };
}

/**
 * A REST-JSON service whose operations are `POST /<Operation>` (all of Amazon IVS Chat's
 * are), answering 200 unless `statuses` says otherwise (204 for IVS Chat's deletes).
 */
export function restJsonProtocol(
  signingName: string,
  statuses: Readonly<Record<string, number>> = {},
): ServiceProtocol {
  return {
    signingName,
    addresses: (request) =>
      targetOf(request) === "" && credentialScopeOf(request.headers)?.service === signingName,
    operationName: (request) => {
      const path = request.path.split("?")[0] ?? "";
      return request.method === "POST" && /^\/[A-Za-z]+$/.test(path) ? path.slice(1) : "";
    },
    contentType: REST_JSON_CONTENT_TYPE,
    successStatus: (operation) => statuses[operation] ?? 200,
    errorBody: (error) => ({ ...error.members, message: error.message }),
  };
}

export const COGNITO_PROTOCOL = awsJsonProtocol(
  "cognito-idp",
  "AWSCognitoIdentityProviderService.",
);

/** CloudTrail's target is the model's service name (`CloudTrail_20131101.LookupEvents`). */
export const CLOUDTRAIL_PROTOCOL = awsJsonProtocol("cloudtrail", "CloudTrail_20131101.");

/** Amazon IVS Chat (AUDIT-AND-INVENTORY-FACTS "Amazon IVS Chat"): DeleteLoggingConfiguration answers 204. */
export const IVSCHAT_PROTOCOL = restJsonProtocol("ivschat", {
  DeleteLoggingConfiguration: 204,
});

/** The request as addressing sees it. */
export function addressedRequest(request: IncomingMessage): AddressedRequest {
  return { headers: request.headers, method: request.method ?? "GET", path: request.url ?? "/" };
}

/** The service a request is addressed to; the first (Cognito) when none is. */
export function targetedService<T extends { protocol: ServiceProtocol }>(
  request: AddressedRequest,
  services: readonly [T, ...T[]],
): T {
  return services.find((service) => service.protocol.addresses(request)) ?? services[0];
}

/** What `served` holds for the operation the request names, or `UnknownOperationException`. */
export function servedOperation<T>(
  request: AddressedRequest,
  protocol: ServiceProtocol,
  served: ReadonlyMap<string, T>,
): T {
  const name = protocol.operationName(request);
  const operation = served.get(name);
  if (operation === undefined) {
    throw unknownOperation(name);
  }
  return operation;
}

const CREDENTIAL_SCOPE = /Credential=[^/\s,]+\/\d{8}\/([^/\s,]+)\/([^/\s,]+)\/aws4_request/;

function credentialScopeOf(
  headers: IncomingHttpHeaders,
): { region: string; service: string } | undefined {
  const scope = CREDENTIAL_SCOPE.exec(headers.authorization ?? "");
  return scope ? { region: scope[1] ?? "", service: scope[2] ?? "" } : undefined;
}

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
  const scope = credentialScopeOf(headers);
  const service = protocol.signingName;
  if (!scope) {
    throw incompleteSignature(
      `Authorization header requires a 'Credential' parameter of the form Credential=<access key>/<date>/<region>/${service}/aws4_request.`,
    );
  }
  if (scope.service !== service) {
    throw incompleteSignature(
      `Credential should be scoped to correct service: '${service}', not '${scope.service}'.`,
    );
  }
  return scope.region;
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
  body: object | undefined,
): void {
  if (body === undefined) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "Content-Length": Buffer.byteLength(text).toString(),
    ...headers,
  });
  response.end(text);
}

/** The answer of a successful call; a 204 has no body. */
export function sendOutput(
  response: ServerResponse,
  protocol: ServiceProtocol,
  operation: string,
  requestId: string,
  output: object,
): number {
  const status = protocol.successStatus(operation);
  send(
    response,
    status,
    { "x-amzn-RequestId": requestId, "Content-Type": protocol.contentType },
    status === 204 ? undefined : output,
  );
  return status;
}

export function sendError(
  response: ServerResponse,
  protocol: ServiceProtocol,
  requestId: string,
  error: CognitoServiceError,
): void {
  send(
    response,
    error.httpStatus,
    {
      "x-amzn-RequestId": requestId,
      "x-amzn-ErrorType": error.errorType,
      "Content-Type": protocol.contentType,
    },
    protocol.errorBody(error),
  );
}
