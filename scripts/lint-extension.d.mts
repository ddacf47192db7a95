// Types of scripts/lint-extension.mjs, for its unit test.
export interface LintMessage {
  code: string;
  file?: string;
  line?: number;
  message: string;
}
export interface LintReport {
  errors: LintMessage[];
  notices: LintMessage[];
  warnings: LintMessage[];
}
export const KNOWN_WARNINGS: readonly (readonly [code: string, file: string, message: string, why: string])[];
export function judge(report: LintReport): { problems: LintMessage[]; known: LintMessage[] };
