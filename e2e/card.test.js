// card.js under Node: which suggestion can replace the words of a finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replacementOf } from '../web/card.js';

test('replacementOf: wording replaces, advice does not; the first of several alternatives', () => {
  const cases = [
    [{ kind: 'loaded', text: 'hyenas', suggestion: 'large group' }, 'large group'],
    [{ kind: 'loaded', text: 'regime', suggestion: 'government, administration' }, 'government'],
    [{ kind: 'loaded', text: 'Regime', suggestion: 'government, administration' }, 'Government'],
    [{ kind: 'loaded', text: 'militants', suggestion: 'armed men, members of (name the group)' }, 'armed men'],
    [{ kind: 'loaded', text: 'terrorists', suggestion: 'attackers, gunmen (say who did what)' }, 'attackers'],
    [{ kind: 'loaded', text: 'chaos', suggestion: 'disorder (describe it)' }, 'disorder'],
    [{ kind: 'loaded', text: 'so-called', suggestion: '(drop the label, or say who uses the name)' }, null],
    [{ kind: 'hedge', text: 'perhaps', suggestion: 'state what is known, or who thinks so' }, null],
    [{ kind: 'name', text: 'Kowalcyzk', suggestion: 'Kowalczyk' }, 'Kowalczyk'],
    [{ kind: 'loaded', text: 'thugs' }, null],
    [null, null],
  ];
  for (const [f, want] of cases) assert.equal(replacementOf(f), want, JSON.stringify(f));
});
