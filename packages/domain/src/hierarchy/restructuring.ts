/**
 * Restructuring of regions, kept as history. Regions carry validity dates; a succession records
 * `oldCode → newCode` with a type and an effective date:
 *   split   a new region carved out of an old one (the old one goes on): 91 → 93 in 2022
 *   recode  a region goes on under a new code (a regency moving to a new province): 91.01 → 93.01
 *   merge   regions joined into a new one (the old ones end)
 *   rename  same code, new name (`newName`)
 * A task force keeps its id through all of these: its link to a region changes on the date.
 * Codes are never reused with a new meaning.
 */
import { textSchema } from "../text.ts";
import { z } from "zod";
import { IsoDateSchema, assertIsoDate, dayBefore, isValidAt } from "../dates.ts";
import type { IsoDate, Validity } from "../dates.ts";
import { DomainError } from "../errors.ts";
import { RegionCodeSchema, regionLevelOf } from "../regions/codes.ts";
import { timeZoneOf } from "../regions/time-zones.ts";

export const SUCCESSION_TYPES = ["split", "recode", "merge", "rename"] as const;
export type SuccessionType = (typeof SUCCESSION_TYPES)[number];

export type Succession = {
  oldCode: string;
  newCode: string;
  type: SuccessionType;
  effectiveDate: IsoDate;
  /** For a rename, the new name; for a split/recode/merge, the new region's name. */
  newName: string | null;
  /** The law or decree, e.g. "UU 14/2022". */
  legalBasis: string | null;
};

/** The edges a succession draws between codes (a rename keeps its code and draws none). */
function edges(successions: readonly Succession[]): Succession[] {
  return successions.filter((s) => s.type !== "rename" && s.oldCode !== s.newCode);
}

/**
 * A chain of codes that leads back to where it started (`a → b → a`), or null. Successions must
 * form no cycle: history runs one way.
 */
export function findSuccessionCycle(successions: readonly Succession[]): string[] | null {
  const next = new Map<string, string[]>();
  for (const s of edges(successions)) next.set(s.oldCode, [...(next.get(s.oldCode) ?? []), s.newCode]);
  const state = new Map<string, "visiting" | "done">();
  const path: string[] = [];
  const visit = (code: string): string[] | null => {
    if (state.get(code) === "done") return null;
    if (state.get(code) === "visiting") return [...path.slice(path.indexOf(code)), code];
    state.set(code, "visiting");
    path.push(code);
    for (const n of next.get(code) ?? []) {
      const cycle = visit(n);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(code, "done");
    return null;
  };
  for (const code of next.keys()) {
    const cycle = visit(code);
    if (cycle) return cycle;
  }
  return null;
}

/** Successions grouped by effective date, in time order. */
function byDate(successions: readonly Succession[]): Succession[][] {
  const groups = new Map<string, Succession[]>();
  for (const s of edges(successions)) groups.set(s.effectiveDate, [...(groups.get(s.effectiveDate) ?? []), s]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, group]) => group);
}

/**
 * Where a region went: the codes that carry on what `code` covered, as of `date`, following every
 * succession that took effect on or before it. A recode or merge moves on to the new code; a split
 * keeps the old code and adds the new one.
 */
export function resolveForward(successions: readonly Succession[], code: string, date: IsoDate): string[] {
  assertIsoDate(date);
  let current = new Set([code]);
  for (const group of byDate(successions).filter((g) => g[0]!.effectiveDate <= date)) {
    const next = new Set<string>();
    for (const c of current) {
      const outs = group.filter((s) => s.oldCode === c);
      if (outs.length === 0 || outs.every((s) => s.type === "split")) next.add(c);
      for (const s of outs) next.add(s.newCode);
    }
    current = next;
  }
  return [...current].sort();
}

/**
 * Where a region came from: the codes that covered what `code` covers, as they were on `date`,
 * undoing every succession that took effect after it. A recode goes back to its old code, a merge
 * to all the merged codes, a split to the region it was carved from.
 */
export function resolveBackward(successions: readonly Succession[], code: string, date: IsoDate): string[] {
  assertIsoDate(date);
  let current = new Set([code]);
  for (const group of byDate(successions).filter((g) => g[0]!.effectiveDate > date).reverse()) {
    const next = new Set<string>();
    for (const c of current) {
      const ins = group.filter((s) => s.newCode === c);
      if (ins.length === 0) next.add(c);
      for (const s of ins) next.add(s.oldCode);
    }
    current = next;
  }
  return [...current].sort();
}

/** A region's name on a date: its latest rename on or before the date, else its first name. */
export function regionNameAt(region: { code: string; name: string }, successions: readonly Succession[], date: IsoDate): string {
  const renames = successions
    .filter((s) => s.type === "rename" && s.oldCode === region.code && s.effectiveDate <= date && s.newName !== null)
    .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  return renames.at(-1)?.newName ?? region.name;
}

