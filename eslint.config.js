import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist", "bench-dist", "node_modules", "coverage", "test-results"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // The domain is pure: no React, MapLibre or store may leak into it.
    files: ["src/domain/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["react", "react-*", "maplibre-gl", "zustand", "*/state/*", "*/map/*", "*/ui/*"] }],
    },
  },
  {
    // Only the map host component talks to src/map; the store never imports UI or map code.
    files: ["src/state/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["react-dom", "maplibre-gl", "*/map/*", "*/ui/*"] }] },
  },
  {
    files: ["scripts/**", "tests/**"],
    rules: { "no-console": "off" },
  },
);
