/**
 * The words of the institution's panels page (workspaces/institution/panels): the solver's
 * proposal, the adjustment of a seat and the confirmation (M8.1, M11.1). Part of `zhCN`.
 */
export const zhCNPanels = {
  'menu.institutionPanels': '评审组',

  'panels.title': '评审组组建',
  'panels.intro': '系统按专业领域匹配、利益冲突回避和任务均衡为每项申请建议评审专家。建议先以试运行方式生成，不会分配任务；核对、调整后确认，专家才会收到评审任务。',
  'panels.batch': '评审批次',
  'panels.batch.none': '本机构目前没有受委托的批次',
  'panels.seed': '随机种子（可选）',
  'panels.seed.placeholder': '留空则自动生成',
  'panels.seed.help': '同一种子对同一情况总是得出相同建议，种子记入审计日志',
  'panels.propose': '生成建议（试运行）',
  'panels.proposeOne': '为此申请生成建议',
  'panels.proposed': '已生成评审组建议：{filled}/{wanted} 个席位有人选',

  'panels.cases': '受委托的申请',
  'panels.case.no': '申报编号',
  'panels.case.product': '申请单位与产品',
  'panels.case.field': '所属领域',
  'panels.case.experts': '在组专家',
  'panels.case.experts.none': '暂无',
  'panels.case.status': '评审组状态',
  'panels.case.full': '评审组已满（{count}/{size}）',
  'panels.case.needsExperts': '待组建（{count}/{size}）',
  'panels.case.needsReplacement': '需补充替换专家（{count}/{size}）',
  'panels.case.closed': '评审已结束',

  'panels.run.title': '评审组建议',
  'panels.run.dry': '试运行：尚未分配任何任务。随机种子：{seed}。请核对后确认。',
  'panels.run.confirmed': '已于 {at} 确认，分配评审任务 {count} 项。随机种子：{seed}。',
  'panels.run.summary': '{filled}/{wanted} 个席位有人选；每组 {size} 人，其中至少 {matches} 人需本领域专家；每名专家本批最多 {max} 项。',
  'panels.run.empty': '本批次没有需要组建评审组的申请',
  'panels.run.none': '尚未生成建议',

  'panels.app.kept': '保留',
  'panels.seat.match': '领域匹配',
  'panels.seat.noMatch': '非本领域',
  'panels.seat.adjusted': '已调整',
  'panels.seat.why.match': '专业领域匹配（{field}），无利益冲突，确认后本批任务 {load} 项',
  'panels.seat.why.fill': '补足席位，无利益冲突，确认后本批任务 {load} 项',
  'panels.seat.why.adjusted': '由本机构选定，已复核无利益冲突',
  'panels.seat.replace': '更换',
  'panels.seat.fill': '补充专家',
  'panels.seat.empty': '空缺席位',

  'panels.shortfall.not_enough_eligible_experts': '无利益冲突且可用的专家不足，尚缺 {seats} 席',
  'panels.shortfall.experts_at_max_load': '可选专家本批任务已满，尚缺 {seats} 席',
  'panels.shortfall.field_requirement_unmet': '本领域专家不足，尚差 {seats} 名',

  'panels.adjust.title': '调整 {no} 的评审组',
  'panels.adjust.replacing': '替换：{name}',
  'panels.adjust.expert': '评审专家',
  'panels.adjust.placeholder': '选择可用的专家',
  'panels.adjust.load': '本批任务 {load} 项',
  'panels.adjust.done': '已将 {name} 选入评审组',
  'panels.adjust.ok': '选入评审组',

  'panels.confirm': '确认评审组',
  'panels.confirm.title': '确认评审组并分配任务',
  'panels.confirm.content': '确认后将为 {apps} 项申请分配评审任务共 {seats} 项，专家即可在“我的评审任务”中看到；确认后本建议不能再调整。',
  'panels.confirm.done': '已确认评审组，分配评审任务 {count} 项',

  'panels.field.NM': '新材料',
  'panels.field.none': '未标明',
} as const;
