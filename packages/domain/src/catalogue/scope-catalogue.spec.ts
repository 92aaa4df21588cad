import { INNER_MONGOLIA_DRAFT_PROFILE as IM } from '../policy/inner-mongolia-draft';
import { parseCsv } from './csv';
import { EQUIPMENT_FIELDS_CATALOGUE } from './equipment-fields';
import { NEW_MATERIALS_CATALOGUE_2024 } from './new-materials-2024';
import {
  CatalogueEntryUnknownError,
  CatalogueImportError,
  ScopeCatalogueMeta,
  catalogueRef,
  findCatalogueEntry,
  importCatalogueCsv,
  readCatalogueRows,
} from './scope-catalogue';

const META: ScopeCatalogueMeta = {
  id: 'industrial-sei-catalogue-new-materials',
  version: '2024',
  kind: 'new_materials',
  titleZh: '工业战略性新兴产业分类目录（2024）新材料产业',
  titleEn: 'Industrial strategic emerging industries classification catalogue (2024), new materials',
  source: 'imported by the Department (test sample)',
};

// A made-up sample in the catalogue's shape: real codes are imported by the Department.
const SAMPLE =
  '\uFEFFcode,nameZh,nameEn,parentCode\r\n3,新材料产业,new materials,\r\n3.1,"先进钢铁材料",advanced steel,3\r\n3.1.1,"高品质特殊钢, 含""轴承钢""",special steel,3.1\r\n\r\n';

describe('scope catalogues (M4.2, M4.3)', () => {
  it('M4.2 the equipment-fields catalogue has the 18 fields of Article 4 and is the one the default profile names', () => {
    expect(EQUIPMENT_FIELDS_CATALOGUE.entries).toHaveLength(18);
    expect(catalogueRef(EQUIPMENT_FIELDS_CATALOGUE)).toEqual(IM.equipmentFieldsCatalogue);
    expect(findCatalogueEntry(EQUIPMENT_FIELDS_CATALOGUE, 'EF14').nameZh).toBe('技术装备关键配套及基础件');
    expect(findCatalogueEntry(EQUIPMENT_FIELDS_CATALOGUE, ' EF18 ').nameEn).toBe(
      'automobiles and key system components',
    );
  });

  it('M4.3 imports a new-materials catalogue from CSV text (BOM, CRLF, quotes, blank lines)', () => {
    const c = importCatalogueCsv(SAMPLE, META);
    expect(c).toMatchObject({ id: META.id, version: '2024', kind: 'new_materials' });
    expect(c.entries).toEqual([
      { code: '3', nameZh: '新材料产业', nameEn: 'new materials' },
      { code: '3.1', nameZh: '先进钢铁材料', nameEn: 'advanced steel', parentCode: '3' },
      { code: '3.1.1', nameZh: '高品质特殊钢, 含"轴承钢"', nameEn: 'special steel', parentCode: '3.1' },
    ]);
    expect(catalogueRef(c)).toEqual(IM.materialsCatalogue);
  });

  it('M4.3 accepts Chinese headers and the version is data (a 2023 edition imports side by side)', () => {
    const c = importCatalogueCsv('代码,名称\n3.2,先进有色金属材料\n', { ...META, version: '2023' });
    expect(catalogueRef(c)).toEqual({ id: META.id, version: '2023' });
  });

  it.each([
    ['no header', '3.1,先进钢铁材料\n', 1],
    ['a duplicated code', 'code,nameZh\n3.1,a\n3.1,b\n', 3],
    ['a missing Chinese name', 'code,nameZh\n3.1,\n', 2],
    ['an unknown parent', 'code,nameZh,parentCode\n3.1,a,9\n', 2],
    ['an invalid code', 'code,nameZh\n三,a\n', 2],
    ['an unquoted comma', 'code,nameZh\n3.1,a,b\n', 2],
    ['an unterminated quote', 'code,nameZh\n3.1,"a\n', 2],
    ['no entries', 'code,nameZh\n', 0],
  ])('M4.3 refuses CSV with %s and names the line (CATALOGUE_IMPORT_INVALID)', (_label, csv, line) => {
    try {
      importCatalogueCsv(csv, META);
      throw new Error('expected an import error');
    } catch (e) {
      expect(e).toBeInstanceOf(CatalogueImportError);
      expect((e as CatalogueImportError).code).toBe('CATALOGUE_IMPORT_INVALID');
      expect((e as CatalogueImportError).issues[0].line).toBe(line);
    }
  });

  it('refuses a catalogue without id or version', () => {
    expect(() => importCatalogueCsv('code,nameZh\n1,a\n', { ...META, version: ' ' })).toThrow(
      CatalogueImportError,
    );
  });

  it('M4.2 an unknown entry is CATALOGUE_ENTRY_UNKNOWN', () => {
    expect(() => findCatalogueEntry(EQUIPMENT_FIELDS_CATALOGUE, 'EF19')).toThrow(CatalogueEntryUnknownError);
  });

  it('reads CSV quotes spanning lines and a last line without newline', () => {
    expect(parseCsv('a,"b\nc"\nd,e')).toEqual([
      { line: 1, cells: ['a', 'b\nc'] },
      { line: 3, cells: ['d', 'e'] },
    ]);
  });
});

describe('the shipped new-materials catalogue (M4.3)', () => {
  it('M4.3 is the edition the default profile names, cites its source and awaits verification', () => {
    expect(catalogueRef(NEW_MATERIALS_CATALOGUE_2024)).toEqual(IM.materialsCatalogue);
    expect(NEW_MATERIALS_CATALOGUE_2024.source).toContain('工业战略性新兴产业分类目录（2024）');
    expect(NEW_MATERIALS_CATALOGUE_2024.verified).toBe(false);
    expect(findCatalogueEntry(NEW_MATERIALS_CATALOGUE_2024, '3.2').nameZh).toBe('先进有色金属材料');
    expect(NEW_MATERIALS_CATALOGUE_2024.entries.filter((e) => e.parentCode === '3')).toHaveLength(7);
  });

  it('M4.3 a preview lists every row with its line and every problem at its row, without refusing', () => {
    const read = readCatalogueRows(parseCsv('code,nameZh,parentCode\n3,新材料产业,\n3.1,,3\n3.1,先进钢铁材料,9\n'), META);
    expect(read.entries.map((e) => [e.line, e.code])).toEqual([[2, '3'], [3, '3.1'], [4, '3.1']]);
    expect(read.issues.map((i) => i.line)).toEqual([3, 4, 4]);
  });
});
