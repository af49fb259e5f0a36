/**
 * The provider every resource stores in state, as `__provider` in its inputs and outputs:
 * the dynamic-provider host of @pulumi/pulumi (`cmd/dynamic-provider`, `getProvider`)
 * evaluates this module text with require-from-string, calls `handler()` once per
 * distinct text and process, calls `configure` with the stack's config before anything
 * else (>= 3.139), and keeps the object. It also runs the stored copy on refresh and
 * destroy (pulumi/pulumi#6238, #20860). So the text holds no logic: `configure` requires
 * the installed package by name, in the provider process, and `attach` installs the
 * package's check, diff, create, read, update and delete on the object. Upgrading the
 * package upgrades what refresh and destroy run, and no SDK client is captured (#13960).
 *
 * Written by hand rather than by `pulumi.dynamic.Resource`'s closure serialisation, which
 * wraps every function in about 250 characters of scaffolding: that text was 575
 * characters, stored twice per resource, and a file backend rewrites the whole state
 * after every step, so each byte per resource is paid N times per `up` (docs/
 * BENCHMARKS-FINDINGS.md). Single quotes: nothing to escape in the JSON of the state.
 */
import type * as pulumi from "@pulumi/pulumi";

export const STORED_PROVIDER =
  "exports.handler=()=>({configure(r){return require('pulumi-cognito-log-delivery/implementation').attach(this,r)}});";

/**
 * The same loader as an object, for programs that declare the resource through
 * `pulumi.dynamic.Resource` themselves (exported since 0.1.0): it serialises to the
 * longer text that stacks written by 0.1.0 store, which keeps working.
 */
const loader: Required<Pick<pulumi.dynamic.ResourceProvider, "configure">> = {
  configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> {
    return require("pulumi-cognito-log-delivery/implementation").attach(this, request);
  },
};

/** Typed as a whole provider, which it is once the host has called `configure`. */
export const serializedProvider = loader as pulumi.dynamic.ResourceProvider;
