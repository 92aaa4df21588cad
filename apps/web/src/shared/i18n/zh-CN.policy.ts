/** The words of the policy profiles (M15) on the batch pages and the application, Simplified Chinese; part of `zhCN`. */
export const zhCNPolicy = {
  'policy.profile': '政策配置（认定办法版本）',
  'policy.profile.placeholder': '请选择本批次适用的认定办法版本',
  'policy.profile.help': '本批次的全部申请均按所选版本审查（办法第十五条），开启后不能更改。',
  'policy.profile.option': '{name}（自 {from} 起施行）',
  'policy.profile.label': '{name}',
  'policy.profile.unknown': '未登记的政策配置 {id}（{version} 版）',
  'policy.profile.numbers': '公示 {publicity} 个工作日 · 有效期 {validity} 年 · 失信禁入 {ban} 年 · 研发完成不超过 {rd} 年 · 每年 {batches} 批 · 申报材料 {materials} 项',
} as const;
