/**
 * A JSON response written in pieces: exactly the bytes of JSON.stringify(value), but an array
 * property (`streamed`) is serialised a batch of elements at a time as the client reads. A
 * report of 615,000 communities is about 500 MB of JSON: as one string it would take that much
 * memory at once (and V8 refuses strings much longer), and the client would wait for all of it
 * before the first byte.
 */
export function jsonStreamResponse(value: Record<string, unknown>, streamed: string, init: { status: number }, batch = 2_000): Response {
  const encoder = new TextEncoder();
  // The pieces in JSON.stringify's order: own enumerable keys, skipping undefined values.
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  let entry = 0;
  let element = -1; // -1: the streamed array's opening bracket is still to write
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      let text = '';
      while (text.length < 1_000_000 && entry <= entries.length) {
        if (entry === entries.length) {
          text += entries.length === 0 ? '{}' : '}';
          entry++;
          break;
        }
        const [key, v] = entries[entry]!;
        const prefix = `${entry === 0 ? '{' : ','}${JSON.stringify(key)}:`;
        if (key !== streamed || !Array.isArray(v)) {
          text += prefix + JSON.stringify(v);
          entry++;
          continue;
        }
        if (element === -1) {
          text += `${prefix}[`;
          element = 0;
        }
        const end = Math.min(element + batch, v.length);
        const parts: string[] = [];
        for (let i = element; i < end; i++) parts.push(JSON.stringify(v[i]) ?? 'null');
        if (parts.length > 0) text += (element > 0 ? ',' : '') + parts.join(',');
        element = end;
        if (element >= v.length) {
          text += ']';
          entry++;
        }
      }
      controller.enqueue(encoder.encode(text));
      if (entry > entries.length) controller.close();
    },
  });
  return new Response(body, { status: init.status, headers: { 'content-type': 'application/json' } });
}
