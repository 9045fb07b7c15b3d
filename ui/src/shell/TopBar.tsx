import { Badge, Burger, Group, Text, Title, Tooltip } from "@mantine/core";
import { IconPlugConnectedX } from "@tabler/icons-react";

type TopBarProps = {
  navigationOpened: boolean;
  onToggleNavigation: () => void;
};

export function TopBar({ navigationOpened, onToggleNavigation }: TopBarProps) {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navigationOpened}
          onClick={onToggleNavigation}
          hiddenFrom="sm"
          size="sm"
          aria-label={navigationOpened ? "Close navigation" : "Open navigation"}
        />
        <img src="/favicon.svg" alt="" width={26} height={26} />
        <Title order={2} size="h4" fw={600}>
          Saleguard
        </Title>
      </Group>
      <Tooltip label="The node (RPC URL) of each chain is set in Settings, under Networks." withArrow multiline w={260}>
        <Badge
          variant="outline"
          color="gray"
          size="lg"
          radius="sm"
          tt="none"
          fw={500}
          leftSection={<IconPlugConnectedX size={14} />}
          data-testid="active-network"
          tabIndex={0}
        >
          No network configured
        </Badge>
      </Tooltip>
    </Group>
  );
}
