import { describe, expect, it } from 'vitest';
import { printable } from '../../cli/terminal.js';

describe('Function: printable', () => {
  it('escapes control characters, keeps line breaks, tabs and ordinary text', () => {
    // Prepare
    const text = 'clear\u001b[2J bell\u0007 cr\r nul\u0000 del\u007f c1\u0085 sep\u2028 tab\t é→\nnext';
    // Act
    const shown = printable(text);
    // Assess
    expect(shown).toBe(
      'clear\\u001b[2J bell\\u0007 cr\\u000d nul\\u0000 del\\u007f c1\\u0085 sep\\u2028 tab\t é→\nnext',
    );
  });

  it('keeps JSON valid: an escaped character inside a JSON string is the same character', () => {
    // Prepare: JSON.stringify leaves DEL, C1 controls and U+2028 raw.
    const json = JSON.stringify({ name: 'a\u007fb\u0085c\u2028d' });
    // Act
    const shown = printable(json);
    // Assess
    expect(shown).not.toBe(json);
    expect(JSON.parse(shown)).toEqual(JSON.parse(json));
  });
});
