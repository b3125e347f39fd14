// The province landing page's two views of its cities (from province.summary): a table and the
// grade chart (through the one ECharts host). A click on a city opens its overview.
import { Button, Empty, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outputs } from '../../api-types';
import { EChart } from '../../charts/echart';
import { gradeColor } from '../../charts/chart-palette';
import { formatScore } from '../../lib/format-number';
import { chartsEn } from '../../i18n/areas/charts.en';
import { chartsZh } from '../../i18n/areas/charts.zh';
import { provinceEn } from '../../i18n/areas/province.en';
import { provinceZh } from '../../i18n/areas/province.zh';
import { buildProvinceChartOption, type ProvinceChartLabels } from './province-chart-option';

type Summary = Outputs['province']['summary'];
type City = Summary['cities'][number];

export function ProvinceCitiesTable({ summary, onOpen }: { summary: Summary; onOpen: (cityId: number) => void }) {
  const { t, i18n } = useTranslation();
  const gradeNames: Readonly<Record<string, string>> = i18n.language === 'en' ? chartsEn.gradeNames : chartsZh.gradeNames;
  return (
    <Table<City>
      data-testid="province-cities"
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={summary.cities}
      locale={{ emptyText: <Empty description={t('province.empty')} /> }}
      onRow={(city) => ({ 'data-testid': `province-city-${city.id}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'city',
          title: t('province.columns.city'),
          render: (_, city) => (
            <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(city.id)} data-testid="province-open-city">
              {city.name}
            </Button>
          ),
        },
        {
          key: 'period',
          title: t('province.columns.period'),
          render: (_, city) => city.period ?? <Typography.Text type="secondary">{t('province.notPublished')}</Typography.Text>,
        },
        { key: 'publishedAt', title: t('province.columns.publishedAt'), render: (_, city) => city.publishedAt?.slice(0, 10) ?? '—' },
        { key: 'units', title: t('province.columns.units'), align: 'right', dataIndex: 'units' },
        { key: 'ranked', title: t('province.columns.ranked'), align: 'right', dataIndex: 'ranked' },
        { key: 'mean', title: t('province.columns.mean'), align: 'right', render: (_, city) => formatScore(city.mean) },
        { key: 'median', title: t('province.columns.median'), align: 'right', render: (_, city) => formatScore(city.median) },
        {
          key: 'grades',
          title: t('province.columns.grades'),
          render: (_, city) =>
            city.grades
              .filter((g) => g.count > 0)
              .map((g) => (
                <Tag key={g.grade} color={gradeColor(g.grade)}>
                  {gradeNames[g.grade] ?? g.grade} {g.count}
                </Tag>
              )),
        },
        {
          key: 'failing',
          title: t('province.columns.failing'),
          align: 'right',
          render: (_, city) => (city.failing > 0 ? <Typography.Text type="danger">{city.failing}</Typography.Text> : city.failing),
        },
      ]}
    />
  );
}

export function ProvinceCitiesChart({ summary, onOpen }: { summary: Summary; onOpen: (cityId: number) => void }) {
  const { t } = useTranslation();
  const { i18n } = useTranslation();
  // The raw strings of the language shown: the builder fills {{count}} itself.
  const strings = i18n.language === 'en' ? provinceEn : provinceZh;
  const gradeNames = i18n.language === 'en' ? chartsEn.gradeNames : chartsZh.gradeNames;
  const labels = useMemo<ProvinceChartLabels>(
    () => ({ ...strings.tooltip, notPublished: strings.notPublished, gradeNames }),
    [strings, gradeNames],
  );
  const option = useMemo(() => buildProvinceChartOption(summary, labels), [summary, labels]);
  const events = useMemo(
    () => ({
      click: (p: { name?: string }) => {
        const id = Number(p.name);
        if (Number.isSafeInteger(id) && id > 0) onOpen(id);
      },
    }),
    [onOpen],
  );
  return <EChart option={option} ariaLabel={t('province.chartAria')} height={320} onEvents={events} testId="province-chart" />;
}
