import type { Generated } from 'kysely';

export interface RectificationItemTable {
  id: Generated<number>;
  code: string;
  unit_id: number;
  period: string;
  title: string;
  requirement: string;
  severity: string;
  responsible_person: string;
  responsible_leader: string;
  source: string;
  status: string;
  version: number;
  issued_at: string;
  issued_on: string;
  due_date: string;
  due_rule: string;
  updated_at: string;
  acknowledged_on: string | null;
  first_submitted_on: string | null;
  last_submitted_on: string | null;
  submission: string | null;
  return_reason: string | null;
  recheck_fail_count: number;
  explanation_reject_count: number;
  closed_on: string | null;
  cancelled_on: string | null;
  cancel_reason: string | null;
  escalation_level: string | null;
  carried_into: string | null;
  /** 1 when the order asks for 佐证材料 (migration 2026-12-07-0801). */
  evidence_required: Generated<number>;
}

export interface RectificationTables {
  rectification_items: RectificationItemTable;
  rectification_item_findings: { item_id: number; finding_id: number };
  rectification_events: {
    id: Generated<number>;
    item_id: number;
    version: number;
    action: string;
    from_status: string | null;
    to_status: string;
    actor_id: number;
    actor_role: string;
    actor_name: string;
    at: string;
    on_date: string;
    detail: string;
  };
  rectification_files: {
    id: Generated<number>;
    item_id: number;
    unit_id: number;
    file_name: string;
    mime: string;
    size: number;
    sha256: string;
    content: Buffer;
    uploaded_at: string;
    uploaded_by: number;
  };
  calendar_overrides: { date: string; kind: string; name: string; updated_at: string };
  notifications: {
    id: Generated<number>;
    user_id: number;
    kind: string;
    title: string;
    body: string;
    item_id: number | null;
    /** JSON: the figures and names of the notice by its kind (NoticeValues); null on rows older than 2026-12-09. */
    notice_values: string | null;
    dedupe_key: string;
    created_at: string;
    read_at: string | null;
  };
}
