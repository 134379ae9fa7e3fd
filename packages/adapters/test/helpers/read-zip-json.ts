import yauzl from 'yauzl';

/**
 * Every entry of a deflate/stored zip as text, read with yauzl directly: the tests compute their
 * expectations from the raw entries, independently of the reader under test.
 */
export async function readZipTexts(file: string): Promise<Map<string, string>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  const texts = new Map<string, string>();
  try {
    for await (const entry of zip.eachEntry()) {
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      texts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
    }
  } finally {
    zip.close();
  }
  return texts;
}
