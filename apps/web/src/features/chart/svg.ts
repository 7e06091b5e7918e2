/** A picture of the chart as the analyst sees it, in viewport pixels, for SVG and PNG export. */
export interface PictureNode {
  readonly x: number;
  readonly y: number;
  readonly radius: number;
  readonly colour: string;
  readonly label: string;
}

export interface PictureEdge {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly colour: string;
  readonly width: number;
  readonly arrow: boolean;
}

export interface Picture {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly nodes: readonly PictureNode[];
  readonly edges: readonly PictureEdge[];
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const n = (value: number) => (Math.round(value * 10) / 10).toString();

/**
 * A standalone SVG: edges under nodes, labels on top, the title as <title> so a screen reader or a
 * file browser names it. Arrows are drawn as small triangles at the target's rim.
 */
export function toSvg(picture: Picture): string {
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(picture.width)}" height="${n(picture.height)}" viewBox="0 0 ${n(picture.width)} ${n(picture.height)}" role="img">`,
    `<title>${escapeXml(picture.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    '<g stroke-linecap="round">',
  ];
  const radiusAt = new Map(picture.nodes.map((node) => [`${n(node.x)},${n(node.y)}`, node.radius]));
  for (const e of picture.edges) {
    parts.push(
      `<line x1="${n(e.x1)}" y1="${n(e.y1)}" x2="${n(e.x2)}" y2="${n(e.y2)}" stroke="${escapeXml(e.colour)}" stroke-width="${n(e.width)}"/>`,
    );
    if (e.arrow) parts.push(arrowHead(e, radiusAt.get(`${n(e.x2)},${n(e.y2)}`) ?? 0));
  }
  parts.push('</g>', '<g stroke="#ffffff" stroke-width="1">');
  for (const node of picture.nodes) {
    parts.push(
      `<circle cx="${n(node.x)}" cy="${n(node.y)}" r="${n(node.radius)}" fill="${escapeXml(node.colour)}"/>`,
    );
  }
  parts.push('</g>', '<g font-family="sans-serif" font-size="12" fill="#1f2933">');
  for (const node of picture.nodes) {
    if (node.label === '') continue;
    parts.push(
      `<text x="${n(node.x + node.radius + 3)}" y="${n(node.y + 4)}">${escapeXml(node.label)}</text>`,
    );
  }
  parts.push('</g>', '</svg>');
  return parts.join('\n');
}

function arrowHead(e: PictureEdge, targetRadius: number): string {
  const dx = e.x2 - e.x1;
  const dy = e.y2 - e.y1;
  const length = Math.hypot(dx, dy);
  if (length <= targetRadius + 1) return '';
  const ux = dx / length;
  const uy = dy / length;
  const size = 4 + e.width * 2;
  const tipX = e.x2 - ux * targetRadius;
  const tipY = e.y2 - uy * targetRadius;
  const baseX = tipX - ux * size;
  const baseY = tipY - uy * size;
  const points = [
    [tipX, tipY],
    [baseX - uy * size * 0.5, baseY + ux * size * 0.5],
    [baseX + uy * size * 0.5, baseY - ux * size * 0.5],
  ]
    .map(([x, y]) => `${n(x!)},${n(y!)}`)
    .join(' ');
  return `<polygon points="${points}" fill="${escapeXml(e.colour)}"/>`;
}

/** Draws the SVG onto a canvas of the same size (times `scale`) and gives back a PNG. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

/** Offers a file to the browser's downloads. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
