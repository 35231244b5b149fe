import { describe, it, expect } from 'vitest';
import type { ColumnRole } from '../../../src/lib/domain/columns';
import {
  guessMapping,
  guessRole,
  headerSignature,
  normalizeHeader
} from '../../../src/lib/import/mapping';

describe('normalizeHeader', () => {
  it('folds accents, case and punctuation', () => {
    expect(normalizeHeader("  Chiffre d'Affaires HT ")).toBe('chiffre d affaires ht');
    expect(normalizeHeader('N° client')).toBe('n client');
    expect(normalizeHeader('CA N-1')).toBe('ca n 1');
    expect(normalizeHeader('Œnologie')).toBe('oenologie');
    expect(normalizeHeader('__proto__')).toBe('proto');
  });
});

describe('guessRole', () => {
  const cases: Array<[string, ColumnRole | null]> = [
    ['Identifiant', 'id'],
    ['ID', 'id'],
    ['Code client', 'id'],
    ['N° client', 'id'],
    ['Numéro de client', 'id'],
    ['SIREN', 'id'],
    ['SIRET', 'id'],
    ['N° SIRET', 'id'],
    ['Customer ID', 'id'],
    ['Raison sociale', 'name'],
    ['Nom', 'name'],
    ['Société', 'name'],
    ['Entreprise', 'name'],
    ['Client', 'name'],
    ['Account Name', 'name'],
    ['Company', 'name'],
    ['Nom commercial', 'name'],
    ['Nom du client', 'name'],
    ['CA', 'revenue'],
    ["Chiffre d'affaires", 'revenue'],
    ['CA 2024', 'revenue'],
    ['CA N', 'revenue'],
    ['Revenue', 'revenue'],
    ['Sales', 'revenue'],
    ['CA HT', 'revenue'],
    ['CA HT 2024', 'revenue'],
    ['CA N-1', 'revenuePrev'],
    ['CA année précédente', 'revenuePrev'],
    ['Previous revenue', 'revenuePrev'],
    ['Revenue prev', 'revenuePrev'],
    ['CA entreprise', 'companyRevenue'],
    ['CA société', 'companyRevenue'],
    ['Company revenue', 'companyRevenue'],
    ["Chiffre d'affaires de l'entreprise", 'companyRevenue'],
    ['Annual Revenue', 'companyRevenue'],
    ['CA 2024 entreprise', 'companyRevenue'],
    ['Effectif', 'headcount'],
    ['Salariés', 'headcount'],
    ['Nb employés', 'headcount'],
    ['Headcount', 'headcount'],
    ['Employees', 'headcount'],
    ["Tranche d'effectif", 'headcount'],
    ['Secteur', 'sector'],
    ["Secteur d'activité", 'sector'],
    ['Activité', 'sector'],
    ['Industry', 'sector'],
    ['Sector', 'sector'],
    ['NAF', 'naf'],
    ['APE', 'naf'],
    ['Code NAF', 'naf'],
    ['Code APE/NAF', 'naf'],
    ["Type d'achats", 'purchaseType'],
    ['Famille achats', 'purchaseType'],
    ['Région', 'region'],
    ['Secteur géographique', 'region'],
    ['Département', 'department'],
    ['Dept', 'department'],
    ['Code postal', 'postcode'],
    ['CP', 'postcode'],
    ['Zip', 'postcode'],
    ['Postcode', 'postcode'],
    ['Ville', 'city'],
    ['Commune', 'city'],
    ['City', 'city'],
    ['Commercial', 'rep'],
    ['Vendeur', 'rep'],
    ['Rep', 'rep'],
    ['Sales rep', 'rep'],
    ['Owner', 'rep'],
    ['Attaché commercial', 'rep'],
    ['Nom du commercial', 'rep'],
    ['Type', 'accountType'],
    ['Statut', 'accountType'],
    ['Client/Prospect', 'accountType'],
    ['Type client', 'accountType'],
    ['Date création', 'createdAt'],
    ['Date de création', 'createdAt'],
    ['Date premier achat', 'createdAt'],
    ['Created', 'createdAt'],
    ['Créé le', 'createdAt'],
    ['Nom du contact', null],
    ['Prénom', null],
    ['Téléphone', null],
    ['Email', null],
    ['', null],
    ['__proto__', null],
    ['constructor', null]
  ];
  it.each(cases)('%j → %s', (header, role) => {
    expect(guessRole(header)).toBe(role);
  });
});

