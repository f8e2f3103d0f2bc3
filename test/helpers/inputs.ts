// Reading one argument through the input layer, as the CLI does, with no stdin.
import { readArgument, type InputItem } from '../../src/input/read-input';

const noStdin = { stdin: (): AsyncIterable<Buffer> => [] as unknown as AsyncIterable<Buffer> };

/** Every item that reading `arg` (a file or a folder) gives. */
export async function readItems(arg: string): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readArgument(arg, noStdin)) out.push(item);
  return out;
}

/** "kind name" per item, names relative to `dir`, with the reason of a skipped one. */
export function itemSummary(list: InputItem[], dir: string): string[] {
  return list.map((i) => `${i.kind} ${i.name.slice(dir.length + 1)}${i.kind === 'skipped' ? `: ${i.reason}` : ''}`);
}
