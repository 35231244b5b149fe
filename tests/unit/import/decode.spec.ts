import { describe, it, expect } from 'vitest';
import {
  decodeBytes,
  encodeSingleByte,
  hasMojibake,
  sniffBom,
  sniffUtf16
} from '../../../src/lib/import/decode';
import { fixture } from './_fixtures';
import {
  FR_CP1252_TEXT,
  FR_UTF8_COMMA_TEXT,
  FR_UTF8_SEMICOLON_TEXT,
  ISO_8859_15_TEXT,
  MOJIBAKE_SOURCE,
  UTF16_TAB_TEXT,
  UTF8_NOBOM_TEXT
} from '../../fixtures/import/make-fixtures.mjs';

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

describe('decodeBytes on encoding fixtures', () => {
  it('French Excel cp1252 (€ = 0x80, CRLF) falls back to windows-1252 with exact text', () => {
    const bytes = fixture('fr_excel_pointvirgule_cp1252.csv');
    expect(bytes.includes(0x80)).toBe(true);
    const r = decodeBytes(bytes);
    expect(r).toMatchObject({ encoding: 'windows-1252', bom: false, mojibake: false });
    expect(r.replacementChars).toBe(0);
    expect(r.text).toBe(FR_CP1252_TEXT);
    expect(r.text).toContain('1\u00a0234,56\u00a0€');
    expect(r.text).toContain('Crème & Cœur SARL');
    expect(r.text).toContain('Café « Le Zénith »');
  });

  it('UTF-8 with BOM: BOM detected and stripped', () => {
    for (const [name, text] of [
      ['fr_excel_utf8_bom_semicolon.csv', FR_UTF8_SEMICOLON_TEXT],
      ['fr_excel_utf8_bom_comma.csv', FR_UTF8_COMMA_TEXT]
    ] as const) {
      const r = decodeBytes(fixture(name));
      expect(r).toMatchObject({
        encoding: 'utf-8',
        bom: true,
        mojibake: false,
        replacementChars: 0
      });
      expect(r.text).toBe(text);
      expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
    }
    expect(decodeBytes(fixture('fr_excel_utf8_bom_semicolon.csv')).text).toContain(
      '1\u202f234\u202f567,89\u00a0€'
    );
  });

  it('UTF-8 without BOM is accepted by the strict decoder', () => {
    const r = decodeBytes(fixture('utf8_nobom.csv'));
    expect(r).toMatchObject({
      encoding: 'utf-8',
      bom: false,
      mojibake: false,
      replacementChars: 0
    });
    expect(r.text).toBe(UTF8_NOBOM_TEXT);
  });

  it('UTF-16 LE and BE with BOM ("Texte Unicode")', () => {
    const le = decodeBytes(fixture('unicode_text_utf16le_bom.txt'));
    expect(le).toMatchObject({ encoding: 'utf-16le', bom: true, replacementChars: 0 });
    expect(le.text).toBe(UTF16_TAB_TEXT);
    const be = decodeBytes(fixture('unicode_text_utf16be_bom.txt'));
    expect(be).toMatchObject({ encoding: 'utf-16be', bom: true, replacementChars: 0 });
    expect(be.text).toBe(UTF16_TAB_TEXT);
  });

  it('UTF-16 LE and BE without BOM are found by the NUL-byte heuristic', () => {
    const le = decodeBytes(fixture('utf16le_nobom.txt'));
    expect(le).toMatchObject({ encoding: 'utf-16le', bom: false, replacementChars: 0 });
    expect(le.text).toBe(UTF16_TAB_TEXT);
    const be = decodeBytes(fixture('utf16be_nobom.txt'));
    expect(be).toMatchObject({ encoding: 'utf-16be', bom: false, replacementChars: 0 });
    expect(be.text).toBe(UTF16_TAB_TEXT);
  });

  it('flags double-encoded UTF-8 (mojibake) and keeps the text as is', () => {
    const r = decodeBytes(fixture('double_encoded_mojibake.csv'));
    expect(r.encoding).toBe('utf-8');
    expect(r.mojibake).toBe(true);
    expect(r.text).toContain('SociÃ©tÃ©');
    expect(r.text).toContain('â‚¬');
    expect(r.text).not.toBe(MOJIBAKE_SOURCE);
  });

  it('ISO-8859-15 override maps 0xA4 to € and 0xBC to Œ (not ¤ / ¼ as Latin-1 would)', () => {
    const bytes = fixture('iso_8859_15.csv');
    expect(bytes.includes(0xa4)).toBe(true);
    const r = decodeBytes(bytes, 'iso-8859-15');
    expect(r).toMatchObject({ encoding: 'iso-8859-15', bom: false, mojibake: false });
    expect(r.text).toBe(ISO_8859_15_TEXT);
    // Auto-detection cannot tell Latin-9 from cp1252: it picks cp1252, where 0xA4 is ¤.
    const auto = decodeBytes(bytes);
    expect(auto.encoding).toBe('windows-1252');
    expect(auto.text).toContain('100 ¤');
  });
});

