/**
 * The audit log in words, as the admin's audit screen shows it: each entry's sentence in the
 * reader's language ("Budi Santoso mengubah ketua Gugus Tugas PP-TPPO Kota Bekasi dari … menjadi …"),
 * its labelled fields before → after, values as labels, never codes. The sentences are the same,
 * word for word, as the audit file's (packages/api/src/export/audit-workbook.ts): what the screen
 * shows is what the file holds. Sentences are filled here, not by i18next: their keys are the
 * actions' own names, which hold i18next's separators.
 */
import type { RouterOutputs } from "@gugus/api";
import { SUB_TASK_FORCES, TIME_ZONES, toRoman } from "@gugus/domain";
import type { AuditOutcome } from "@gugus/domain";

type Language = "id" | "en";

/** An entry as `audit.list` answers it. */
export type ReadableAuditEntry = RouterOutputs["audit"]["list"]["rows"][number];
type AuditTarget = ReadableAuditEntry["target"];
type AuditTaskForceRef = { id: number; level: "national" | "province" | "regency"; regionName: string | null };
type AuditValue = string | number | boolean | null;
type AuditValueKind = ReadableAuditEntry["changes"][number]["kind"];

type Words = {
  sentences: Record<string, string>;
  fallback: string;
  fromTo: string;
  fieldFromTo: string;
  system: string;
  unknownActor: string;
  account: (id: string) => string;
  national: string;
  taskForce: (level: "province" | "regency", name: string) => string;
  report: (taskForce: string, period: string) => string;
  period: (key: string) => string;
  ranPeriod: (numeral: string) => string;
  fields: Record<string, string>;
  yes: string;
  no: string;
  empty: string;
  position: Record<string, string>;
  stakeholderType: Record<string, string>;
  role: Record<string, string>;
  targetMode: Record<string, string>;
  reportingCycle: Record<string, string>;
  unit: Record<string, string>;
  level: Record<string, string>;
  reportStatus: Record<string, string>;
  instrumentType: Record<string, string>;
  outcomes: Record<AuditOutcome, string>;
  actions: Record<string, string>;
  months: readonly string[];
};

const INSTRUMENT_TYPE_WORDS = {
  id: { perpres: "Perpres", pergub: "Pergub", sk_gubernur: "SK Gubernur", perbup: "Perbup", sk_bupati: "SK Bupati", perwali: "Perwali", sk_walikota: "SK Wali Kota", perda: "Perda" },
  en: {
    perpres: "Presidential Regulation (Perpres)",
    pergub: "Governor Regulation (Pergub)",
    sk_gubernur: "Governor Decree (SK Gubernur)",
    perbup: "Regent Regulation (Perbup)",
    sk_bupati: "Regent Decree (SK Bupati)",
    perwali: "Mayor Regulation (Perwali)",
    sk_walikota: "Mayor Decree (SK Wali Kota)",
    perda: "Regional Regulation (Perda)",
  },
};

const subTaskForceName = (code: string, language: Language) => {
  const s = SUB_TASK_FORCES.find((x) => x.code === code);
  return s ? `${s.numeral}. ${language === "id" ? s.nameId : s.nameEn}` : code;
};