describe('guessMapping', () => {
  it('two CA years: latest → revenue, the one before → revenuePrev', () => {
    expect(guessMapping(['Code client', 'CA 2023', 'CA 2024'])).toEqual([
      'id',
      'revenuePrev',
      'revenue'
    ]);
    expect(guessMapping(['CA 2024', 'CA 2023', 'CA 2022'])).toEqual([
      'revenue',
      'revenuePrev',
      null
    ]);
    expect(guessMapping(['CA HT 2023', 'CA HT 2024'])).toEqual(['revenuePrev', 'revenue']);
  });

  it('CA N / CA N-1 and a firmographic CA', () => {
    expect(guessMapping(['CA N-1', 'CA N', 'CA entreprise'])).toEqual([
      'revenuePrev',
      'revenue',
      'companyRevenue'
    ]);
  });

  it('each role at most once, best match wins', () => {
    expect(guessMapping(['SIREN', 'Code client', 'Nom', 'Raison sociale'])).toEqual([
      null,
      'id',
      null,
      'name'
    ]);
    expect(guessMapping(['Ville', 'Commune'])).toEqual(['city', null]);
  });

  it('the French Excel fixture header', () => {
    const headers = [
      'Code client',
      'Raison sociale',
      'SIREN',
      'CA 2024',
      'CA 2023',
      'Date création',
      'Ville',
      'Commercial',
      'Adresse'
    ];
    expect(guessMapping(headers)).toEqual([
      'id',
      'name',
      null,
      'revenue',
      'revenuePrev',
      'createdAt',
      'city',
      'rep',
      null
    ]);
  });

  it('a full CRM-like header set maps every role', () => {
    const headers = [
      'Identifiant',
      'Raison sociale',
      'CA 2024',
      'CA 2023',
      'CA entreprise',
      'Effectif',
      'Secteur',
      'Code NAF',
      "Type d'achats",
      'Région',
      'Département',
      'Code postal',
      'Ville',
      'Commercial',
      'Client/Prospect',
      'Date création'
    ];
    expect(guessMapping(headers)).toEqual([
      'id',
      'name',
      'revenue',
      'revenuePrev',
      'companyRevenue',
      'headcount',
      'sector',
      'naf',
      'purchaseType',
      'region',
      'department',
      'postcode',
      'city',
      'rep',
      'accountType',
      'createdAt'
    ]);
  });

  it('__proto__ headers are unmapped columns, no pollution', () => {
    expect(guessMapping(['__proto__', 'constructor', 'prototype', 'Nom'])).toEqual([
      null,
      null,
      null,
      'name'
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('headerSignature', () => {
  it('ignores order, case, accents and punctuation', () => {
    const a = headerSignature(['Code client', 'Société', 'CA 2024']);
    expect(headerSignature(['CA 2024', 'code CLIENT', 'Societe'])).toBe(a);
    expect(headerSignature(['ca-2024', 'Code  client ', 'société'])).toBe(a);
    expect(a).toMatch(/^h3-[0-9a-f]{14}$/);
  });

  it('changes when a header is renamed, added or removed, or duplicated', () => {
    const a = headerSignature(['Code client', 'Société', 'CA 2024']);
    expect(headerSignature(['Code client', 'Société', 'CA 2025'])).not.toBe(a);
    expect(headerSignature(['Code client', 'Société'])).not.toBe(a);
    expect(headerSignature(['Code client', 'Société', 'CA 2024', 'Ville'])).not.toBe(a);
    expect(headerSignature(['Code client', 'Société', 'CA 2024', 'CA 2024'])).not.toBe(a);
  });

  it('is stable across runs (pinned value)', () => {
    expect(headerSignature(['a', 'b'])).toBe(headerSignature(['b', 'a']));
    expect(headerSignature([])).toBe(headerSignature([]));
    expect(headerSignature(['a', 'b'])).toMatchInlineSnapshot(`"h2-1ec2b1283d635f"`);
  });
});
