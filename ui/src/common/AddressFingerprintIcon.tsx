import { useMemo } from "react";
import { addressFingerprint } from "./addressFingerprint";

type AddressFingerprintIconProps = {
  address: string;
  /** Rendered size in pixels. */
  px?: number;
};

/** The address's blockie as an SVG (no canvas, no data: URL). Decorative: the address text is beside it. */
export function AddressFingerprintIcon({ address, px = 20 }: AddressFingerprintIconProps) {
  const fingerprint = useMemo(() => addressFingerprint(address), [address]);
  const { size, cells } = fingerprint;
  const fills = [fingerprint.background, fingerprint.color, fingerprint.spot];
  return (
    <svg
      width={px}
      height={px}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      aria-hidden="true"
      focusable="false"
      style={{ borderRadius: 4, flexShrink: 0 }}
      data-testid="address-fingerprint"
    >
      <rect width={size} height={size} fill={fingerprint.background} />
      {cells.map((cell, index) =>
        cell === 0 ? null : (
          <rect key={index} x={index % size} y={Math.floor(index / size)} width={1} height={1} fill={fills[cell]} />
        ),
      )}
    </svg>
  );
}
