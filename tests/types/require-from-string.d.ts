// The loader @pulumi/pulumi's dynamic provider process uses for the serialised provider.
declare module "require-from-string" {
  function requireFromString(code: string, filename?: string): { handler(): unknown };
  export = requireFromString;
}
