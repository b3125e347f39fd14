import { afterEach, describe, expect, it } from 'vitest';
import { activateOfficeChoice, chooseOffice, chosenOffice, deactivateOfficeChoice, officeHeaders, readsPickedCity } from './office-choice';

const memory = new Map<string, string>();
Object.defineProperty(globalThis, 'localStorage', {
  configurable: true,
  value: {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
  },
});

describe('office choice', () => {
  afterEach(() => {
    deactivateOfficeChoice(7);
    deactivateOfficeChoice(8);
  });

  it('sends nothing until a province account is active, then its kept choice', () => {
    expect(officeHeaders()).toEqual({});
    chooseOffice(3); // no active account: ignored
    activateOfficeChoice(7);
    expect(officeHeaders()).toEqual({});
    expect(readsPickedCity('dashboard.overview')).toBe(false);
    chooseOffice(3);
    expect(officeHeaders()).toEqual({ 'X-Kaoping-Office': '3' });
    // Only the city's published results name it; the account's own calls run in its own office.
    expect(readsPickedCity('dashboard.overview')).toBe(true);
    expect(['auth.me', 'users.changeOwnPassword', 'users.mySessions', 'province.summary'].some(readsPickedCity)).toBe(false);
    deactivateOfficeChoice(7);
    expect(officeHeaders()).toEqual({});
    activateOfficeChoice(7);
    expect(chosenOffice()).toBe(3);
  });

  it('keeps the choice per account and forgets it on request', () => {
    activateOfficeChoice(7);
    chooseOffice(4);
    deactivateOfficeChoice(7);
    activateOfficeChoice(8);
    expect(chosenOffice()).toBeNull();
    deactivateOfficeChoice(8);
    activateOfficeChoice(7);
    expect(chosenOffice()).toBe(4);
    chooseOffice(null);
    expect(officeHeaders()).toEqual({});
  });
});
