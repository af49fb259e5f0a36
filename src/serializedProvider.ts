/**
 * The provider object handed to `pulumi.dynamic.Resource`. Pulumi serialises it into
 * the state of every resource, twice, and runs the serialised copy on refresh and
 * destroy (pulumi/pulumi#6238, #20860). So it holds no logic, and as little text as
 * possible: state stays small, an SDK client is never captured (#13960), and upgrading
 * the package upgrades the code that refresh and destroy run.
 *
 * It has one method. The dynamic-provider host of @pulumi/pulumi (>= 3.139,
 * `cmd/dynamic-provider`, `getProvider`) deserialises this object once per process and
 * calls `configure` with the stack's config before it calls anything else, then keeps the
 * object. `configure` requires the installed package by name, in the provider process,
 * hands it the config, and installs the package's check, diff, create, read, update and
 * delete on this object. (Six delegating methods would serialise to more than 2 KB.)
 */
import type * as pulumi from "@pulumi/pulumi";

const loader: Required<Pick<pulumi.dynamic.ResourceProvider, "configure">> = {
  configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> {
    return require("pulumi-cognito-log-delivery/implementation").attach(this, request);
  },
};

/** Typed as a whole provider, which it is once the host has called `configure`. */
export const serializedProvider = loader as pulumi.dynamic.ResourceProvider;
