/** Signing in, passwords, and the roles an account can hold. */
import type { MessagesLike } from "./types.ts";

const id = {
  auth: {
    signInTitle: "Masuk",
    signInIntro: "Masuk dengan email dan kata sandi akun Anda.",
    email: "Email",
    password: "Kata sandi",
    signIn: "Masuk",
    throttled: "Terlalu banyak percobaan gagal. Coba lagi dalam {{seconds}} detik.",
    noAccount: "Belum punya akun? Minta kepada admin gugus tugas Anda.",
    changePasswordTitle: "Ganti kata sandi",
    changePasswordForced: "Anda masuk dengan kata sandi sekali pakai. Buat kata sandi Anda sendiri untuk melanjutkan.",
    currentPassword: "Kata sandi saat ini",
    newPassword: "Kata sandi baru",
    confirmPassword: "Ulangi kata sandi baru",
    mismatch: "Kedua kata sandi baru tidak sama.",
    passwordRules: "Minimal {{min}} karakter. Kalimat juga boleh; tidak perlu huruf besar, angka atau simbol. Hindari kata sandi umum atau yang memuat nama Anda.",
    save: "Simpan kata sandi",
    passwordChanged: "Kata sandi telah diganti. Sesi lain akun ini telah diakhiri.",
    signOut: "Keluar",
    myAccount: "Akun saya",
    changePassword: "Ganti kata sandi",
    show: "Tampilkan",
  },
  role: {
    central_admin: "Admin pusat",
    central_viewer: "Peninjau pusat",
    regional_admin: "Admin daerah",
    regional_member: "Anggota daerah",
  },
} as const;

const en: MessagesLike<typeof id> = {
  auth: {
    signInTitle: "Sign in",
    signInIntro: "Sign in with your account's email and password.",
    email: "Email",
    password: "Password",
    signIn: "Sign in",
    throttled: "Too many failed attempts. Try again in {{seconds}} seconds.",
    noAccount: "No account yet? Ask your task force's admin.",
    changePasswordTitle: "Change password",
    changePasswordForced: "You signed in with a one-time password. Choose your own password to go on.",
    currentPassword: "Current password",
    newPassword: "New password",
    confirmPassword: "New password again",
    mismatch: "The two new passwords differ.",
    passwordRules: "At least {{min}} characters. A sentence is fine; no capitals, digits or symbols needed. Avoid common passwords or ones containing your name.",
    save: "Save password",
    passwordChanged: "Password changed. This account's other sessions have ended.",
    signOut: "Sign out",
    myAccount: "My account",
    changePassword: "Change password",
    show: "Show",
  },
  role: {
    central_admin: "Central admin",
    central_viewer: "Central viewer",
    regional_admin: "Regional admin",
    regional_member: "Regional member",
  },
};

export const authMessages = { id, en };