/** Every word of an audit entry, by language: the same sentences as the audit file (packages/api/src/export/audit-workbook.ts). */
export const AUDIT_WORDS: Record<Language, Words> = {
  id: {
    sentences: {
      "auth.sign_in": "{{actor}} masuk",
      "auth.sign_in:failure": "Percobaan masuk sebagai {{actor}} gagal",
      "auth.sign_out": "{{actor}} keluar",
      "auth.change_password": "{{actor}} mengganti kata sandinya",
      "auth.change_password:failure": "{{actor}} gagal mengganti kata sandi",
      "account.create": "{{actor}} membuat akun {{target}}",
      "account.create:failure": "{{actor}} gagal membuat akun",
      "account.update": "{{actor}} mengubah akun {{target}}",
      "account.deactivate": "{{actor}} menonaktifkan akun {{target}}",
      "account.reactivate": "{{actor}} mengaktifkan kembali akun {{target}}",
      "account.reset_password": "{{actor}} mengatur ulang kata sandi {{target}}",
      "session.end": "{{actor}} mengakhiri sesi {{target}}",
      "access.denied": "{{actor}} ditolak mengakses {{target}}",
      "hierarchy.restructure": "{{actor}} mencatat perubahan wilayah {{target}}",
      "instrument.create": "{{actor}} menambahkan dasar hukum {{what}} pada {{target}}",
      "instrument.update": "{{actor}} mengubah dasar hukum {{what}} {{target}}",
      "instrument.delete": "{{actor}} menghapus dasar hukum {{what}} dari {{target}}",
      "membership.create": "{{actor}} mencatat {{what}} {{target}}",
      "membership.update": "{{actor}} mengubah {{what}} {{target}}",
      "membership.delete": "{{actor}} menghapus catatan {{what}} {{target}}",
      "formation.import": "{{actor}} mengimpor data pembentukan dari berkas {{target}}",
      "ran.period_create": "{{actor}} membuat {{target}}",
      "ran.period_update": "{{actor}} mengubah {{target}}",
      "ran.period_adopt": "{{actor}} menetapkan {{target}}",
      "ran.adoption_correct": "{{actor}} mengoreksi penetapan {{target}}",
      "ran.adoption_withdraw": "{{actor}} menarik penetapan {{target}}",
      "ran.period_delete": "{{actor}} menghapus {{target}}",
      "ran.coordinators": "{{actor}} mencatat koordinator sub gugus tugas {{target}}",
      "ran.item_create": "{{actor}} menambahkan rencana aksi {{target}}",
      "ran.item_update": "{{actor}} mengubah rencana aksi {{target}}",
      "ran.item_delete": "{{actor}} menghapus rencana aksi {{target}}",
      "ran.import": "{{actor}} mengimpor rencana aksi ke {{target}}",
      "report.save": "{{actor}} menyimpan draf {{target}}",
      "report.submit": "{{actor}} mengirim {{target}}",
      "report.approve": "{{actor}} menyetujui {{target}}",
      "report.return": "{{actor}} mengembalikan {{target}}",
      "report.reopen": "{{actor}} membuka kembali {{target}}",
      "report.exception_grant": "{{actor}} memberi pengecualian batas waktu kepada {{target}}",
      "report.exception_revoke": "{{actor}} mencabut pengecualian batas waktu {{target}}",
      "evaluation.settings_update": "{{actor}} mengubah pengaturan penilaian kinerja {{target}}",
      "evaluation.publish": "{{actor}} menerbitkan penilaian kinerja {{target}}",
      "demo.load": "{{actor}} memuat data demonstrasi",
      "rad.plan_save": "{{actor}} menyimpan RAD {{target}}",
      "rad.item_create": "{{actor}} menambahkan butir RAD {{what}} pada {{target}}",
      "rad.item_update": "{{actor}} mengubah butir RAD {{what}} {{target}}",
      "rad.item_delete": "{{actor}} menghapus butir RAD {{what}} dari {{target}}",
      "announcement.create": "{{actor}} menerbitkan pengumuman “{{what}}”",
      "announcement.withdraw": "{{actor}} menarik pengumuman “{{what}}”",
      "account.bulk_create": "{{actor}} membuat akun dari berkas {{target}}",
      "mfa.enrol": "{{actor}} memasang faktor kedua",
      "mfa.verify": "{{actor}} memberikan kode faktor kedua",
      "mfa.verify:failure": "{{actor}} memberikan kode faktor kedua yang salah",
      "mfa.recovery_used": "{{actor}} masuk dengan kode pemulihan",
      "mfa.recovery_regenerate": "{{actor}} membuat kode pemulihan baru",
      "mfa.disable": "{{actor}} mematikan faktor kedua",
      "mfa.reset": "{{actor}} mengatur ulang faktor kedua {{target}}",
    },
    fallback: "{{actor}}: {{action}}",
    fromTo: "{{sentence}} dari {{before}} menjadi {{after}}",
    fieldFromTo: "{{sentence}}: {{field}} dari {{before}} menjadi {{after}}",
    system: "Sistem",
    unknownActor: "alamat tak dikenal",
    account: (id) => `akun #${id}`,
    national: "Gugus Tugas PP-TPPO Pusat",
    taskForce: (level, name) => (level === "province" ? `Gugus Tugas PP-TPPO Provinsi ${name}` : `Gugus Tugas PP-TPPO ${name}`),
    report: (tf, period) => `laporan ${tf} untuk ${period}`,
    period: (key) => {
      const m = /^(\d{4})-S([12])$/.exec(key);
      return m ? `semester ${m[2]} tahun ${m[1]}` : `tahun ${key}`;
    },
    ranPeriod: (n) => `RAN Periode ${n}`,
    fields: {
      name: "Nama",
      position: "Jabatan",
      role: "Peran",
      subTaskForce: "Sub gugus tugas",
      office: "Jabatan di instansi",
      agency: "Instansi",
      stakeholderType: "Jenis pemangku kepentingan",
      personName: "Nama orang",
      validFrom: "Sejak",
      validTo: "Sampai",
      type: "Jenis",
      number: "Nomor",
      issuedOn: "Tanggal terbit",
      issuer: "Penerbit",
      documentRef: "Tautan dokumen",
      endsOn: "Berlaku sampai",
      revokedOn: "Dicabut pada",
      code: "Kode",
      level: "Tingkat",
      programme: "Program",
      activity: "Kegiatan",
      indicator: "Indikator",
      unit: "Satuan",
      baseline: "Data dasar",
      targetMode: "Cara target",
      targets: "Target per tahun",
      leadAgency: "Instansi penanggung jawab",
      relatedAgencies: "Instansi terkait",
      firstYear: "Tahun pertama",
      lastYear: "Tahun terakhir",
      reportingCycle: "Siklus pelaporan",
      dueDays: "Batas kirim (hari)",
      expiryDays: "Batas isi (hari)",
      instrument: "Dasar penetapan",
      adoptedOn: "Tanggal penetapan",
      coordinators: "Koordinator",
      status: "Status",
      reason: "Alasan",
      until: "Sampai tanggal",
      showUntil: "Tampil sampai",
      effectiveDate: "Tanggal berlaku",
      legalBasis: "Dasar hukum",
      successions: "Suksesi",
    },
    yes: "Ya",
    no: "Tidak",
    empty: "—",
    position: { chair: "ketua", daily_chair: "ketua harian", secretary: "sekretaris", coordinator: "koordinator sub gugus tugas", member: "anggota" },
    stakeholderType: {
      kl: "Kementerian/Lembaga",
      pemda_opd: "Pemda/OPD",
      vertical: "Instansi vertikal",
      civil_society: "Masyarakat sipil",
      academia: "Akademisi",
      private_sector: "Swasta",
      media: "Media",
    },
    role: { central_admin: "Admin pusat", central_viewer: "Peninjau pusat", regional_admin: "Admin daerah", regional_member: "Anggota daerah" },
    targetMode: { per_year: "Per tahun", cumulative: "Kumulatif" },
    reportingCycle: { annual: "Tahunan", semester: "Semesteran" },
    unit: { count: "Jumlah", people: "Orang", activities: "Kegiatan", documents: "Dokumen", regions: "Wilayah", percent: "Persen (%)", rupiah: "Rupiah", change_percent: "Perubahan (%)" },
    level: { national: "Pusat", province: "Provinsi", regency: "Kabupaten/Kota" },
    reportStatus: { draft: "Draf", submitted: "Dikirim", returned: "Dikembalikan", approved: "Disetujui", reopened: "Dibuka kembali" },
    instrumentType: INSTRUMENT_TYPE_WORDS.id,
    outcomes: { success: "Berhasil", failure: "Gagal", denied: "Ditolak" },
    actions: {},
    months: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
  },
  en: {
    sentences: {
      "auth.sign_in": "{{actor}} signed in",
      "auth.sign_in:failure": "A sign-in as {{actor}} failed",
      "auth.sign_out": "{{actor}} signed out",
      "auth.change_password": "{{actor}} changed their password",
      "auth.change_password:failure": "{{actor}} failed to change their password",
      "account.create": "{{actor}} created the account of {{target}}",
      "account.create:failure": "{{actor}} could not create an account",
      "account.update": "{{actor}} changed the account of {{target}}",
      "account.deactivate": "{{actor}} deactivated the account of {{target}}",
      "account.reactivate": "{{actor}} reactivated the account of {{target}}",
      "account.reset_password": "{{actor}} reset the password of {{target}}",
      "session.end": "{{actor}} ended a session of {{target}}",
      "access.denied": "{{actor}} was refused access to {{target}}",
      "hierarchy.restructure": "{{actor}} recorded a restructuring of {{target}}",
      "instrument.create": "{{actor}} added the instrument {{what}} to {{target}}",
      "instrument.update": "{{actor}} changed the instrument {{what}} of {{target}}",
      "instrument.delete": "{{actor}} deleted the instrument {{what}} of {{target}}",
      "membership.create": "{{actor}} recorded the {{what}} of {{target}}",
      "membership.update": "{{actor}} changed the {{what}} of {{target}}",
      "membership.delete": "{{actor}} deleted a record of the {{what}} of {{target}}",
      "formation.import": "{{actor}} imported formation data from the file {{target}}",
      "ran.period_create": "{{actor}} created {{target}}",
      "ran.period_update": "{{actor}} changed {{target}}",
      "ran.period_adopt": "{{actor}} adopted {{target}}",
      "ran.adoption_correct": "{{actor}} corrected the adoption of {{target}}",
      "ran.adoption_withdraw": "{{actor}} withdrew the adoption of {{target}}",
      "ran.period_delete": "{{actor}} deleted {{target}}",
      "ran.coordinators": "{{actor}} recorded the sub-task-force coordinators of {{target}}",
      "ran.item_create": "{{actor}} added the action item {{target}}",
      "ran.item_update": "{{actor}} changed the action item {{target}}",
      "ran.item_delete": "{{actor}} deleted the action item {{target}}",
      "ran.import": "{{actor}} imported action items into {{target}}",
      "report.save": "{{actor}} saved a draft of {{target}}",
      "report.submit": "{{actor}} submitted {{target}}",
      "report.approve": "{{actor}} approved {{target}}",
      "report.return": "{{actor}} returned {{target}}",
      "report.reopen": "{{actor}} reopened {{target}}",
      "report.exception_grant": "{{actor}} granted {{target}} a deadline exception",
      "report.exception_revoke": "{{actor}} revoked a deadline exception of {{target}}",
      "evaluation.settings_update": "{{actor}} changed the evaluation settings of {{target}}",
      "evaluation.publish": "{{actor}} published the evaluation of {{target}}",
      "demo.load": "{{actor}} loaded demonstration data",
      "rad.plan_save": "{{actor}} saved the regional action plan of {{target}}",
      "rad.item_create": "{{actor}} added the RAD item {{what}} to {{target}}",
      "rad.item_update": "{{actor}} changed the RAD item {{what}} of {{target}}",
      "rad.item_delete": "{{actor}} deleted the RAD item {{what}} of {{target}}",
      "announcement.create": "{{actor}} published the announcement “{{what}}”",
      "announcement.withdraw": "{{actor}} withdrew the announcement “{{what}}”",
      "account.bulk_create": "{{actor}} created accounts from the file {{target}}",
      "mfa.enrol": "{{actor}} set up a second factor",
      "mfa.verify": "{{actor}} gave a second-factor code",
      "mfa.verify:failure": "{{actor}} gave a wrong second-factor code",
      "mfa.recovery_used": "{{actor}} signed in with a recovery code",
      "mfa.recovery_regenerate": "{{actor}} made new recovery codes",
      "mfa.disable": "{{actor}} turned off the second factor",
      "mfa.reset": "{{actor}} reset the second factor of {{target}}",
    },
    fallback: "{{actor}}: {{action}}",
    fromTo: "{{sentence}} from {{before}} to {{after}}",
    fieldFromTo: "{{sentence}}: {{field}} from {{before}} to {{after}}",
    system: "System",
    unknownActor: "an unknown address",
    account: (id) => `account #${id}`,
    national: "National Task Force",
    taskForce: (level, name) => (level === "province" ? `${name} Province Task Force` : `${name} Task Force`),
    report: (tf, period) => `the report of ${tf} for ${period}`,
    period: (key) => {
      const m = /^(\d{4})-S([12])$/.exec(key);
      return m ? `half-year ${m[2]} of ${m[1]}` : key;
    },
    ranPeriod: (n) => `RAN period ${n}`,
    fields: {
      name: "Name",
      position: "Position",
      role: "Role",
      subTaskForce: "Sub-task-force",
      office: "Office held",
      agency: "Agency",
      stakeholderType: "Stakeholder type",
      personName: "Person's name",
      validFrom: "From",
      validTo: "To",
      type: "Type",
      number: "Number",
      issuedOn: "Issued on",
      issuer: "Issuer",
      documentRef: "Document link",
      endsOn: "In force until",
      revokedOn: "Revoked on",
      code: "Code",
      level: "Level",
      programme: "Programme",
      activity: "Activity",
      indicator: "Indicator",
      unit: "Unit",
      baseline: "Baseline",
      targetMode: "Target mode",
      targets: "Yearly targets",
      leadAgency: "Lead agency",
      relatedAgencies: "Related agencies",
      firstYear: "First year",
      lastYear: "Last year",
      reportingCycle: "Reporting cycle",
      dueDays: "Due after (days)",
      expiryDays: "Entry closes after (days)",
      instrument: "Adopting instrument",
      adoptedOn: "Adopted on",
      coordinators: "Coordinators",
      status: "Status",
      reason: "Reason",
      until: "Until",
      showUntil: "Shown until",
      effectiveDate: "Effective date",
      legalBasis: "Legal basis",
      successions: "Successions",
    },
    yes: "Yes",
    no: "No",
    empty: "—",
    position: { chair: "chair", daily_chair: "daily chair", secretary: "secretary", coordinator: "sub-task-force coordinator", member: "member" },
    stakeholderType: {
      kl: "Central ministry/agency",
      pemda_opd: "Regional government/agency",
      vertical: "Vertical agency",
      civil_society: "Civil society",
      academia: "Academia",
      private_sector: "Private sector",
      media: "Media",
    },
    role: { central_admin: "Central admin", central_viewer: "Central viewer", regional_admin: "Regional admin", regional_member: "Regional member" },
    targetMode: { per_year: "Per year", cumulative: "Cumulative" },
    reportingCycle: { annual: "Annual", semester: "Half-yearly" },
    unit: { count: "Count", people: "People", activities: "Activities", documents: "Documents", regions: "Regions", percent: "Percent (%)", rupiah: "Rupiah", change_percent: "Change (%)" },
    level: { national: "National", province: "Province", regency: "Regency/City" },
    reportStatus: { draft: "Draft", submitted: "Submitted", returned: "Returned", approved: "Approved", reopened: "Reopened" },
    instrumentType: INSTRUMENT_TYPE_WORDS.en,
    outcomes: { success: "Success", failure: "Failure", denied: "Denied" },
    actions: {},
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  },
};

