import { ScopeCatalogue, validateCatalogue } from './scope-catalogue';

/**
 * M4.3: the new-materials industry (新材料产业) of the catalogue the draft Measures name, as a
 * versioned data file. No machine-readable copy was at hand when it was written (no internet): the
 * industry and its seven sub-industries follow section 3 of the National Bureau of Statistics'
 * Strategic Emerging Industries Classification (2018) (《战略性新兴产业分类（2018）》, 国家统计局令第23号),
 * which the 2024 industrial catalogue keeps for new materials. The Department verifies it against
 * the published 《工业战略性新兴产业分类目录（2024）》 and imports the verified file (with its product
 * lines) in the console under the same id and version, which then replaces this copy.
 */
export const NEW_MATERIALS_CATALOGUE_2024: ScopeCatalogue = validateCatalogue({
  id: 'industrial-sei-catalogue-new-materials',
  version: '2024',
  kind: 'new_materials',
  titleZh: '工业战略性新兴产业分类目录（2024）新材料产业',
  titleEn: 'Industrial Strategic Emerging Industries Classification Catalogue (2024), new materials industry',
  source:
    '《工业战略性新兴产业分类目录（2024）》新材料产业（办法第四条第二款）；行业划分同《战略性新兴产业分类（2018）》（国家统计局令第23号）第3类。待核对：以正式发布文本为准 / ' +
    'Industrial SEI Classification Catalogue (2024), new materials (Measures Art. 4 para. 2); sub-industries as in section 3 of the NBS Strategic Emerging Industries Classification (2018) (NBS Order No. 23). To be verified against the published text.',
  verified: false,
  entries: [
    { code: '3', nameZh: '新材料产业', nameEn: 'new materials industry' },
    { code: '3.1', nameZh: '先进钢铁材料', nameEn: 'advanced iron and steel materials', parentCode: '3' },
    { code: '3.2', nameZh: '先进有色金属材料', nameEn: 'advanced non-ferrous metal materials', parentCode: '3' },
    { code: '3.3', nameZh: '先进石化化工新材料', nameEn: 'advanced petrochemical and chemical new materials', parentCode: '3' },
    { code: '3.4', nameZh: '先进无机非金属材料', nameEn: 'advanced inorganic non-metallic materials', parentCode: '3' },
    { code: '3.5', nameZh: '高性能纤维及制品和复合材料', nameEn: 'high-performance fibres, their products and composites', parentCode: '3' },
    { code: '3.6', nameZh: '前沿新材料', nameEn: 'frontier new materials', parentCode: '3' },
    { code: '3.7', nameZh: '新材料相关服务', nameEn: 'new-materials related services', parentCode: '3' },
  ],
});
