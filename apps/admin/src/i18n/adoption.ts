/** Correcting or withdrawing an adopted RAN period's adoption. */
import type { MessagesLike } from "@gugus/ui/i18n";

const id = {
  adoption: {
    title: "Koreksi atau penarikan penetapan",
    intro: "Tahun periode yang sudah ditetapkan mengikuti instrumennya: ubah lewat koreksi penetapan, atau tarik penetapannya agar periode kembali menjadi draf. Setiap langkah dicatat di log audit bersama alasannya.",
    correct: "Koreksi penetapan",
    withdraw: "Tarik penetapan",
    correctTitle: "Koreksi penetapan Periode {{numeral}}",
    correctIntro: "Catat instrumen, tanggal dan tahun periode sebagaimana ditetapkan.",
    withdrawTitle: "Tarik penetapan Periode {{numeral}}",
    withdrawIntro: "Periode {{numeral}} akan kembali menjadi draf: instrumen {{instrument}} dan tanggalnya dilepas dari periode, dan tetap tercatat di log audit.",
    dateWindow: "Antara {{earliest}} dan {{latest}}.",
    reason: "Alasan",
    reasonHint: "10 sampai 500 karakter; disimpan di log audit. Jangan cantumkan NIK atau nomor telepon.",
    saveCorrection: "Simpan koreksi",
    confirmWithdraw: "Tarik penetapan",
    corrected: "Penetapan dikoreksi.",
    withdrawn: "Penetapan ditarik; periode kini draf.",
  },
};

const en: MessagesLike<typeof id> = {
  adoption: {
    title: "Correcting or withdrawing the adoption",
    intro: "An adopted period's years are its instrument's: change them by correcting the adoption, or withdraw the adoption to make the period a draft again. Each step is kept in the audit log with its reason.",
    correct: "Correct the adoption",
    withdraw: "Withdraw the adoption",
    correctTitle: "Correct the adoption of period {{numeral}}",
    correctIntro: "Record the instrument, its date and the period's years as it sets them.",
    withdrawTitle: "Withdraw the adoption of period {{numeral}}",
    withdrawIntro: "Period {{numeral}} becomes a draft again: the instrument {{instrument}} and its date are taken off the period, and stay in the audit log.",
    dateWindow: "Between {{earliest}} and {{latest}}.",
    reason: "Reason",
    reasonHint: "10 to 500 characters; kept in the audit log. Do not include an NIK or a phone number.",
    saveCorrection: "Save the correction",
    confirmWithdraw: "Withdraw the adoption",
    corrected: "The adoption is corrected.",
    withdrawn: "The adoption is withdrawn; the period is a draft now.",
  },
};

export const adoptionMessages = { id, en };
