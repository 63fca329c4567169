/**
 * What a 400 says about each offending field, in the API's own voice ("must be ..."). A
 * handful of lines instead of zod's full English locale, which every function would bundle
 * and build at cold start. A schema's own message, where it gives one, comes first.
 */
import type * as zc from 'zod/v4/core';

const KIND: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'an object' };

function bound(issue: { origin?: string; minimum?: unknown; maximum?: unknown }, word: 'least' | 'most'): string {
  const n = String(word === 'least' ? issue.minimum : issue.maximum);
  if (issue.origin === 'string') return `must be at ${word} ${n} characters long`;
  if (issue.origin === 'array' || issue.origin === 'set') return `must list at ${word} ${n}`;
  return `must be at ${word} ${n}`;
}

export function validationMessage(issue: zc.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${KIND[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return bound(issue, 'least');
    case 'too_big':
      return bound(issue, 'most');
    case 'invalid_format':
      return issue.format === 'regex' ? 'is not in the expected format' : `must be a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'matches none of the accepted forms';
    default:
      return 'is not valid';
  }
}
