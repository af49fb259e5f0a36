/**
 * The SDK middleware that makes every HTTP attempt of a client wait for its pacing token,
 * as a named middleware, its options and a plugin (the smithy-typescript pattern). It sits
 * in the `finalizeRequest` step after the retry middleware, so retries are paced too.
 */
import type {
  FinalizeHandler,
  FinalizeHandlerArguments,
  AbsoluteLocation,
  FinalizeRequestHandlerOptions,
  HandlerExecutionContext,
  MetadataBearer,
  Pluggable,
} from "@smithy/types";
import type { RequestCategory, RequestPacer } from "./requestPacer";

/** What the middleware needs: the shared pacer, the client's region, and how to classify a command. */
export interface PacingMiddlewareConfig {
  pacer: RequestPacer;
  region: string;
  /** The category of a command, by its SDK command name (e.g. `SetLogDeliveryConfigurationCommand`). */
  categoryOf(commandName: string | undefined): RequestCategory;
}

export const pacingMiddlewareOptions: FinalizeRequestHandlerOptions & AbsoluteLocation = {
  step: "finalizeRequest",
  priority: "low",
  name: "pacingMiddleware",
  tags: ["PACING"],
};

/** Waits for a token of the command's category in the client's region, then sends. */
export function pacingMiddleware(config: PacingMiddlewareConfig) {
  return <Input extends object, Output extends MetadataBearer>(
      next: FinalizeHandler<Input, Output>,
      context: HandlerExecutionContext,
    ): FinalizeHandler<Input, Output> =>
    async (args: FinalizeHandlerArguments<Input>) => {
      await config.pacer.pace(config.region, config.categoryOf(context.commandName));
      return next(args);
    };
}

/** Adds the pacing middleware to a client: `client.middlewareStack.use(getPacingPlugin(config))`. */
export function getPacingPlugin<Input extends object, Output extends MetadataBearer>(
  config: PacingMiddlewareConfig,
): Pluggable<Input, Output> {
  return {
    applyToStack: (stack) => {
      stack.add(pacingMiddleware(config), pacingMiddlewareOptions);
    },
  };
}
