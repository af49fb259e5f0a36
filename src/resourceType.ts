/**
 * The resource's type token, built from its parts as `pulumi.dynamic.Resource` builds it:
 * `pulumi-nodejs:dynamic/<module>:<type>`. Stored in every stack's URNs: never change it.
 */
export const RESOURCE_MODULE = "cognito";
export const RESOURCE_TYPE_NAME = "UserPoolLogDelivery";
export const RESOURCE_TYPE = `pulumi-nodejs:dynamic/${RESOURCE_MODULE}:${RESOURCE_TYPE_NAME}`;
