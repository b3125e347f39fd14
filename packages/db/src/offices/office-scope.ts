import {
  AliasNode,
  AndNode,
  OnNode,
  ParensNode,
  WhereNode,
  BinaryOperationNode,
  ColumnNode,
  IdentifierNode,
  type JoinNode,
  OperationNodeTransformer,
  OperatorNode,
  PrimitiveValueListNode,
  ReferenceNode,
  SelectionNode,
  SelectQueryNode,
  TableNode,
  ValueListNode,
  ValueNode,
  ValuesNode,
  type DeleteQueryNode,
  type InsertQueryNode,
  type Kysely,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type UpdateQueryNode,
} from 'kysely';
import type { Database } from '../schema';

// Tenancy (issue #14 part 3): every table holding an office's data carries `office_id`, and no query
// reaches such a table without it. Two plugins enforce that at the one place every query passes:
// - the root handle a connection opens carries OfficeGuardPlugin, which refuses any statement
//   naming an office table;
// - `scopeToOffice(db, id)` swaps it for OfficeScopePlugin, which adds `<ref>.office_id = id` to every
//   reference of an office table (FROM items in WHERE, joins in their ON so outer joins stay outer,
//   subqueries and CTE bodies each on their own), sets office_id on inserts and leads ON CONFLICT
//   targets with it (the unique keys lead with office_id since the office-key migration);
// - `acrossOffices(db)` is the explicit, greppable way out (migrations, sign-in and session lookup,
//   seeding several offices, a province's reads of its cities).
// Tables are office tables unless listed here, so a new table is scoped (and fails loudly if it lacks
// the column) rather than silently shared.

/** Tables shared by the whole deployment; every other table holds one office's data. */
export const GLOBAL_TABLES: ReadonlySet<string> = new Set([
  'offices',
  // A session token is resolved before the office is known (the user it names gives the office).
  'sessions',
  // Keys are usernames and addresses, counted before the account (and so its office) is known.
  'login_throttle',
  // One lease per periodic job of the deployment; the job itself runs office by office.
  'job_leases',
  'kysely_migration',
  'kysely_migration_lock',
]);

export const OFFICE_COLUMN = 'office_id';

export function isOfficeTable(name: string): boolean {
  return !GLOBAL_TABLES.has(name);
}

export class OfficeScopeError extends Error {
  override name = 'OfficeScopeError';
}

function tableName(node: OperationNode): { name: string; qualifier: TableNode } | null {
  if (TableNode.is(node)) return { name: node.table.identifier.name, qualifier: node };
  if (AliasNode.is(node) && TableNode.is(node.node)) {
    if (!IdentifierNode.is(node.alias)) throw new OfficeScopeError('unsupported table alias');
    return { name: node.node.table.identifier.name, qualifier: TableNode.create(node.alias.name) };
  }
  return null;
}

/** Names of common table expressions anywhere in the tree (a CTE named like an office table is refused). */
function collectCteNames(node: OperationNode, into: Set<string>): void {
  const walker = new (class extends OperationNodeTransformer {
    protected override transformCommonTableExpressionName(
      n: Parameters<OperationNodeTransformer['transformCommonTableExpressionName']>[0],
    ) {
      into.add(n.table.table.identifier.name);
      return super.transformCommonTableExpressionName(n);
    }
  })();
  walker.transformNode(node);
}

// Raw statements are opaque to the AST: refuse one whose text reads or writes a table that is not
// global (catalog queries and advisory locks pass).
const RAW_TABLE_REFERENCE = /\b(?:from|join|into|update|table)\s+"?([a-z_][a-z0-9_]*)"?/gi;
const CATALOG = /^(?:pg_|sqlite_|information_schema|pragma_)/i;

function rawNamesOfficeTable(node: RootOperationNode): string | null {
  if (node.kind !== 'RawNode') return null;
  const text = (node as unknown as { sqlFragments: readonly string[] }).sqlFragments.join(' ? ');
  for (const match of text.matchAll(RAW_TABLE_REFERENCE)) {
    const name = (match[1] ?? '').toLowerCase();
    if (name !== '' && !CATALOG.test(name) && isOfficeTable(name)) return name;
  }
  return null;
}

const isDml = (node: RootOperationNode): boolean =>
  node.kind === 'SelectQueryNode' ||
  node.kind === 'InsertQueryNode' ||
  node.kind === 'UpdateQueryNode' ||
  node.kind === 'DeleteQueryNode' ||
  node.kind === 'MergeQueryNode';

