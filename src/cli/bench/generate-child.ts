/**
 * The child process of generate-apart.ts: generates the bench's small areas and patches and writes
 * them as flat arrays into a folder. Usage: node --import tsx generate-child.ts DIR AREAS PATCHES SEED
 */
import { writeGenerated } from './generate-apart';
import { generatePatches } from './patches';
import { generateSmallAreas } from './small-areas';

const [dir, smallAreas, patchCount, seed] = process.argv.slice(2);
const sa = generateSmallAreas(Number(smallAreas), Number(seed));
writeGenerated(dir, sa.flat, generatePatches(sa, Number(patchCount), Number(seed)));
