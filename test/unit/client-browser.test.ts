import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The root's TypeScript 7 has no compiler API; the client workspace holds TypeScript 5 for openapi-typescript.
const ts = createRequire(new URL('../../client/package.json', import.meta.url))('typescript');

describe('the client as a front end compiles it', () => {
  it('typechecks with TypeScript 5 for a browser and a bundler: DOM, no Node types, exact optional properties', () => {
    const configFile = fileURLToPath(new URL('../../client/tsconfig.json', import.meta.url));
    const config = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d: { file?: { fileName: string }; messageText: unknown }) =>
      `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
    expect(diagnostics).toEqual([]);
  }, 60_000); // a whole-program check: seconds on a busy machine
});