class TableCollector extends OperationNodeTransformer {
  readonly tables = new Set<string>();
  protected override transformTable(node: TableNode): TableNode {
    this.tables.add(node.table.identifier.name);
    return super.transformTable(node);
  }
}

/** On the root handle: any statement on an office table without an office scope is a programming error. */
export class OfficeGuardPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const raw = rawNamesOfficeTable(args.node);
    if (raw !== null) throw new OfficeScopeError(`未限定单位范围的查询:原始 SQL 引用了 ${raw}(use scopeToOffice or acrossOffices)`);
    if (!isDml(args.node)) return args.node;
    const collector = new TableCollector();
    collector.transformNode(args.node);
    const cte = new Set<string>();
    collectCteNames(args.node, cte);
    for (const t of collector.tables)
      if (isOfficeTable(t) && !cte.has(t))
        throw new OfficeScopeError(`未限定单位范围的查询:${t}(use scopeToOffice(db, officeId) or acrossOffices(db))`);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

class OfficeScopeTransformer extends OperationNodeTransformer {
  constructor(
    private readonly officeId: number,
    private readonly cteNames: ReadonlySet<string>,
  ) {
    super();
  }

  private scoped(name: string): boolean {
    return isOfficeTable(name) && !this.cteNames.has(name);
  }

  private predicate(qualifier: TableNode): OperationNode {
    return BinaryOperationNode.create(
      ReferenceNode.create(ColumnNode.create(OFFICE_COLUMN), qualifier),
      OperatorNode.create('='),
      ValueNode.create(this.officeId),
    );
  }

  /** Predicates for FROM-like items (FROM, UPDATE target and its FROM, DELETE's FROM and USING). */
  private fromPredicates(items: readonly OperationNode[]): OperationNode[] {
    const out: OperationNode[] = [];
    for (const item of items) {
      const t = tableName(item);
      if (t && this.scoped(t.name)) out.push(this.predicate(t.qualifier));
    }
    return out;
  }

  /** `(<existing>) and p1 and p2`: the parentheses keep an OR in the query's own filter from swallowing the office. */
  private withWhere<T extends SelectQueryNode | UpdateQueryNode | DeleteQueryNode>(node: T, predicates: OperationNode[]): T {
    if (predicates.length === 0) return node;
    const all = node.where ? [ParensNode.create(node.where.where), ...predicates] : predicates;
    return { ...node, where: WhereNode.create(all.reduce((a, b) => AndNode.create(a, b))) };
  }

  protected override transformSelectQuery(node: SelectQueryNode): SelectQueryNode {
    const transformed = super.transformSelectQuery(node);
    return this.withWhere(transformed, this.fromPredicates(transformed.from?.froms ?? []));
  }

  protected override transformJoin(node: JoinNode): JoinNode {
    const transformed = super.transformJoin(node);
    const t = tableName(transformed.table);
    if (!t || !this.scoped(t.name)) return transformed;
    if (!transformed.on) throw new OfficeScopeError(`join of ${t.name} without ON cannot be scoped to an office`);
    return { ...transformed, on: OnNode.create(AndNode.create(ParensNode.create(transformed.on.on), this.predicate(t.qualifier))) };
  }

  protected override transformUpdateQuery(node: UpdateQueryNode): UpdateQueryNode {
    const transformed = super.transformUpdateQuery(node);
    for (const u of transformed.updates ?? [])
      if (ColumnNode.is(u.column) && u.column.column.name === OFFICE_COLUMN)
        throw new OfficeScopeError('an office-scoped handle cannot move rows to another office');
    const items = [...(transformed.table ? [transformed.table] : []), ...(transformed.from?.froms ?? [])];
    return this.withWhere(transformed, this.fromPredicates(items));
  }

  protected override transformDeleteQuery(node: DeleteQueryNode): DeleteQueryNode {
    const transformed = super.transformDeleteQuery(node);
    const items = [...transformed.from.froms, ...(transformed.using?.tables ?? [])];
    return this.withWhere(transformed, this.fromPredicates(items));
  }

