import type { Shape } from '../shape';
import type { onboardingZh } from './onboarding.zh';

export const onboardingEn: Shape<typeof onboardingZh> = {
  office: {
    tab: 'Office',
    title: 'This office',
    help: "The office's full name, short name and region. The full name is shown on the sign-in page; the short name and region on pages and exported files.",
    firstRun: "First run: please confirm this office's details",
    name: 'Full name',
    namePlaceholder: 'e.g. Linjiang Municipal Government Office (Transparency Office)',
    shortName: 'Short name',
    shortNamePlaceholder: 'e.g. Transparency Office',
    regionName: 'Region',
    regionNamePlaceholder: 'e.g. Linjiang City',
    save: 'Save office details',
    saved: 'Office details saved',
    setUpAt: 'First confirmed {{at}}',
  },
  checklist: {
    title: 'Getting started: setup for {{year}}',
    help: 'A new office takes these steps before its first quarterly assessment. Each step is ticked once done; the checklist leaves the overview once the office details are confirmed.',
    progress: '{{done}} of {{total}} steps done',
    done: 'Done',
    todo: 'To do',
    go: 'Go',
    steps: {
      office: { title: 'Office details', description: "Under Settings › Office, enter the office's full name, short name and region." },
      groups: {
        title: 'Assessment groups',
        description:
          "Under Settings › Groups, create this year's groups (e.g. counties, city departments, townships); units are ranked within their group.",
      },
      units: {
        title: 'Import units',
        description: 'On the Units page, import the unit list (.xlsx or .csv: code, name, group, kind, parent, tags).',
      },
      liaisons: {
        title: 'Liaison accounts',
        description:
          'Under Settings › Users, create liaison accounts for all units at once and hand out the .xlsx with their one-time passwords.',
      },
      scheme: {
        title: 'Import the scheme',
        description: "Under Assessment › Schemes, import the office's own scheme table (.xlsx/.docx) and confirm each scoring rule.",
      },
      round: {
        title: 'Open a round',
        description: 'Add the quarter under Settings › Periods (e.g. 2026Q4), then open its round under Assessment.',
      },
    },
  },
};