describe('decodeBytes: overrides, edge cases', () => {
  it('forcing UTF-8 on cp1252 bytes counts U+FFFD instead of throwing', () => {
    const r = decodeBytes(fixture('fr_excel_pointvirgule_cp1252.csv'), 'utf-8');
    expect(r.encoding).toBe('utf-8');
    expect(r.replacementChars).toBeGreaterThan(10);
    expect(r.text).toContain('\uFFFD');
  });

  it('forcing windows-1252 on UTF-8 bytes produces flagged mojibake', () => {
    const r = decodeBytes(fixture('utf8_nobom.csv'), 'windows-1252');
    expect(r.mojibake).toBe(true);
    expect(r.text).toContain('Ã‰lodie');
  });

  it('an override keeps stripping its own BOM but not a foreign one', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x41]);
    expect(decodeBytes(bom, 'utf-8')).toMatchObject({ text: 'A', bom: true });
    expect(decodeBytes(bom, 'windows-1252')).toMatchObject({ text: 'ï»¿A', bom: false });
  });

  it('empty input decodes to an empty UTF-8 string', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({
      text: '',
      encoding: 'utf-8',
      bom: false,
      mojibake: false,
      replacementChars: 0
    });
  });

  it('a second BOM after the first one is content, not stripped', () => {
    const r = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41]));
    expect(r.text).toBe('\ufeffA');
  });

  it('sniffBom / sniffUtf16 primitives', () => {
    expect(sniffBom(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toEqual({
      encoding: 'utf-16le',
      length: 2
    });
    expect(sniffBom(new Uint8Array([0xfe, 0xff]))).toEqual({ encoding: 'utf-16be', length: 2 });
    expect(sniffBom(new Uint8Array([0xef, 0xbb]))).toBeNull();
    expect(sniffUtf16(new TextEncoder().encode('plain ascii text'))).toBeNull();
    expect(sniffUtf16(new Uint8Array([0x41, 0]))).toBeNull(); // too short to decide
  });

  it('strict UTF-8 rejects a lone 0xE9 (é in cp1252)', () => {
    const r = decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
    expect(r).toMatchObject({ text: 'café', encoding: 'windows-1252' });
  });
});

describe('single-byte tables agree with the WHATWG TextDecoder', () => {
  it('windows-1252: all 256 bytes (vs the ICU streaming path)', () => {
    const ours = decodeBytes(ALL_BYTES, 'windows-1252').text;
    // Node 20.20's one-shot `decode()` for windows-1252 has a Latin-1 fast path that is wrong for
    // 0x80–0x9F (0x80 → U+0080); `{ stream: true }` goes through ICU and is right. Browsers are
    // right either way. This is why decode.ts uses its own table.
    const icu = new TextDecoder('windows-1252');
    expect(ours).toBe(icu.decode(ALL_BYTES, { stream: true }) + icu.decode());
    expect(ours.charCodeAt(0x80)).toBe(0x20ac);
    expect(ours.charCodeAt(0x9c)).toBe(0x153);
    expect(ours.charCodeAt(0x81)).toBe(0x81);
  });

  it('iso-8859-15: all 256 bytes, and exactly 8 differ from Latin-1', () => {
    const ours = decodeBytes(ALL_BYTES, 'iso-8859-15').text;
    // Node 20 (full ICU) has a distinct iso-8859-15 decoder; check we match it.
    const node = new TextDecoder('iso-8859-15');
    expect(node.encoding).toBe('iso-8859-15');
    expect(ours).toBe(node.decode(ALL_BYTES, { stream: true }) + node.decode());
    let diff = 0;
    for (let b = 0; b < 256; b++) if (ours.charCodeAt(b) !== b) diff++;
    expect(diff).toBe(8);
    expect(ours[0xa4]).toBe('€');
  });

  it('encodeSingleByte is the inverse and refuses missing characters', () => {
    const text = 'Œuvre à 12 € — «ok»';
    expect(decodeBytes(encodeSingleByte(text, 'windows-1252')!, 'windows-1252').text).toBe(text);
    expect(encodeSingleByte('€', 'iso-8859-15')).toEqual(new Uint8Array([0xa4]));
    expect(encodeSingleByte('¤', 'iso-8859-15')).toBeNull();
    expect(encodeSingleByte('日', 'windows-1252')).toBeNull();
  });
});

describe('hasMojibake', () => {
  it('detects the usual double-encoding patterns', () => {
    for (const s of [
      'SociÃ©tÃ©',
      'TrÃ¨s',
      'â‚¬',
      'Ã‰cole',
      'cÅ“ur',
      'lâ€™Ã©tÃ©',
      'Ã\u00a0 Paris',
      '12Â°'
    ]) {
      expect(hasMojibake(s), s).toBe(true);
    }
  });

  it('does not flag genuine French, German or Portuguese text', () => {
    for (const s of [
      'Société Générale',
      'Très été',
      '12 €',
      'École',
      'cœur',
      'São Paulo',
      'Â',
      'Ãx'
    ]) {
      expect(hasMojibake(s), s).toBe(false);
    }
  });
});
