/**
 * The child process of generate-apart.ts: generates the bench's small areas and patches and writes
 * them as flat arrays into a folder. Usage: node --import tsx generate-child.ts DIR AREAS PATCHES SEED
 */
import { packPatches } from '../../lib/domain/sizing/pack-patches';
import { writeGenerated } from './generate-apart';
import { generatePatches } from './patches';
import { generateSmallAreas } from './small-areas';

const [dir, smallAreas, patchCount, seed] = process.argv.slice(2);
const sa = generateSmallAreas(Number(smallAreas), Number(seed));
const packed = packPatches(generatePatches(sa, Number(patchCount), Number(seed)));
if (!packed) throw new Error('A generated patch is not a plain polygon');
writeGenerated(dir, sa.flat, packed);
