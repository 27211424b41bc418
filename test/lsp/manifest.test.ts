import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../rules/index.js';
import { DEFAULT_SETTINGS } from '../../src/lsp/protocol.js';

/** The extension manifest (package.json) kept in step with the code: settings, commands, trust. */
const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: { commands: { command: string }[]; configuration: { properties: Record<string, { default?: unknown; scope?: string; description?: string; markdownDescription?: string; properties?: Record<string, unknown> }> } };
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] }; virtualWorkspaces: { supported: boolean } };
};
const settings = manifest.contributes.configuration.properties;

describe('extension manifest', () => {
  it('starts the bundled client', () => {
    expect(manifest.main).toBe('./dist/extension/extension.cjs');
    expect(manifest.activationEvents).toEqual(expect.arrayContaining(['onLanguage:typescript', 'onLanguage:javascript']));
  });

  it('offers a severity setting for every rule', () => {
    expect(Object.keys(settings['piiguard.rules']?.properties ?? {})).toEqual(RULE_IDS);
  });

  it('declares every setting the server reads, with its default, scope and description', () => {
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      const setting = settings[`piiguard.${key}`];
      expect(setting, key).toBeDefined();
      expect(setting?.default, key).toEqual(value);
      expect(setting?.scope, key).toBeDefined();
      expect(setting?.description ?? setting?.markdownDescription, key).toBeTruthy();
    }
  });

  it('contributes the commands the client registers', () => {
    const source = fs.readFileSync('src/vscode/extension.ts', 'utf8') + fs.readFileSync('src/vscode/scan-command.ts', 'utf8');
    for (const { command } of manifest.contributes.commands) expect(source).toContain(`'${command}'`);
    expect(manifest.contributes.commands.map((c) => c.command).sort()).toEqual(['piiguard.restartServer', 'piiguard.scanWorkspace', 'piiguard.showOutput']);
  });

  it('runs in a limited mode in untrusted workspaces, without the settings that change what is read or checked', () => {
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.sort()).toEqual(['piiguard.configFile', 'piiguard.enable', 'piiguard.rules']);
    expect(manifest.capabilities.virtualWorkspaces.supported).toBe(false);
  });
});
