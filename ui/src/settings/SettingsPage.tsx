import {
  DataList,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
  useMantineColorScheme,
  type MantineColorScheme,
} from "@mantine/core";
import type { ReactNode } from "react";
import { CopyValueButton } from "../common/CopyValueButton";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { PageHeader } from "../common/PageHeader";
import { useAppInfo } from "./appInfoQuery";
import { BackupSection } from "./BackupSection";
import { DataTransfer } from "./DataTransfer";
import { NetworksSection } from "./NetworksSection";
import { PriceSourcesSection } from "./PriceSourcesSection";
import { ScamListsSection } from "./ScamListsSection";
import { ResidenceCountry } from "./ResidenceCountry";

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} size="h5">
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mt={4}>
          {description}
        </Text>
      )}
      <div style={{ marginTop: "var(--mantine-spacing-md)" }}>{children}</div>
    </Paper>
  );
}

function PathValue({ path, what }: { path: string; what: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text span size="sm" ff="monospace" style={{ wordBreak: "break-all" }}>
        {path}
      </Text>
      <CopyValueButton value={path} label={`Copy ${what}`} />
    </Group>
  );
}

function DataLocations() {
  const appInfo = useAppInfo();
  if (appInfo.isPending) return <LoadingState label="Asking the backend…" />;
  if (appInfo.isError) {
    return <FailureAlert title="The data locations could not be read" error={appInfo.error} onRetry={() => void appInfo.refetch()} />;
  }
  const { version, dataDir, databasePath, logPath } = appInfo.data;
  return (
    <DataList labelWidth={150} gap="sm" size="sm" data-testid="app-info">
      <DataList.Item>
        <DataList.ItemLabel>
          <Text span size="sm" c="dimmed">
            Version
          </Text>
        </DataList.ItemLabel>
        <DataList.ItemValue>
          <Text span size="sm" className="tabular-nums" data-testid="app-version">
            {version}
          </Text>
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>
          <Text span size="sm" c="dimmed">
            Data directory
          </Text>
        </DataList.ItemLabel>
        <DataList.ItemValue>
          <PathValue path={dataDir} what="data directory" />
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>
          <Text span size="sm" c="dimmed">
            Database
          </Text>
        </DataList.ItemLabel>
        <DataList.ItemValue>
          <PathValue path={databasePath} what="database path" />
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>
          <Text span size="sm" c="dimmed">
            Log file
          </Text>
        </DataList.ItemLabel>
        <DataList.ItemValue>
          <PathValue path={logPath} what="log file path" />
        </DataList.ItemValue>
      </DataList.Item>
    </DataList>
  );
}

const colorSchemeChoices: Array<{ value: MantineColorScheme; label: string }> = [
  { value: "auto", label: "Follow the system" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];

function AppearanceChoice() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <SegmentedControl
      aria-label="Theme"
      value={colorScheme}
      onChange={(value) => setColorScheme(value as MantineColorScheme)}
      data={colorSchemeChoices}
    />
  );
}

export function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" />
      <Stack gap="lg">
        <Section
          title="Data and logs"
          description="Everything Saleguard knows is in one database file on this computer. Secrets are never in it: they stay in the operating system's keyring."
        >
          <DataLocations />
        </Section>
        <Section
          title="Networks"
          description="The node (RPC URL) Saleguard talks to on each chain, to plan, send and follow your transactions. It contacts no node you did not name here."
        >
          <NetworksSection />
        </Section>
        <Section
          title="Price sources"
          description="Where the prices that value your portfolio and count your budgets come from: your price book (under Budget), price history you import, and an online price API if you turn it on. The portfolio's currency is chosen on the Portfolio page."
        >
          <PriceSourcesSection />
        </Section>
        <Section
          title="Known scams"
          description="Lists of phishing domains and scam addresses. The review blocks a contribution when a sale's link (its whitepaper, its evidence, where its address was published) or the destination is on one."
        >
          <ScamListsSection />
        </Section>
        <Section title="Where you live" description="Token sales often exclude residents of some countries.">
          <ResidenceCountry />
        </Section>
        <Section
          title="Export and import"
          description="Every piece of your data except secrets, as one JSON file you can keep, read or move to another computer."
        >
          <DataTransfer />
        </Section>
        <Section
          title="Encrypted backups"
          description="The same data as the export, encrypted with a passphrase (the age format) so the file is safe to keep on another disk or in the cloud. Secrets stay in the keyring and are not in it."
        >
          <BackupSection />
        </Section>
        <Section title="Appearance" description="The theme this window uses.">
          <AppearanceChoice />
        </Section>
      </Stack>
    </>
  );
}
