import { Burger, Button, Group, Title, Tooltip } from "@mantine/core";
import { IconPlugConnected } from "@tabler/icons-react";

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
      <Tooltip label="Each chain's node (its RPC URL) is set in Settings, under Networks. Saleguard contacts no other." withArrow multiline w={260}>
        <Button
          component="a"
          href="#/settings"
          variant="default"
          size="xs"
          leftSection={<IconPlugConnected size={14} />}
          data-testid="active-network"
        >
          Networks
        </Button>
      </Tooltip>
    </Group>
  );
}
