/**
 * Settings that several functions read from their own config.json must agree: a partner would
 * otherwise be promised one response time on the contact page and another after submitting.
 */
import fs from 'node:fs';
import path from 'node:path';

const FUNCTIONS_DIR = path.resolve(__dirname, '../../cloudfunctions');

function variablesOf(name: string): Record<string, string> {
  const config = JSON.parse(fs.readFileSync(path.join(FUNCTIONS_DIR, name, 'config.json'), 'utf8')) as {
    envVariables?: Record<string, string>;
  };
  return config.envVariables ?? {};
}

describe('function configuration', () => {
  it('gives every function that states the response time the same number of working days', () => {
    const functions = fs
      .readdirSync(FUNCTIONS_DIR)
      .filter((name) => fs.existsSync(path.join(FUNCTIONS_DIR, name, 'config.json')));
    const stated = functions
      .map((name) => [name, variablesOf(name).ENQUIRY_RESPONSE_WORKING_DAYS] as const)
      .filter(([, days]) => days !== undefined);
    expect(stated.map(([name]) => name).sort()).toEqual(['content', 'enquiry']);
    expect(new Set(stated.map(([, days]) => days)).size).toBe(1);
  });
});
