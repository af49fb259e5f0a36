/**
 * The provider object handed to `pulumi.dynamic.Resource`. Pulumi serialises it into
 * the state of every resource, twice, and runs the serialised copy on refresh and
 * destroy (pulumi/pulumi#6238, #20860). So it holds no logic: each method `require`s
 * the installed package by name at call time and delegates. State stays small, an SDK
 * client is never captured (#13960), and upgrading the package upgrades the code that
 * refresh and destroy run.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { UserPoolLogDeliveryProvider } from "./implementation";

// Each method is serialised with a wrapper of its own, so each is kept as short as it
// can be: the unit test holds the whole text under 2 KB. `require` runs at call time,
// in the provider process, and resolves the package installed beside @pulumi/pulumi.
type Method<K extends keyof UserPoolLogDeliveryProvider> = Parameters<
  UserPoolLogDeliveryProvider[K]
>;

/** Delegates every call to the installed package's shared provider. */
// One line per method keeps the serialised text, and so the state, small.
// prettier-ignore
export const serializedProvider: pulumi.dynamic.ResourceProvider = {
  check: (...a: Method<"check">) => require("pulumi-cognito-log-delivery/implementation").installedProvider().check(...a),
  diff: (...a: Method<"diff">) => require("pulumi-cognito-log-delivery/implementation").installedProvider().diff(...a),
  create: (...a: Method<"create">) => require("pulumi-cognito-log-delivery/implementation").installedProvider().create(...a),
  read: (...a: Method<"read">) => require("pulumi-cognito-log-delivery/implementation").installedProvider().read(...a),
  update: (...a: Method<"update">) => require("pulumi-cognito-log-delivery/implementation").installedProvider().update(...a),
  delete: (...a: Method<"delete">) => require("pulumi-cognito-log-delivery/implementation").installedProvider().delete(...a),
};
