/** The downloads of each calculator page, written at build time: /exports/<id>/<file>. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { exportFiles } from '../../../exports/package';

export const getStaticPaths = (async () =>
  (await getCollection('calculators')).flatMap((entry) =>
    exportFiles(entry.id, entry.data).map((f) => ({ params: { id: entry.id, file: f.file }, props: { id: entry.id, calc: entry.data, file: f.file } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const f = exportFiles(props.id, props.calc).find((x) => x.file === props.file)!;
  // A binary static endpoint answers with the bytes themselves (an ArrayBuffer-backed Uint8Array).
  return new Response(new Uint8Array(f.bytes), { headers: { 'Content-Type': f.type } });
};
