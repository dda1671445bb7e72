/** Handing the user a file the API made (base64) or text, through the browser's own download. */
export function download(fileName: string, content: { base64: string } | { text: string }, type: string): void {
  const blob =
    "base64" in content
      ? new Blob([Uint8Array.from(atob(content.base64), (c) => c.charCodeAt(0))], { type })
      : new Blob([`\uFEFF${content.text}`], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const PDF_TYPE = "application/pdf";
