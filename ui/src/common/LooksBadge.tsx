import { Badge, type BadgeVariant } from "@mantine/core";
import type { Icon as TablerIcon } from "@tabler/icons-react";
import type { ReactNode } from "react";

// Never shortened ("Upc…") in a narrow column: the badge takes the width its words need.
const neverShortenedStyles = { root: { maxWidth: "none", flexShrink: 0 }, label: { overflow: "visible" } };

type LooksBadgeProps = {
  /** The words: a state or kind is never told by colour alone. */
  children: ReactNode;
  color: string;
  /** Shown before the words, hidden from screen readers (the words say it). */
  Icon?: TablerIcon;
  /** What it means, on hover. */
  title?: string;
  testId?: string;
  /** Keeps the whole label visible instead of cutting it short in a narrow place. */
  neverShortened?: boolean;
  variant?: BadgeVariant;
  /** E.g. `data-status`, for tests and styles to find the badge by what it shows. */
  [dataAttribute: `data-${string}`]: string | number | boolean | undefined;
};

/**
 * How a state, status or kind looks everywhere: words on a light badge of its colour,
 * with its icon.
 */
export function LooksBadge({ children, color, Icon, title, testId, neverShortened = false, variant = "light", ...data }: LooksBadgeProps) {
  return (
    <Badge
      variant={variant}
      color={color}
      radius="sm"
      tt="none"
      fw={600}
      leftSection={Icon && <Icon size={14} stroke={2} aria-hidden="true" />}
      title={title}
      {...data}
      data-testid={testId}
      styles={neverShortened ? neverShortenedStyles : undefined}
    >
      {children}
    </Badge>
  );
}