const fill = (template: string, vars: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? "");

/** A calendar date in words: "1 Desember 2026" / "1 December 2026". */
export function dateInWords(date: string, language: Language): string {
  const [y, m, d] = date.split("-");
  const month = AUDIT_WORDS[language].months[Number(m) - 1];
  return month ? `${Number(d)} ${month} ${y}` : date;
}

/** An instant with its zone, as the screens show it: "1 Des 2026 14.05 WIB" / "1 Dec 2026 14:05 WIB". */
export function instantInWords(ms: number, language: Language, zone: keyof typeof TIME_ZONES = "WIB"): string {
  const f = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "id-ID", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: TIME_ZONES[zone].iana,
  });
  return `${f.format(new Date(ms)).replace(",", "")} ${zone}`;
}

/** A task force's name in one language. */
export function taskForceInWords(tf: AuditTaskForceRef | null, language: Language): string {
  const w = AUDIT_WORDS[language];
  if (!tf) return "—";
  if (tf.level === "national" || tf.regionName === null) return w.national;
  return w.taskForce(tf.level, tf.regionName);
}

/** What an entry is about, in words. */
export function targetInWords(target: AuditTarget, language: Language): string {
  const w = AUDIT_WORDS[language];
  if (!target) return "";
  switch (target.type) {
    case "task_force":
      return target.taskForce ? taskForceInWords(target.taskForce, language) : `#${target.id}`;
    case "user":
      return target.name ?? w.account(target.id);
    case "report":
      return w.report(taskForceInWords(target.taskForce, language), target.periodKey ? w.period(target.periodKey) : "—");
    case "ran_period":
      return target.number === null ? "RAN" : w.ranPeriod(toRoman(target.number));
    case "action_item":
      return target.code ?? `#${target.id}`;
    case "region":
      return target.name ? `${target.name} (${target.code})` : target.code;
    case "other":
      return target.text;
  }
}

