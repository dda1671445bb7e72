/** The front page at `/`: what Gugus is, in Bahasa Indonesia and English, with links to both apps. */
export function renderFrontPage(): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gugus — Gugus Tugas PP-TPPO</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1a1b1e; background: #f8f9fa; }
  main { max-width: 44rem; margin: 0 auto; padding: 3rem 1.25rem; }
  h1 { font-size: 1.75rem; margin: 0 0 .25rem; }
  p { line-height: 1.5; }
  .en { color: #5c5f66; }
  ul { list-style: none; padding: 0; display: grid; gap: .75rem; }
  a.card { display: block; padding: 1rem 1.25rem; border: 1px solid #dee2e6; border-radius: .5rem; background: #fff; color: inherit; text-decoration: none; }
  a.card:hover, a.card:focus { border-color: #1c7ed6; outline: none; }
  a.card strong { color: #1c7ed6; }
</style>
</head>
<body>
<main>
  <h1>Gugus</h1>
  <p>Sistem evaluasi kinerja Gugus Tugas Pencegahan dan Penanganan Tindak Pidana Perdagangan Orang (PP-TPPO): pusat, provinsi, kabupaten/kota.</p>
  <p class="en" lang="en">Performance evaluation for Indonesia's anti-trafficking task forces: national, provincial, regency/city.</p>
  <ul>
    <li><a class="card" href="/admin/"><strong>Admin Sekretariat Pusat</strong><br><span lang="en" class="en">Central secretariat admin</span></a></li>
    <li><a class="card" href="/portal/"><strong>Portal Gugus Tugas Daerah</strong><br><span lang="en" class="en">Regional task force portal</span></a></li>
  </ul>
</main>
</body>
</html>`;
}
