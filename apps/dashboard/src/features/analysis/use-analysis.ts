import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fromAnalysisGroupData, type AnalysisGroup } from '@kaoping/domain/analysis/analysis-group';
import type { Outputs } from '../../api-types';
import { analysisMethodologyEn } from '../../i18n/areas/analysis.en';
import { analysisMethodologyZh, type AnalysisMethodology } from '../../i18n/areas/analysis.zh';
import { useTRPC } from '../../trpc';

export type AnalysisGroupResponse = Outputs['analysis']['group'];
export type OfficialRow = AnalysisGroupResponse['official'][number];

/** One published group from the server, and its typed arrays rebuilt once for live recomputes. */
export function useAnalysisGroup(period: string | null, groupCode: string | null) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.analysis.group.queryOptions({ period: period ?? '', groupCode: groupCode ?? '' }),
    enabled: period !== null && groupCode !== null,
    // a publication never changes; a restatement is a new one, found on the next visit
    staleTime: 5 * 60_000,
  });
  const group = useMemo<AnalysisGroup | null>(() => (query.data ? fromAnalysisGroupData(query.data.data) : null), [query.data]);
  return { query, group };
}

/** The methodology notes in the current language. */
export function useMethodology(): AnalysisMethodology {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? analysisMethodologyEn : analysisMethodologyZh;
}