/** A field's value in words ("—" for none). */
export function valueInWords(kind: AuditValueKind, value: AuditValue, language: Language): string {
  const w = AUDIT_WORDS[language];
  if (value === null || value === "") return w.empty;
  if (typeof value === "boolean") return value ? w.yes : w.no;
  const s = String(value);
  switch (kind) {
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(s) ? dateInWords(s, language) : s;
    case "role":
      return w.role[s] ?? s;
    case "position": {
      // The seat's word is lower-case for a sentence ("mengubah ketua …"); a value stands alone.
      const word = w.position[s] ?? s;
      return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
    }
    case "stakeholderType":
      return w.stakeholderType[s] ?? s;
    case "subTaskForce":
      return subTaskForceName(s, language);
    case "unit":
      return w.unit[s] ?? s;
    case "level":
      return w.level[s] ?? s;
    case "reportStatus":
      return w.reportStatus[s] ?? s;
    case "targetMode":
      return w.targetMode[s] ?? s;
    case "reportingCycle":
      return w.reportingCycle[s] ?? s;
    case "instrumentType":
      return w.instrumentType[s] ?? s;
    case "number":
      return typeof value === "number" ? new Intl.NumberFormat(language === "en" ? "en-GB" : "id-ID").format(value) : s;
    case "text":
    case "boolean":
      return s;
  }
}