// ---------------------------------------------------------------------------------------------
// Recording a restructuring: a plan is checked against the regions as they stand, and turned into
// the changes to write. Nothing here writes; the database applies the change set in one transaction.

// Free text under the one text rule (control characters, trimming, no NIK or phone number).
const NameSchema = textSchema("NAME_INVALID", { max: 120 });
const LegalBasisSchema = textSchema("VALIDATION_FAILED", { max: 200 });

export const RestructurePlanSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("split"),
      effectiveDate: IsoDateSchema,
      legalBasis: LegalBasisSchema,
      sourceCode: RegionCodeSchema,
      newCode: RegionCodeSchema,
      newName: NameSchema,
      /** Regencies/cities that move from the source province into the new one, each with its new code. */
      moves: z.array(z.object({ oldCode: RegionCodeSchema, newCode: RegionCodeSchema }).strict()).max(100).default([]),
    })
    .strict(),
  z
    .object({
      kind: z.literal("merge"),
      effectiveDate: IsoDateSchema,
      legalBasis: LegalBasisSchema,
      /** The regions joined; the first one's task force carries on under the new code. */
      sourceCodes: z.array(RegionCodeSchema).min(2).max(10),
      newCode: RegionCodeSchema,
      newName: NameSchema,
    })
    .strict(),
  z
    .object({ kind: z.literal("recode"), effectiveDate: IsoDateSchema, legalBasis: LegalBasisSchema, oldCode: RegionCodeSchema, newCode: RegionCodeSchema, newName: NameSchema.nullable().default(null) })
    .strict(),
  z.object({ kind: z.literal("rename"), effectiveDate: IsoDateSchema, legalBasis: LegalBasisSchema, code: RegionCodeSchema, newName: NameSchema }).strict(),
]);
export type RestructurePlan = z.infer<typeof RestructurePlanSchema>;

/** A region version as stored. */
export type RegionRecord = { code: string; name: string } & Validity;
/** A task force's link to a region over time. */
export type RegionLink = { taskForceId: number; regionCode: string } & Validity;

export type HierarchyState = {
  regions: readonly RegionRecord[];
  links: readonly RegionLink[];
  successions: readonly Succession[];
};

/** What a restructuring writes. */
export type ChangeSet = {
  /** Regions that stop existing (their last day). */
  endRegions: { code: string; validTo: IsoDate }[];
  /** New regions (from the effective date). */
  newRegions: { code: string; name: string; validFrom: IsoDate }[];
  /** Task-force links that end (last day) and links that start. */
  endLinks: { taskForceId: number; regionCode: string; validTo: IsoDate }[];
  newLinks: { taskForceId: number; regionCode: string; validFrom: IsoDate }[];
  /** Task forces created for new regions, and those that end with their region. */
  newTaskForces: { regionCode: string; validFrom: IsoDate }[];
  endTaskForces: { taskForceId: number; validTo: IsoDate }[];
  successions: Succession[];
};

function invalid(details: Record<string, string>): never {
  throw new DomainError("RESTRUCTURE_INVALID", details);
}

/**
 * Checks a restructuring against the current state and returns the changes that carry it out.
 * Throws `RESTRUCTURE_INVALID` (with the reason), `REGION_NOT_AT_DATE`, `REGION_CODE_USED`,
 * `RESTRUCTURE_TOO_EARLY` or `SUCCESSION_CYCLE`.
 */
