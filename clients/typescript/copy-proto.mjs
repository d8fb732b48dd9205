// Copies the contract (proto/mrq/v1 at the repository root) into this package at build time,
// so that the package ships the .proto files it loads at run time without a committed copy.
import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
cpSync(join(here, '..', '..', 'proto', 'mrq'), join(here, 'proto', 'mrq'), { recursive: true });
