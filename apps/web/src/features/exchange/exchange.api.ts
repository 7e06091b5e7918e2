import type { CaseImport, ExportFile, ExportRequest, ImportPreview, ImportStart } from '@veza/shared';
import { api } from '../../api/client.ts';

const path = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export const exchangeApi = {
  preview: (caseId: string, body: { fileName: string; content: string }) =>
    api<ImportPreview>(`${path(caseId)}/imports/preview`, { method: 'POST', body }),
  start: (caseId: string, body: ImportStart) =>
    api<CaseImport>(`${path(caseId)}/imports`, { method: 'POST', body }),
  import: (caseId: string, importId: string) =>
    api<CaseImport>(`${path(caseId)}/imports/${encodeURIComponent(importId)}`),
  export: (caseId: string, body: ExportRequest) =>
    api<ExportFile>(`${path(caseId)}/exports`, { method: 'POST', body }),
};

/** The file's bytes as base64, as the API takes uploads. */
export async function fileAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Hands an exported file to the browser as a download. */
export function download(file: ExportFile): void {
  const body =
    file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : file.content;
  const url = URL.createObjectURL(new Blob([body], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
