import { Text } from "@mantine/core";

/** The unit at the right end of an input: "ETH", "%", "months". Nothing when there is no unit yet. */
export function UnitLabel({ unit }: { unit: string }) {
  if (!unit) return null;
  return (
    <Text span size="xs" c="dimmed" fw={600} pr={4} style={{ whiteSpace: "nowrap" }}>
      {unit}
    </Text>
  );
}
