// @ts-check
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", ".pulumi/**", ".adoption-test-*/**"] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-empty": ["error", { allowEmptyCatch: false }],
    },
  },
  {
    // The serialized provider must `require` the installed package lazily, at call time
    // (pulumi/pulumi#13960): a static import would be captured into state. The SDK's
    // partition data is loaded on first use, so that a program never loads it.
    files: ["src/serializedProvider.ts", "src/core/regions.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
