#!/usr/bin/env node
/**
 * The provider plugin's process, which the Pulumi engine starts (through the launcher
 * `bin/pulumi-resource-cognito-log-delivery`) for programs in any language: serves
 * `UserPoolLogDelivery` over the provider gRPC protocol (`@pulumi/pulumi/provider`'s
 * `main` prints the port and serves until the engine ends it).
 */
import { main } from "@pulumi/pulumi/provider";
import { awsProvider } from "../implementation";
import { NO_CONFIG } from "../settings";
import { engineAddressOf, engineReport } from "./engineLog";
import { UserPoolLogDeliveryPlugin } from "./pluginProvider";

const args = process.argv.slice(2);
const report = engineReport(engineAddressOf(args));
const plugin = new UserPoolLogDeliveryPlugin(() => awsProvider(NO_CONFIG, process.env, report));

main(plugin, args).catch((error: unknown) => {
  console.error(`pulumi-resource-cognito-log-delivery: ${String(error)}`);
  process.exit(1);
});
