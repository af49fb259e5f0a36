/**
 * The resource's type token, of the form `pulumi.dynamic.Resource` gives its resources:
 * `pulumi-nodejs:dynamic/<module>:<type>`. Stored in every stack's URNs: never change it.
 */
const RESOURCE_MODULE = "cognito";
const RESOURCE_TYPE_NAME = "UserPoolLogDelivery";
export const RESOURCE_TYPE = `pulumi-nodejs:dynamic/${RESOURCE_MODULE}:${RESOURCE_TYPE_NAME}`;
