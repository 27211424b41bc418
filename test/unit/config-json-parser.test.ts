import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseJsonWithPositions } from '../../src/config/json-parser.js';

describe('parseJsonWithPositions', () => {
  it('parses like JSON.parse', () => {
    const text = '{"a":[1,-2.5e3,true,false,null,"x\\n\\u00e9\\"",{}],"b":{"c":[]}, "d": "\\/"}';
    expect(parseJsonWithPositions(text).value).toEqual(JSON.parse(text));
  });

  it('records where keys and items are', () => {
    const { positions } = parseJsonWithPositions('{\n  "rules": {\n    "x": 1\n  },\n  "list": [\n    "a",\n    "b"\n  ]\n}');
    expect(positions.get('')).toEqual({ line: 1, column: 1 });
    expect(positions.get('/rules')).toEqual({ line: 2, column: 3 });
    expect(positions.get('/rules/x')).toEqual({ line: 3, column: 5 });
    expect(positions.get('/list/1')).toEqual({ line: 7, column: 5 });
  });

  it('escapes "/" and "~" in pointers', () => {
    const { positions } = parseJsonWithPositions('{ "a/b": { "c~d": 1 } }');
    expect(positions.has('/a~1b/c~0d')).toBe(true);
  });

  it('keeps "__proto__" as a plain member', () => {
    const value = parseJsonWithPositions('{ "__proto__": { "polluted": true } }').value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it.each([
    ['', 'unexpected end of file'],
    ['{"a":1} x', 'unexpected text after'],
    ['[1,]', 'trailing comma'],
    ['{"a":01}', 'expected "," or "}"'],
    ['{"a":"\\x"}', 'invalid escape'],
    ["{'a':1}", 'expected a property name in double quotes'],
    ['{"a":tru}', 'unexpected character'],
  ])('rejects %j', (text, fragment) => {
    expect(() => parseJsonWithPositions(text)).toThrow(JsonSyntaxError);
    expect(() => parseJsonWithPositions(text)).toThrow(fragment);
  });
});
