/**
 * The programs the benchmarks time side by side: each declares N resources in a loop, so
 * that all of them cost the same to load.
 */
import { LOG_GROUP_ARN } from "../fixtures/arns";

/** One notifications entry, as TypeScript source. */
const LOG_CONFIGURATIONS = `[{ eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: ${JSON.stringify(LOG_GROUP_ARN)} } }]`;

/** One `className` per pool, named `tenant-<index>`, each with the notifications entry. */
const onePerPool = (className: string, userPoolIds: readonly string[]): string[] => [
  `const userPoolIds: string[] = ${JSON.stringify(userPoolIds)};`,
  `userPoolIds.forEach((userPoolId, index) => {`,
  `  new ${className}(\`tenant-\${index}\`, { userPoolId, logConfigurations: ${LOG_CONFIGURATIONS} });`,
  `});`,
  ``,
];

/** N of the smallest dynamic resource: one input, no output, no AWS call. The engine's floor. */
export const trivialProgram = (count: number): string =>
  [
    `import * as pulumi from "@pulumi/pulumi";`,
    `const provider: pulumi.dynamic.ResourceProvider = { async create() { return { id: "trivial", outs: {} }; } };`,
    `for (let index = 0; index < ${count}; index++) {`,
    `  new pulumi.dynamic.Resource(provider, \`trivial-\${index}\`, { index }, {}, "bench", "Trivial");`,
    `}`,
    ``,
  ].join("\n");

/**
 * The stored provider of `pacedTrivialProgram`: it waits where ours calls AWS (create: a
 * read token, then a write token; read: a read token; delete: a write token) on token
 * buckets like the quota's (`perSecond`, one second of burst, no margin). Short, like
 * ours, so that its checkpoints weigh no more than the trivial resource's. The dynamic
 * provider calls `handler` once per process, so the buckets are shared by every call.
 */
export const pacedProvider = (perSecond: number): string =>
  `exports.handler=()=>{const r=${perSecond},b={read:{t:r,a:Date.now()},write:{t:r,a:Date.now()}},` +
  `w=(n)=>{const k=b[n],now=Date.now();k.t=Math.min(r,k.t+((now-k.a)/1000)*r)-1;k.a=now;` +
  `return new Promise((s)=>setTimeout(s,k.t>=0?0:Math.ceil((-k.t/r)*1000)))};` +
  `return{create:async()=>{await w("read");await w("write");return{id:"paced",outs:{}}},` +
  `read:async(id)=>{await w("read");return{id,props:{}}},delete:async()=>{await w("write")}}};`;

/**
 * N trivial dynamic resources that take the quota's time: the least a provider making our
 * calls at `perSecond` can take on this engine for a resource that weighs no more than the
 * trivial one, with the engine's checkpoints and the quota's pace overlapped as far as the
 * engine lets them.
 */
export const pacedTrivialProgram = (count: number, perSecond: number): string =>
  [
    `import * as pulumi from "@pulumi/pulumi";`,
    `const storedProvider = ${JSON.stringify(pacedProvider(perSecond))};`,
    `for (let index = 0; index < ${count}; index++) {`,
    `  new pulumi.CustomResource("pulumi-nodejs:dynamic/bench:PacedTrivial", \`paced-\${index}\`, { __provider: storedProvider, index });`,
    `}`,
    ``,
  ].join("\n");

/**
 * N dynamic resources registered as UserPoolLogDelivery registers (the same five
 * properties, a stored provider of about the same length) whose provider calls nothing
 * and returns the configuration as its outputs: the engine's and the Pulumi SDK's cost of
 * a resource of this shape, without ours.
 */
export const sameShapeProgram = (userPoolIds: readonly string[]): string =>
  [
    `import * as pulumi from "@pulumi/pulumi";`,
    `const storedProvider = "exports.handler=()=>({create:async(i)=>({id:i.userPoolId,outs:{userPoolId:i.userPoolId,region:'us-east-1',logConfigurations:i.logConfigurations}})});";`,
    `class SameShape extends pulumi.CustomResource {`,
    `  constructor(name: string, args: { userPoolId: string; logConfigurations: unknown[] }) {`,
    `    super("pulumi-nodejs:dynamic/bench:SameShape", name, { __provider: storedProvider, ...args, region: undefined, lastOutsideChange: undefined });`,
    `  }`,
    `}`,
    ...onePerPool("SameShape", userPoolIds),
  ].join("\n");

/** N deliveries, one per pool. */
export const deliveryLoopProgram = (userPoolIds: readonly string[]): string =>
  [
    `import { UserPoolLogDelivery } from "pulumi-cognito-log-delivery";`,
    ...onePerPool("UserPoolLogDelivery", userPoolIds),
  ].join("\n");
