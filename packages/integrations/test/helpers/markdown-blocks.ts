import { readFileSync } from 'node:fs';

/** The fenced code blocks of a Markdown file, without their fences. */
export function codeBlocks(markdownFile: string): string[] {
  const text = readFileSync(markdownFile, 'utf8');
  const blocks: string[] = [];
  const fence = /^(```+)[^\n]*\n([\s\S]*?)^\1\s*$/gm;
  for (let match = fence.exec(text); match; match = fence.exec(text)) blocks.push(match[2]!);
  return blocks;
}

/** Whether the Markdown file shows `file` in full, byte for byte, as one code block. */
export function showsFile(markdownFile: string, file: string): boolean {
  const content = readFileSync(file, 'utf8');
  return codeBlocks(markdownFile).some((block) => block === content);
}
