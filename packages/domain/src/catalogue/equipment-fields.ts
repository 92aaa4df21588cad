import { ScopeCatalogue, validateCatalogue } from './scope-catalogue';

/** M4.2: the 18 equipment fields of the draft Measures, in the order of Article 4. */
export const EQUIPMENT_FIELDS_CATALOGUE: ScopeCatalogue = validateCatalogue({
  id: 'nmg-equipment-fields',
  version: 'measures-draft',
  kind: 'equipment_fields',
  titleZh: '技术装备首台（套）认定范围（办法第四条）',
  titleEn: 'First-set equipment scope (Measures Art. 4)',
  source: 'shared/policy/measures-draft.zh.txt, Article 4',
  entries: [
    { code: 'EF01', nameZh: '高端工业母机', nameEn: 'high-end industrial machine tools' },
    { code: 'EF02', nameZh: '电子专用设备', nameEn: 'special electronic equipment' },
    { code: 'EF03', nameZh: '电力装备', nameEn: 'power equipment' },
    { code: 'EF04', nameZh: '大型矿山和冶金装备', nameEn: 'large mining and metallurgical equipment' },
    { code: 'EF05', nameZh: '大型石油和化工装备', nameEn: 'large petroleum and chemical equipment' },
    {
      code: 'EF06',
      nameZh: '先进节能环保装备',
      nameEn: 'advanced energy-saving and environmental equipment',
    },
    { code: 'EF07', nameZh: '先进轨道交通装备', nameEn: 'advanced rail transit equipment' },
    { code: 'EF08', nameZh: '船舶与海洋工程装备', nameEn: 'ships and ocean engineering equipment' },
    { code: 'EF09', nameZh: '航空航天装备', nameEn: 'aerospace equipment' },
    { code: 'EF10', nameZh: '大型工程机械', nameEn: 'large construction machinery' },
    { code: 'EF11', nameZh: '新型轻工和纺织机械', nameEn: 'new light-industry and textile machinery' },
    { code: 'EF12', nameZh: '高端医疗装备', nameEn: 'high-end medical equipment' },
    { code: 'EF13', nameZh: '精密仪器仪表', nameEn: 'precision instruments and meters' },
    { code: 'EF14', nameZh: '技术装备关键配套及基础件', nameEn: 'key supporting parts and basic components' },
    {
      code: 'EF15',
      nameZh: '工业机器人等智能装备',
      nameEn: 'intelligent equipment such as industrial robots',
    },
    { code: 'EF16', nameZh: '大型成套装备', nameEn: 'large complete sets of equipment' },
    { code: 'EF17', nameZh: '先进农机装备', nameEn: 'advanced agricultural machinery' },
    { code: 'EF18', nameZh: '汽车及关键系统部件', nameEn: 'automobiles and key system components' },
  ],
});