/** The field that a one-change sentence names without its label ("changed the chair … from Ani to Dedi"). */
const MAIN_FIELD: Record<string, string> = { "membership.update": "personName", "account.update": "name" };

/** The "what" of a sentence: the seat of a holding, the instrument, the evaluation's year. */
function whatOf(e: ReadableAuditEntry, language: Language): string {
  const w = AUDIT_WORDS[language];
  const d = e.details ?? {};
  const pick = (k: string) => d[k] ?? d[`${k}.after`] ?? d[`${k}.before`] ?? null;
  if (e.action.startsWith("membership.")) {
    const position = pick("position");
    return typeof position === "string" ? (w.position[position] ?? position) : (w.fields.position ?? "").toLowerCase();
  }
  if (e.action.startsWith("rad.item_")) {
    const code = pick("code");
    return code === null ? "" : String(code);
  }
  if (e.action.startsWith("announcement.")) {
    const title = language === "en" ? (pick("titleEn") ?? pick("titleId")) : pick("titleId");
    return title === null ? "" : String(title);
  }
  if (e.action.startsWith("instrument.")) {
    const type = pick("type");
    const number = pick("number");
    return [typeof type === "string" ? (w.instrumentType[type] ?? type) : null, number === null ? null : String(number)].filter(Boolean).join(" ");
  }
  return "";
}

