// Methodology notes shown next to each analysis view (issue #7): plain Chinese, saying
// what was computed and how. Shared by the dashboard and any export, so the words and the
// computation live in one package. Each note is a title and short paragraphs.
import type { RankStabilityOptions } from './rank-stability';
import { defaultRankStabilityOptions } from './rank-stability';

export interface MethodologyNote {
  title: string;
  paragraphs: readonly string[];
}

export const whatIfMethodology: MethodologyNote = {
  title: '权重模拟怎么算',
  paragraphs: [
    '这里只是模拟,不会改变已发布的正式得分、排名和等次。',
    '调整某个一级指标的分值后,每个单位在该指标上的得分率保持不变:新得分 = 原得分 × 新分值 ÷ 原分值;该指标计入的适用满分也按同一比例变化。把某个指标的分值调为 0,就等于去掉这个指标。',
    '之后完全按考核细则计分:(各指标得分之和 − 重大扣分)÷ 适用满分 × 100,达到加分门槛才加分(不超过加分上限),触发封顶否决项的不超过封顶分,最后四舍五入保留两位小数;再在分组内排名(同分并列,下一名次顺延,如 1、2、2、4),按等次分数线和优秀比例限制评定等次。',
    '计算是精确的:分值不变时,模拟结果与正式结果完全一致。名次或等次发生变化的单位会突出显示。',
  ],
};

/** The rank-stability note, with the parameters of the run filled in. */
export function describeRankStabilityMethod(options: RankStabilityOptions = {}): MethodologyNote {
  const o = { ...defaultRankStabilityOptions, ...options };
  const pct = `±${formatPercent(o.perturbation)}`;
  const threshold = formatPercent(o.flipThreshold);
  return {
    title: '排名稳定性怎么算',
    paragraphs: [
      `指标权重本身带有主观判断。为了看排名在多大程度上取决于权重的具体取值,我们把每个一级指标的分值随机上下浮动(各自独立,在原分值的 ${pct} 范围内均匀取值),再按比例缩放回原来的总分,然后按考核细则重新计分、排名。这样重复 ${o.draws} 次(随机种子 ${o.seed},同一种子每次结果相同)。`,
      '每个单位显示:名次中位数,以及 5%–95% 名次区间(在 90% 的模拟中,名次落在这个区间内)。区间越窄,排名越稳定;区间只有一个名次,说明在这个浮动范围内名次不受权重影响。“保持原名次的比例”是名次与正式名次相同的模拟所占的比例。',
      `对正式排名中相邻的两个单位,如果排在后面的单位在超过 ${threshold} 的模拟中排到了前面,就标注“与相邻单位差异不显著”:两者的先后主要取决于权重怎么定,而不是工作本身的差距。正式排名中并列的单位另行标注为并列。`,
      '重大扣分、加分、否决项和等次分数线保持不变;受一票否决或没有适用指标的单位不参加排名,也不在此列出。模拟只用于分析,不改变正式结果。',
    ],
  };
}

export const rankStabilityMethodology: MethodologyNote = describeRankStabilityMethod();

export const leaveOneOutMethodology: MethodologyNote = {
  title: '逐一去掉指标怎么算',
  paragraphs: [
    '每次去掉一个一级指标(分值记为 0,与权重模拟中去掉指标的做法相同),其余指标分值不变,按考核细则重新计分和排名:得分按剩余指标的适用满分折算为百分制,重大扣分、加分和否决项照常计算。',
    '表中每一列是去掉该指标后的名次。去掉某个指标后名次变化很大的单位,它的排名主要由这个指标决定;去掉后所有名次都不变的指标,对本组排名没有区分作用(例如各单位在该指标上得分相同)。',
  ],
};

export const explanationMethodology: MethodologyNote = {
  title: '得分构成怎么看',
  paragraphs: [
    '瀑布图从满分 100 分开始,依次减去每个一级指标的失分(按对最终得分的影响计:失分 ÷ 适用满分 × 100;适用满分为 100 时就是该指标的失分),再减去重大扣分、加上加分、扣除否决项封顶的部分,最后一根柱子就是正式得分。指标对最终得分的贡献 = 该指标得分 ÷ 适用满分 × 100。各柱数值四舍五入到两位小数,合计与正式得分完全一致。',
    '“与上一名的差距”是排在本单位前面、名次最接近的单位与本单位的得分差,并列出对方得分更高的指标及各差多少分(按对最终得分的贡献计)。',
    '“相对失分较多的指标”:对每个指标,先算出本组适用该指标的单位的平均得分率,再看本单位在这个指标上比“按平均得分率”多丢了多少分,按多丢的分数从大到小排列。',
  ],
};

/** 0.2 → "20%", 0.125 → "12.5%". */
function formatPercent(share: number): string {
  return `${String(Math.round(share * 1000) / 10)}%`;
}
