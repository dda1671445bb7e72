/** One's own security and sessions, from the user menu: the second factor, the list, this session marked, ending one or all others. */
import type { MessagesLike } from "./types.ts";

const id = {
  mySessions: {
    menu: "Sesi saya",
    title: "Sesi saya",
    intro: "Perangkat tempat akun Anda sedang masuk. Akhiri sesi yang tidak Anda kenali, lalu ganti kata sandi.",
    tableLabel: "Sesi akun Anda",
    device: "Perangkat",
    address: "Alamat IP",
    started: "Mulai",
    lastSeen: "Terakhir aktif",
    actions: "Tindakan",
    unknownDevice: "Perangkat tidak dikenal",
    thisSession: "Sesi ini",
    end: "Akhiri",
    endLabel: "Akhiri sesi di {{device}}, mulai {{started}}",
    endOthers: "Akhiri semua sesi lain",
    noOthers: "Tidak ada sesi lain yang terbuka.",
    ended: "Sesi lain yang diakhiri: {{count}}.",
    endedOne: "Sesi diakhiri.",
    close: "Tutup",
    sessionsTitle: "Sesi yang terbuka",
  },
};

const en: MessagesLike<typeof id> = {
  mySessions: {
    menu: "My sessions",
    title: "My sessions",
    intro: "The devices your account is signed in on. End any session you do not recognise, then change your password.",
    tableLabel: "Your account's sessions",
    device: "Device",
    address: "IP address",
    started: "Started",
    lastSeen: "Last active",
    actions: "Actions",
    unknownDevice: "Unknown device",
    thisSession: "This session",
    end: "End",
    endLabel: "End the session on {{device}}, started {{started}}",
    endOthers: "End all other sessions",
    noOthers: "No other session is open.",
    ended: "Other sessions ended: {{count}}.",
    endedOne: "Session ended.",
    close: "Close",
    sessionsTitle: "Open sessions",
  },
};

export const sessionsMessages = { id, en };
