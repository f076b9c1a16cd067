// The in-memory dataset every loader fills: accounts, posts and a columnar edge table.
// Loaders validate records and hand them to a DatasetCollector; builders read the finished Dataset.
import type { Platform } from '@kolmap/model';
import { InputLimitError, type InputLocation, type InputProblem } from '../errors.js';
import { toEpochMs } from '../schema/dates.js';
import type { Account, Follow, Interaction, Post } from '../schema/records.js';
import { EdgeTable, typeCode } from './edge-table.js';

/** An account of the dataset. `stub` accounts were only referenced (mentioned, followed…), never described. */
export interface AccountEntry extends Account {
  key: string;
  stub?: boolean;
  /** Extra attributes carried by graph formats (GML, GEXF, GraphML), kept as they were. */
  attributes?: Record<string, unknown>;
}

export interface LoadReport {
  /** Files read, in order. */
  files: string[];
  /** Records accepted, per kind. */
  records: { account: number; follow: number; post: number; interaction: number };
  /** Records rejected under `skipInvalid`, with where and why. */
  rejected: InputProblem[];
  /** Accounts or posts described more than once; the first description is kept. */
  duplicates: InputProblem[];
  /** Other remarks: ignored files, references to posts absent from the data… */
  warnings: string[];
}

export interface Dataset {
  /** Accounts, indexed like the edge table's source/target columns. */
  accounts: AccountEntry[];
  posts: Post[];
  edges: EdgeTable;
  /** false when the input says its links have no direction (or the user said --undirected). */
  directed: boolean;
  report: LoadReport;
}

/** The key of an account in every graph kolmap builds: `platform:id`. */
export function accountKey(platform: Platform, id: string): string {
  return `${platform}:${id}`;
}

export function emptyReport(): LoadReport {
  return {
    files: [],
    records: { account: 0, follow: 0, post: 0, interaction: 0 },
    rejected: [],
    duplicates: [],
    warnings: [],
  };
}

export interface DatasetCollectorOptions {
  /** Platform of records that do not name one (plain edge lists, GML…). Default `other`. */
  defaultPlatform?: Platform;
  /** Records the collector takes at most; one more throws InputLimitError. Default no limit. */
  maxRecords?: number;
}

const POST_LINKS = [
  ['replyTo', 'reply'],
  ['repostOf', 'repost'],
  ['quoteOf', 'quote'],
  ['commentOn', 'comment'],
] as const;

/**
 * Collects validated records from one or more loaders. Referenced but undescribed accounts become
 * stubs; post mentions and replies/reposts/quotes/comments become edges when `finish()` is called
 * (so a post may refer to one that comes later in the input).
 */
export class DatasetCollector {
  readonly report: LoadReport = emptyReport();
  readonly defaultPlatform: Platform;
  directed = true;
  private readonly accounts: AccountEntry[] = [];
  /** Account index by platform, then by platform-native id (no string concatenation on the hot path). */
  private readonly indexById = new Map<Platform, Map<string, number>>();
  private readonly posts: Post[] = [];
  private readonly postByKey = new Map<string, Post>();
  private readonly edges = new EdgeTable();
  private readonly maxRecords: number;
  private records = 0;

  constructor(options: DatasetCollectorOptions = {}) {
    this.defaultPlatform = options.defaultPlatform ?? 'other';
    this.maxRecords = options.maxRecords ?? Number.POSITIVE_INFINITY;
  }

  /** Counts one more record, failing the load once there are more than `maxRecords`. */
  private countRecord(at: InputLocation): void {
    if (++this.records > this.maxRecords) {
      throw new InputLimitError(
        'maxRecords',
        this.maxRecords,
        at,
        'the input holds more records than allowed',
      );
    }
  }

  /** Index of an account, created as a stub when unknown. */
  accountIndex(platform: Platform, id: string): number {
    const ids = this.idsOn(platform);
    const known = ids.get(id);
    if (known !== undefined) return known;
    const index = this.accounts.length;
    this.accounts.push({ key: accountKey(platform, id), platform, id, stub: true });
    ids.set(id, index);
    return index;
  }

  private idsOn(platform: Platform): Map<string, number> {
    let ids = this.indexById.get(platform);
    if (!ids) {
      ids = new Map();
      this.indexById.set(platform, ids);
    }
    return ids;
  }