/** An entry in words: its sentence, and its changes as field · before · after texts. */
export function describeAuditEntry(e: ReadableAuditEntry, language: Language): { sentence: string; changes: { field: string; before: string; after: string }[] } {
  const w = AUDIT_WORDS[language];
  // No account: the address tried at a sign-in as kept, else the system (the first start, the command line).
  const actor = e.actor.name ?? (e.actor.label?.includes("@") ? e.actor.label : null) ?? (e.action.startsWith("auth.") && e.actor.label === null ? w.unknownActor : w.system);
  const vars = { actor, target: targetInWords(e.target, language), what: whatOf(e, language), action: e.action };
  if (e.action.startsWith("evaluation.") && e.details && typeof e.details.year === "number") vars.target = String(e.details.year);
  const template = w.sentences[`${e.action}:${e.outcome}`] ?? w.sentences[e.action];
  let sentence = template ? fill(template, vars) : fill(w.fallback, vars) + (vars.target ? ` — ${vars.target}` : "");
  const changes = e.changes.map((c) => ({ field: w.fields[c.field] ?? c.field, before: valueInWords(c.kind, c.before, language), after: valueInWords(c.kind, c.after, language) }));
  const [only] = e.changes;
  if (only && e.changes.length === 1 && only.before !== null && only.after !== null) {
    const parts = { sentence, before: changes[0]!.before, after: changes[0]!.after, field: changes[0]!.field.toLowerCase() };
    sentence = fill(MAIN_FIELD[e.action] === only.field ? w.fromTo : w.fieldFromTo, parts);
  }
  return { sentence, changes };
}
