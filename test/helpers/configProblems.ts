import { ConfigError, loadConfig } from "../../src/config/loadConfig.js";

/** The problems loadConfig reports for an environment; empty when it is valid. */
export function problemsOf(environment: Record<string, string>): string[] {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}
