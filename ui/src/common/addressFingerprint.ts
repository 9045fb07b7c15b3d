// A blockie: the 8×8 mirrored identicon that Ethereum wallets show beside addresses
// (the algorithm of the ethereum/blockies reference implementation), so that two
// addresses sharing their first and last characters still look different.
// Colours only; nothing here touches amounts.

export type AddressFingerprint = {
  size: number;
  background: string;
  color: string;
  spot: string;
  /** Row-major cells: 0 = background, 1 = colour, 2 = spot. */
  cells: number[];
};

function createRandom(seed: string): () => number {
  const state = new Int32Array(4);
  for (let i = 0; i < seed.length; i += 1) {
    const slot = i % 4;
    state[slot] = ((state[slot] ?? 0) << 5) - (state[slot] ?? 0) + seed.charCodeAt(i);
  }
  return () => {
    const first = state[0] ?? 0;
    const t = first ^ (first << 11);
    state[0] = state[1] ?? 0;
    state[1] = state[2] ?? 0;
    state[2] = state[3] ?? 0;
    const last = state[3] ?? 0;
    state[3] = last ^ (last >> 19) ^ t ^ (t >> 8);
    return ((state[3] ?? 0) >>> 0) / ((1 << 31) >>> 0);
  };
}

function createColor(random: () => number): string {
  const hue = Math.floor(random() * 360);
  const saturation = random() * 60 + 40;
  const lightness = (random() + random() + random() + random()) * 25;
  return `hsl(${hue} ${saturation.toFixed(1)}% ${lightness.toFixed(1)}%)`;
}

export function addressFingerprint(address: string, size = 8): AddressFingerprint {
  const random = createRandom(address.toLowerCase());
  const color = createColor(random);
  const background = createColor(random);
  const spot = createColor(random);
  const dataWidth = Math.ceil(size / 2);
  const mirrorWidth = size - dataWidth;
  const cells: number[] = [];
  for (let y = 0; y < size; y += 1) {
    const row: number[] = [];
    for (let x = 0; x < dataWidth; x += 1) {
      row.push(Math.floor(random() * 2.3));
    }
    const mirrored = row.slice(0, mirrorWidth).reverse();
    cells.push(...row, ...mirrored);
  }
  return { size, background, color, spot, cells };
}
