import { List, Paper, Text, Title } from "@mantine/core";
import type { TransactionPlan } from "../api";

type PreviewLines = NonNullable<TransactionPlan["preview"]>;

/**
 * What the node's simulation of this exact transaction says it would move for the account: coins sent,
 * tokens received or taken, allowances given. What the action does not explain is a blocking finding above.
 */
export function PreviewCard({ lines }: { lines: PreviewLines }) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid="plan-preview">
      <Title order={3} size="h5" mb={4}>
        What it would move
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        Your node ran this exact transaction on the chain as it is now, without sending it.
      </Text>
      {lines.length === 0 ? (
        <Text size="sm" data-testid="plan-preview-nothing">
          Nothing: no coin leaves your account, no token moves and no allowance changes.
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {lines.map((line, index) => (
            <List.Item key={index} data-testid="plan-preview-line" style={{ wordBreak: "break-word" }}>
              {line.words}
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
