/** Saves text as a file through a temporary object URL (no network; works offline). */
export function downloadText(
  fileName: string,
  text: string | ArrayBuffer,
  mime = 'application/json'
): void {
  const type = typeof text === 'string' ? `${mime};charset=utf-8` : mime;
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