export function planRestructuring(plan: RestructurePlan, state: HierarchyState): ChangeSet {
  const date = plan.effectiveDate;
  const lastDay = dayBefore(date);
  const regionAt = (code: string) => state.regions.find((r) => r.code === code && isValidAt(r, date));
  const linkAt = (code: string) => state.links.find((l) => l.regionCode === code && isValidAt(l, date));
  const requireExisting = (code: string) => {
    const region = regionAt(code);
    const link = linkAt(code);
    if (!region || !link) throw new DomainError("REGION_NOT_AT_DATE", { code, date });
    const latestChange = [region.validFrom, link.validFrom, ...state.successions.filter((s) => s.newCode === code || s.oldCode === code).map((s) => s.effectiveDate)]
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1);
    if (latestChange !== undefined && latestChange >= date) throw new DomainError("RESTRUCTURE_TOO_EARLY", { code, date });
    return { region, link };
  };
  const requireFresh = (code: string) => {
    if (state.regions.some((r) => r.code === code)) throw new DomainError("REGION_CODE_USED", { code });
    try {
      timeZoneOf(code);
    } catch {
      invalid({ reason: "time_zone", code });
    }
  };
  const change: ChangeSet = { endRegions: [], newRegions: [], endLinks: [], newLinks: [], newTaskForces: [], endTaskForces: [], successions: [] };
  const succession = (oldCode: string, newCode: string, type: SuccessionType, newName: string | null): Succession => ({ oldCode, newCode, type, effectiveDate: date, newName, legalBasis: plan.legalBasis });
  const moveRegion = (oldCode: string, newCode: string, name: string) => {
    const { link } = requireExisting(oldCode);
    change.endRegions.push({ code: oldCode, validTo: lastDay });
    change.newRegions.push({ code: newCode, name, validFrom: date });
    change.endLinks.push({ taskForceId: link.taskForceId, regionCode: oldCode, validTo: lastDay });
    change.newLinks.push({ taskForceId: link.taskForceId, regionCode: newCode, validFrom: date });
  };

  switch (plan.kind) {
    case "split": {
      requireFresh(plan.newCode);
      requireExisting(plan.sourceCode);
      if (regionLevelOf(plan.sourceCode) !== regionLevelOf(plan.newCode)) invalid({ reason: "level", code: plan.newCode });
      const isProvince = regionLevelOf(plan.newCode) === "province";
      if (!isProvince && plan.moves.length > 0) invalid({ reason: "moves_need_provinces" });
      if (!isProvince && plan.newCode.slice(0, 2) !== plan.sourceCode.slice(0, 2)) invalid({ reason: "other_province", code: plan.newCode });
      change.newRegions.push({ code: plan.newCode, name: plan.newName, validFrom: date });
      change.newTaskForces.push({ regionCode: plan.newCode, validFrom: date });
      change.successions.push(succession(plan.sourceCode, plan.newCode, "split", plan.newName));
      const seen = new Set<string>();
      for (const move of plan.moves) {
        if (!move.oldCode.startsWith(`${plan.sourceCode}.`)) invalid({ reason: "not_in_source", code: move.oldCode });
        if (!move.newCode.startsWith(`${plan.newCode}.`)) invalid({ reason: "not_in_new", code: move.newCode });
        if (seen.has(move.newCode) || seen.has(move.oldCode)) invalid({ reason: "repeated", code: move.newCode });
        seen.add(move.newCode).add(move.oldCode);
        requireFresh(move.newCode);
        const region = regionAt(move.oldCode);
        moveRegion(move.oldCode, move.newCode, region?.name ?? move.newCode);
        change.successions.push(succession(move.oldCode, move.newCode, "recode", null));
      }
      break;
    }
    case "merge": {
      const unique = new Set(plan.sourceCodes);
      if (unique.size !== plan.sourceCodes.length) invalid({ reason: "repeated" });
      const levels = new Set([...plan.sourceCodes, plan.newCode].map(regionLevelOf));
      if (levels.size !== 1) invalid({ reason: "level" });
      if (levels.has("province")) invalid({ reason: "province_merge_unsupported" });
      requireFresh(plan.newCode);
      // Regencies and cities merge within their province: a code elsewhere names a province they are not in.
      if (plan.sourceCodes.some((code) => code.slice(0, 2) !== plan.newCode.slice(0, 2))) invalid({ reason: "other_province", code: plan.newCode });
      const [first, ...others] = plan.sourceCodes as [string, ...string[]];
      moveRegion(first, plan.newCode, plan.newName);
      change.successions.push(succession(first, plan.newCode, "merge", plan.newName));
      for (const code of others) {
        const { link } = requireExisting(code);
        change.endRegions.push({ code, validTo: lastDay });
        change.endLinks.push({ taskForceId: link.taskForceId, regionCode: code, validTo: lastDay });
        change.endTaskForces.push({ taskForceId: link.taskForceId, validTo: lastDay });
        change.successions.push(succession(code, plan.newCode, "merge", plan.newName));
      }
      break;
    }
    case "recode": {
      if (plan.oldCode === plan.newCode) invalid({ reason: "same_code" });
      if (regionLevelOf(plan.oldCode) !== regionLevelOf(plan.newCode)) invalid({ reason: "level" });
      if (regionLevelOf(plan.oldCode) === "province") invalid({ reason: "province_recode_unsupported" });
      requireFresh(plan.newCode);
      // A regency or city keeps its province: a code elsewhere names a province it is not in.
      if (plan.newCode.slice(0, 2) !== plan.oldCode.slice(0, 2)) invalid({ reason: "other_province", code: plan.newCode });
      const { region } = requireExisting(plan.oldCode);
      moveRegion(plan.oldCode, plan.newCode, plan.newName ?? region.name);
      change.successions.push(succession(plan.oldCode, plan.newCode, "recode", plan.newName));
      break;
    }
    case "rename": {
      requireExisting(plan.code);
      change.successions.push(succession(plan.code, plan.code, "rename", plan.newName));
      break;
    }
  }
  const cycle = findSuccessionCycle([...state.successions, ...change.successions]);
  if (cycle) throw new DomainError("SUCCESSION_CYCLE", { codes: cycle.join(" → ") });
  return change;
}
