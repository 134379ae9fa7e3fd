/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRunReport, renderHTML, reportPlots } from '../src/index.js';
import { readJSONLTranscripts, writeSampleRun } from './helpers/sample-run.js';

const CHROMIUM = process.env.JUDGEKIT_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available)
  console.warn(
    `skipping the HTML report browser test: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set JUDGEKIT_CHROMIUM)`,
  );

describe.skipIf(!available)('the HTML report in headless Chromium', () => {
  let browser: Browser;
  let file: string;
  let plotCount: number;
  let screenshotFile: string;

  beforeAll(async () => {
    const { directory, runDir } = await writeSampleRun();
    const report = await buildRunReport({
      runDir,
      readTranscripts: readJSONLTranscripts,
      cwd: directory,
      resamples: 200,
      title: 'Sample run',
    });
    plotCount = reportPlots(report).length;
    file = join(directory, 'report.html');
    await writeFile(file, await renderHTML(report));
    screenshotFile = join(await mkdtemp(join(tmpdir(), 'judgekit-shot-')), 'report.png');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens with no console error, fetches nothing from the network, and renders every plot as a non-empty SVG', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const plots = await page.$$eval('figure.plot svg', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        return {
          width: box.width,
          height: box.height,
          marks: svg.querySelectorAll('path, rect, line, text').length,
        };
      }),
    );
    expect(plots.length).toBe(plotCount);
    expect(plotCount).toBeGreaterThanOrEqual(9);
    for (const plot of plots) {
      expect(plot.width).toBeGreaterThan(50);
      expect(plot.height).toBeGreaterThan(50);
      expect(plot.marks).toBeGreaterThan(10);
    }
    const marks = await page.$$eval('.message mark', (elements) =>
      elements.map((element) => element.textContent),
    );
    expect(marks).toContain('nobody will notice');
    await page.screenshot({ path: screenshotFile, fullPage: true });
    await page.close();
  });

  it('takes a screenshot that is not blank', async () => {
    const page = await browser.newPage();
    const { readFile } = await import('node:fs/promises');
    const png = (await readFile(screenshotFile)).toString('base64');
    const stats = await page.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      const colours = new Set<number>();
      let nonWhite = 0;
      for (let index = 0; index < pixels.length; index += 4 * 7) {
        const [r, g, b] = [pixels[index]!, pixels[index + 1]!, pixels[index + 2]!];
        colours.add((r << 16) | (g << 8) | b);
        if (r < 240 || g < 240 || b < 240) nonWhite++;
      }
      return {
        width: image.width,
        height: image.height,
        colours: colours.size,
        nonWhiteShare: nonWhite / (pixels.length / 28),
      };
    }, png);
    await page.close();
    expect(stats.width).toBe(1280);
    expect(stats.height).toBeGreaterThan(2000);
    expect(stats.colours).toBeGreaterThan(50);
    expect(stats.nonWhiteShare).toBeGreaterThan(0.02);
    console.log(
      `screenshot ${screenshotFile}: ${stats.width}×${stats.height}, ${stats.colours} colours, ${(stats.nonWhiteShare * 100).toFixed(1)}% non-white`,
    );
  });
});