  protected override transformInsertQuery(node: InsertQueryNode): InsertQueryNode {
    const transformed = super.transformInsertQuery(node);
    const into = transformed.into;
    if (!into || !this.scoped(into.table.identifier.name)) return transformed;
    const columns = transformed.columns ?? [];
    if (columns.some((c) => c.column.name === OFFICE_COLUMN))
      throw new OfficeScopeError('an office-scoped handle sets office_id itself; do not pass it');
    const values = transformed.values;
    let nextValues: OperationNode;
    if (values && values.kind === 'ValuesNode') {
      nextValues = ValuesNode.create(
        (values as ValuesNode).values.map((row) =>
          row.kind === 'PrimitiveValueListNode'
            ? PrimitiveValueListNode.create([...row.values, this.officeId])
            : ValueListNode.create([...row.values, ValueNode.create(this.officeId)]),
        ),
      );
    } else if (values && SelectQueryNode.is(values)) {
      nextValues = SelectQueryNode.cloneWithSelections(values, [
        SelectionNode.create(AliasNode.create(ValueNode.create(this.officeId), IdentifierNode.create(OFFICE_COLUMN))),
      ]);
    } else {
      throw new OfficeScopeError(`insert into ${into.table.identifier.name} without values cannot be scoped to an office`);
    }
    const onConflict = transformed.onConflict;
    return {
      ...transformed,
      columns: [...columns, ColumnNode.create(OFFICE_COLUMN)],
      values: nextValues,
      ...(onConflict
        ? {
            onConflict: (() => {
              if (onConflict.constraint || onConflict.indexExpression)
                throw new OfficeScopeError('ON CONFLICT on a named constraint or expression cannot be scoped; name the columns');
              return onConflict.columns
                ? { ...onConflict, columns: [ColumnNode.create(OFFICE_COLUMN), ...onConflict.columns] }
                : onConflict;
            })(),
          }
        : {}),
    };
  }
}

/** Scopes every statement to one office (see the file comment). */
export class OfficeScopePlugin implements KyselyPlugin {
  constructor(readonly officeId: number) {
    if (!Number.isSafeInteger(officeId) || officeId <= 0) throw new OfficeScopeError(`invalid office id ${String(officeId)}`);
  }
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const raw = rawNamesOfficeTable(args.node);
    if (raw !== null) throw new OfficeScopeError(`原始 SQL 无法限定单位范围:${raw}`);
    if (!isDml(args.node)) return args.node;
    // CTE names are looked for only when the statement has a WITH (a walk of the whole tree costs as much as
    // the rewrite). A CTE inside a subquery is not seen: its references get the office predicate and fail
    // loudly (no such column), never silently unscoped.
    const cte = new Set<string>();
    if ('with' in args.node && args.node.with) collectCteNames(args.node, cte);
    return new OfficeScopeTransformer(this.officeId, cte).transformNode(args.node);
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

// One scoped handle per (handle, office), so a request's handle is the same object for every request of
// that office: caches keyed by the handle (WeakMap<Db, …>) keep working per office and never mix two.
const scopedHandles = new WeakMap<object, Map<number, unknown>>();

/** The handle of one office: every statement is limited to its rows and inserts land in it. */
export function scopeToOffice<T extends Kysely<Database>>(db: T, officeId: number): T {
  let byOffice = scopedHandles.get(db);
  if (!byOffice) {
    byOffice = new Map();
    scopedHandles.set(db, byOffice);
  }
  const kept = byOffice.get(officeId) as T | undefined;
  if (kept) return kept;
  // Kysely and Transaction both return their own kind from withoutPlugins/withPlugin.
  const scoped = db.withoutPlugins().withPlugin(new OfficeScopePlugin(officeId)) as T;
  byOffice.set(officeId, scoped);
  return scoped;
}

/**
 * The handle without office scope, for work that spans offices by design: migrations, session and
 * sign-in lookups, seeding several offices, a province's reads of its cities. Every call site is a
 * decision; grep for it.
 */
const acrossHandles = new WeakMap<Kysely<Database>, Kysely<Database>>();
export function acrossOffices<T extends Kysely<Database>>(db: T): T {
  // One handle per handle, like scopeToOffice: statements compiled once per handle (the session lookup) stay compiled.
  let across = acrossHandles.get(db);
  if (across === undefined) {
    across = db.withoutPlugins();
    acrossHandles.set(db, across);
  }
  return across as T;
}

/** Root handles refuse office tables until scoped. */
export function guardOffices<DB>(db: Kysely<DB>): Kysely<DB> {
  return db.withoutPlugins().withPlugin(new OfficeGuardPlugin());
}

/**
 * The office a handle is scoped to, or null (the root handle, or one across offices). Anything kept
 * between requests that holds office data (caches) keys by it.
 */
export function officeOf<DB>(db: Kysely<DB>): number | null {
  const scope = db.getExecutor().plugins.find((p): p is OfficeScopePlugin => p instanceof OfficeScopePlugin);
  return scope?.officeId ?? null;
}
