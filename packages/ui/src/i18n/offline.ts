/** Working with a dropped link: what the autosave of a report says about unsent changes. */
import type { MessagesLike } from "./types.ts";

const id = {
  offline: {
    saved: "Semua perubahan tersimpan di server.",
    saving: "Menyimpan…",
    unsentOffline_one: "Tidak terhubung. Perubahan sejak {{count}} detik lalu disimpan di perangkat ini dan dikirim saat terhubung kembali.",
    unsentOffline_other: "Tidak terhubung. Perubahan sejak {{count}} detik lalu disimpan di perangkat ini dan dikirim saat terhubung kembali.",
    unsentFailed_one: "Belum terkirim sejak {{count}} detik lalu: server tidak menjawab. Perubahan disimpan di perangkat ini; dicoba lagi otomatis.",
    unsentFailed_other: "Belum terkirim sejak {{count}} detik lalu: server tidak menjawab. Perubahan disimpan di perangkat ini; dicoba lagi otomatis.",
    unsentRefused: "Belum terkirim: server menolak isian ini. Perbaiki isiannya; perubahan disimpan di perangkat ini.",
    conflict: "Orang lain menyimpan laporan ini sejak Anda mulai. Isian Anda tidak dikirim dan tetap disimpan di perangkat ini: bandingkan, lalu pilih.",
    notKept: "Perangkat ini tidak dapat menyimpan draf. Jangan muat ulang halaman sebelum semua perubahan terkirim.",
    sendNow: "Kirim sekarang",
  },
};

const en: MessagesLike<typeof id> = {
  offline: {
    saved: "All changes saved on the server.",
    saving: "Saving…",
    unsentOffline_one: "Offline. Changes from {{count}} second ago are kept on this device and sent once the connection is back.",
    unsentOffline_other: "Offline. Changes from {{count}} seconds ago are kept on this device and sent once the connection is back.",
    unsentFailed_one: "Not sent for {{count}} second: the server did not answer. Changes are kept on this device; trying again by itself.",
    unsentFailed_other: "Not sent for {{count}} seconds: the server did not answer. Changes are kept on this device; trying again by itself.",
    unsentRefused: "Not sent: the server refused these values. Correct them; your changes are kept on this device.",
    conflict: "Someone else saved this report since you started. Your values were not sent and are kept on this device: compare, then choose.",
    notKept: "This device cannot keep drafts. Do not reload the page before every change is sent.",
    sendNow: "Send now",
  },
};

export const offlineMessages = { id, en };
