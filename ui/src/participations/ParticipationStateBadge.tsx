import type { ParticipationState } from "../api";
import { LooksBadge } from "../common/LooksBadge";
import { participationStates, stateFamilyLooks } from "./participationStates";

/** The state in words, with its family's colour and icon (the family's name on hover). */
export function ParticipationStateBadge({ state }: { state: ParticipationState }) {
  const { label, family } = participationStates[state];
  const { color, Icon, label: familyLabel } = stateFamilyLooks[family];
  return (
    <LooksBadge
      color={color}
      Icon={Icon}
      title={familyLabel}
      data-state={state}
      data-family={family}
      testId="participation-state"
      neverShortened
    >
      {label}
    </LooksBadge>
  );
}
