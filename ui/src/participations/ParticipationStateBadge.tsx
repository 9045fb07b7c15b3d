import { Badge } from "@mantine/core";
import type { ParticipationState } from "../api";
import { participationStates, stateFamilyLooks } from "./participationStates";

/** The state in words, with its family's colour and icon (the family's name on hover). */
export function ParticipationStateBadge({ state }: { state: ParticipationState }) {
  const { label, family } = participationStates[state];
  const { color, Icon, label: familyLabel } = stateFamilyLooks[family];
  return (
    <Badge
      variant="light"
      color={color}
      radius="sm"
      tt="none"
      fw={600}
      leftSection={<Icon size={14} stroke={2} aria-hidden="true" />}
      title={familyLabel}
      data-state={state}
      data-family={family}
      data-testid="participation-state"
      // Never shortened in a narrow column.
      styles={{ root: { maxWidth: "none", flexShrink: 0 }, label: { overflow: "visible" } }}
    >
      {label}
    </Badge>
  );
}
