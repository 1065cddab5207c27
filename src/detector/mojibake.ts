import type { ResolvedOptions } from '../options.js';
import type { Repair } from '../types.js';

export function findMojibake(_text: string, _repairs: Repair[], _options: ResolvedOptions): void {}