  addAccount(account: Account, at: InputLocation, attributes?: Record<string, unknown>): void {
    const { kind: _kind, ...fields } = account;
    const key = accountKey(account.platform, account.id);
    const ids = this.idsOn(account.platform);
    const known = ids.get(account.id);
    const entry: AccountEntry = attributes ? { key, ...fields, attributes } : { key, ...fields };
    this.countRecord(at);
    this.report.records.account++;
    if (known === undefined) {
      ids.set(account.id, this.accounts.length);
      this.accounts.push(entry);
    } else if (this.accounts[known]?.stub) {
      this.accounts[known] = entry;
    } else {
      this.report.duplicates.push({
        ...at,
        field: 'id',
        message: `account ${key} is described again; the first description is kept`,
      });
    }
  }

  addFollow(follow: Follow, at: InputLocation): void {
    this.countRecord(at);
    this.report.records.follow++;
    const source = this.accountIndex(follow.platform, follow.source);
    const target = this.accountIndex(follow.platform, follow.target);
    this.edges.push(source, target, typeCode('follow'), toTime(follow.since), 1);
  }

  addInteraction(interaction: Interaction, at: InputLocation): void {
    this.countRecord(at);
    this.report.records.interaction++;
    const platform = interaction.platform ?? this.defaultPlatform;
    const source = this.accountIndex(platform, interaction.source);
    const target = this.accountIndex(platform, interaction.target);
    this.edges.push(
      source,
      target,
      typeCode(interaction.type),
      toTime(interaction.timestamp),
      interaction.weight ?? 1,
    );
  }

  addPost(post: Post, at: InputLocation): void {
    const key = accountKey(post.platform, post.id);
    if (this.postByKey.has(key)) {
      this.report.duplicates.push({
        ...at,
        field: 'id',
        message: `post ${key} appears again; the first is kept`,
      });
      return;
    }
    this.countRecord(at);
    this.report.records.post++;
    const { kind: _kind, ...fields } = post;
    this.postByKey.set(key, fields);
    this.posts.push(fields);
    this.accountIndex(post.platform, post.author);
  }

  /** Resolves post references into edges and returns the dataset. Call once. */
  finish(): Dataset {
    this.resolvePostEdges();
    return {
      accounts: this.accounts,
      posts: this.posts,
      edges: this.edges,
      directed: this.directed,
      report: this.report,
    };
  }

  private resolvePostEdges(): void {
    const byHandle = new Map<string, number>();
    this.accounts.forEach((account, index) => {
      if (account.handle) byHandle.set(handleKey(account.platform, account.handle), index);
    });
    let unresolved = 0;
    for (const post of this.posts) {
      const author = this.accountIndex(post.platform, post.author);
      const time = toTime(post.createdAt);
      for (const mention of post.mentions ?? []) {
        const target = this.mentionedAccount(post.platform, mention, byHandle);
        this.edges.push(author, target, typeCode('mention'), time, 1);
      }
      for (const [field, type] of POST_LINKS) {
        const ref = post[field];
        if (ref === undefined) continue;
        const referenced = this.postByKey.get(accountKey(post.platform, ref));
        if (!referenced) {
          unresolved++;
          continue;
        }
        const target = this.accountIndex(referenced.platform, referenced.author);
        this.edges.push(author, target, typeCode(type), time, 1);
      }
    }
    if (unresolved > 0) {
      this.report.warnings.push(
        `${unresolved} replies, reposts, quotes or comments point to posts that are not in the data; they add no edge`,
      );
    }
  }

  private mentionedAccount(
    platform: Platform,
    mention: string,
    byHandle: Map<string, number>,
  ): number {
    const bare = mention.replace(/^@/, '');
    if (this.idsOn(platform).has(bare)) return this.accountIndex(platform, bare);
    return byHandle.get(handleKey(platform, bare)) ?? this.accountIndex(platform, bare);
  }
}

function handleKey(platform: Platform, handle: string): string {
  return `${platform}:${handle.replace(/^@/, '').toLowerCase()}`;
}

function toTime(date: string | undefined): number {
  return date === undefined ? Number.NaN : toEpochMs(date);
}
