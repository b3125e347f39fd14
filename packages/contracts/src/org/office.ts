// The office (政务公开办) that owns the data: its details as an admin confirms them on first run
// (设置 › 机构信息), and the first-run checklist derived from what the database already holds.
import { z } from 'zod';
import { nameSchema } from '../text';
import { versionSchema } from '../common';

export const officeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string(),
  regionName: z.string(),
  /** ISO instant an admin first confirmed the details; null until then (first run). */
  setUpAt: z.string().nullable(),
  version: z.number().int(),
});
export type Office = z.infer<typeof officeSchema>;

export const officeUpdateInputSchema = z.object({
  version: versionSchema,
  name: nameSchema('机构全称', 2, 60),
  shortName: nameSchema('机构简称', 2, 30),
  regionName: nameSchema('所辖地区', 2, 30),
});
export type OfficeUpdateInput = z.infer<typeof officeUpdateInputSchema>;

/** The first-run steps, in the order an office takes them. */
export const setupSteps = ['office', 'groups', 'units', 'liaisons', 'scheme', 'round'] as const;
export type SetupStep = (typeof setupSteps)[number];

export interface OfficeSetup {
  /** The China calendar year the steps are counted for (groups, scheme). */
  year: number;
  /** True once the office's details were confirmed; the overview shows the checklist until then. */
  setUp: boolean;
  /** The database holds the generated demo city, which arrives complete: no checklist at all. */
  demo: boolean;
  done: Record<SetupStep, boolean>;
}

/** What the sign-in page may know before anyone signs in. */
export interface SignInInfo {
  /** The office's name once an admin has confirmed it; null on a fresh database. */
  officeName: string | null;
  /** Whether the database holds the generated demo city (its accounts are listed on the sign-in page). */
  demo: boolean;
}
