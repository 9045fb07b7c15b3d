import { ActionIcon, Button, Code, Group, Stack, Table, Text, TextInput, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconCheck, IconFileImport, IconLink, IconRefresh, IconShieldCheck, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { isAppError, type ChosenFile, type ScamList } from "../api";
import { ConfirmRemoval } from "../common/ConfirmRemoval";
import { DateTimeText } from "../common/DateTimeText";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { ProblemList } from "../common/ProblemList";
import { useFileChooser } from "../common/useFileChooser";
import { formatByteCount } from "../format/bytes";
import { useImportScamList, useImportScamListFromUrl, useRefreshScamList, useRemoveScamList, useScamLists } from "./scamListsQueries";

/** "1,204 domains · 3 addresses": what a list holds, the kinds it has. */
function listContents(list: ScamList): string {
  const parts: string[] = [];
  const count = (n: number, one: string, many: string) => parts.push(`${n.toLocaleString()} ${n === 1 ? one : many}`);
  if (list.blockedDomains > 0) count(list.blockedDomains, "phishing domain", "phishing domains");
  if (list.impersonatedDomains > 0) count(list.impersonatedDomains, "impersonated domain", "impersonated domains");
  if (list.allowedDomains > 0) count(list.allowedDomains, "allowed domain", "allowed domains");
  if (list.addresses > 0) count(list.addresses, "scam address", "scam addresses");
  return parts.join(" · ");
}

/** The file's name without its extension: what a list is called unless the user says otherwise. */
function stem(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/** Every problem of a refused file, by row (CSV) or by key (JSON). */
function RefusedEntries({ error }: { error: unknown }) {
  if (!isAppError(error) || error.code !== "import_refused" || error.invalidFields.length === 0) return null;
  return <ProblemList problems={error.invalidFields} maxHeight={200} data-testid="scam-list-problems" />;
}

/** A list fetched from a web address the user types, kept to refresh it from there. */
function ImportScamListFromUrl({ onClose }: { onClose: () => void }) {
  const importList = useImportScamListFromUrl();
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const fieldError = (field: string) =>
    isAppError(importList.error) && importList.error.field === field ? importList.error.message : undefined;
  const start = () =>
    importList.mutate(
      { name, url },
      {
        onSuccess: (list) => {
          onClose();
          notifications.show({
            title: `Imported “${list.name}”`,
            message: `${listContents(list)}, checked from now on. Refresh it from its address whenever you like.`,
            color: "teal",
            icon: <IconCheck size={18} />,
          });
        },
      },
    );
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        start();
      }}
      data-testid="scam-list-url-form"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed" maw={620}>
          Saleguard asks this address for the list now, and again only when you press Refresh on it — never by itself.
        </Text>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Web address of the list"
            name="url"
            placeholder="https://example.org/scam-list.csv"
            value={url}
            onChange={(event) => setUrl(event.currentTarget.value)}
            error={fieldError("url")}
            maxLength={2000}
            w={420}
            data-autofocus
            data-testid="scam-list-url"
          />
          <TextInput
            label="Name of the list"
            name="name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError("name")}
            maxLength={100}
            w={240}
            data-testid="scam-list-url-name"
          />
        </Group>
        <Group gap="sm">
          <Button type="submit" leftSection={<IconLink size={16} />} loading={importList.isPending} data-testid="scam-list-url-import">
            Fetch and import
          </Button>
          <Button variant="default" onClick={onClose} disabled={importList.isPending}>
            Cancel
          </Button>
        </Group>
        {importList.isError && fieldError("url") === undefined && fieldError("name") === undefined && (
          <Stack gap="xs">
            <FailureAlert title="Nothing was imported" error={importList.error} />
            <RefusedEntries error={importList.error} />
          </Stack>
        )}
      </Stack>
    </form>
  );
}

function ImportScamList() {
  const importList = useImportScamList();
  const chooser = useFileChooser("scamList");
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [name, setName] = useState("");
  const [readFailure, setReadFailure] = useState<unknown>(null);
  const [fromUrl, setFromUrl] = useState(false);

  const choose = async () => {
    let file: ChosenFile | null;
    try {
      file = await chooser.choose();
    } catch (error) {
      setReadFailure(error);
      return;
    }
    // Cancelling the dialog keeps what was there.
    if (!file) return;
    setFromUrl(false);
    importList.reset();
    setReadFailure(null);
    setChosen(file);
    setName(stem(file.name));
  };
  const close = () => {
    setChosen(null);
    importList.reset();
  };
  const start = () => {
    if (!chosen) return;
    importList.mutate(
      { name, file: chosen.id },
      {
        onSuccess: (list) => {
          close();
          notifications.show({
            title: `Imported “${list.name}”`,
            message: `${listContents(list)}, checked from now on.`,
            color: "teal",
            icon: <IconCheck size={18} />,
          });
        },
      },
    );
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" maw={620}>
          Add your own: a CSV with the columns <Code>entry</Code> and <Code>note</Code> (a domain, a link or an address a row), or JSON — including a
          newer <Code>eth-phishing-detect</Code> configuration as MetaMask publishes it. Nothing is added unless every entry is right.
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            onClick={() => void choose()}
            leftSection={<IconFileImport size={16} />}
            loading={chooser.choosing}
            disabled={importList.isPending}
            data-testid="scam-list-choose"
          >
            Choose a list…
          </Button>
          <Button
            variant="subtle"
            leftSection={<IconLink size={16} />}
            onClick={() => {
              close();
              setFromUrl(true);
            }}
            data-testid="scam-list-from-url"
          >
            From a web address…
          </Button>
        </Group>
      </Group>
      {fromUrl && <ImportScamListFromUrl onClose={() => setFromUrl(false)} />}
      {readFailure !== null && <FailureAlert title="No file could be chosen" error={readFailure} />}
      {chosen && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            start();
          }}
          data-testid="scam-list-import-form"
        >
          <Stack gap="sm">
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label="Name of the list"
                description={`From ${chosen.name} (${formatByteCount(chosen.bytes)})`}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                maxLength={100}
                w={320}
                data-autofocus
                data-testid="scam-list-name"
              />
              <Button variant="default" onClick={close} disabled={importList.isPending}>
                Cancel
              </Button>
              <Button type="submit" leftSection={<IconFileImport size={16} />} loading={importList.isPending} data-testid="scam-list-import">
                Import
              </Button>
            </Group>
            {importList.isError && (
              <Stack gap="xs">
                <FailureAlert title={`Nothing was imported from ${chosen.name}`} error={importList.error} />
                <RefusedEntries error={importList.error} />
              </Stack>
            )}
          </Stack>
        </form>
      )}
    </Stack>
  );
}

type ScamListRowProps = {
  list: ScamList;
  onRemove: (list: ScamList) => void;
  onRefresh: (list: ScamList) => void;
  refreshing: boolean;
};

function ScamListRow({ list, onRemove, onRefresh, refreshing }: ScamListRowProps) {
  return (
    <Table.Tr data-testid="scam-list-row">
      <Table.Td>
        <Text size="sm" fw={500}>
          {list.name}
        </Text>
        <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
          from {list.source}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" data-testid="scam-list-contents">
          {listContents(list)}
        </Text>
      </Table.Td>
      <Table.Td>
        <DateTimeText iso={list.importedAt} size="xs" />
      </Table.Td>
      <Table.Td ta="right">
        <Group gap={4} justify="flex-end" wrap="nowrap">
          {list.url !== null && (
            <Tooltip label={`Fetch “${list.name}” again from its address`}>
              <ActionIcon
                variant="subtle"
                aria-label={`Refresh ${list.name}`}
                onClick={() => onRefresh(list)}
                loading={refreshing}
                data-testid="scam-list-refresh"
              >
                <IconRefresh size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          <Tooltip label={`Remove “${list.name}”`}>
            <ActionIcon variant="subtle" color="red" aria-label={`Remove ${list.name}`} onClick={() => onRemove(list)} data-testid="scam-list-remove">
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** The lists of known scams: the one that ships, always checked, and the user's own. */
export function ScamListsSection() {
  const lists = useScamLists();
  const removal = useRemoveScamList();
  const refreshing = useRefreshScamList();
  const [removing, setRemoving] = useState<ScamList | null>(null);
  const [refreshFailure, setRefreshFailure] = useState<{ name: string; error: unknown } | null>(null);

  const refresh = (list: ScamList) => {
    setRefreshFailure(null);
    refreshing.mutate(list.id, {
      onSuccess: (fresh) =>
        notifications.show({
          title: `Refreshed “${fresh.name}”`,
          message: `It now holds ${listContents(fresh)}.`,
          color: "teal",
          icon: <IconCheck size={18} />,
        }),
      onError: (error) => setRefreshFailure({ name: list.name, error }),
    });
  };

  return (
    <Stack gap="md" data-testid="scam-lists">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <IconShieldCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden="true" style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="sm">
          Always checked: MetaMask&apos;s <Code>eth-phishing-detect</Code> list (version 1.2.0, 13,752 phishing domains), shipped with Saleguard, and
          look-alikes of each sale&apos;s own site. Nothing is fetched from the internet, unless you import a list from a web address and refresh it.
        </Text>
      </Group>
      {lists.isPending && <LoadingState label="Reading your lists…" />}
      {lists.isError && <FailureAlert title="Your lists could not be read" error={lists.error} onRetry={() => void lists.refetch()} />}
      {refreshFailure !== null && (
        <Stack gap="xs" data-testid="scam-list-refresh-failure">
          <FailureAlert title={`“${refreshFailure.name}” was not refreshed: it stays as it was`} error={refreshFailure.error} />
          <RefusedEntries error={refreshFailure.error} />
        </Stack>
      )}
      {lists.isSuccess &&
        (lists.data.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="scam-lists-empty">
            You have imported no list of your own.
          </Text>
        ) : (
          <Table verticalSpacing="xs" data-testid="scam-lists-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>List</Table.Th>
                <Table.Th>Holds</Table.Th>
                <Table.Th>Updated</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lists.data.map((list) => (
                <ScamListRow
                  key={list.id}
                  list={list}
                  onRemove={setRemoving}
                  onRefresh={refresh}
                  refreshing={refreshing.isPending && refreshing.variables === list.id}
                />
              ))}
            </Table.Tbody>
          </Table>
        ))}
      <ImportScamList />
      <ConfirmRemoval
        opened={removing !== null}
        onClose={() => {
          setRemoving(null);
          removal.reset();
        }}
        title={`Remove “${removing?.name ?? ""}”?`}
        confirmLabel="Remove list"
        failureTitle="The list was not removed"
        removal={removal}
        onConfirm={() => {
          if (removing) removal.mutate(removing.id, { onSuccess: () => setRemoving(null) });
        }}
        data-testid="scam-list-remove-confirm"
      >
        <Text size="sm">
          Its entries are no longer checked: a sale&apos;s link or a destination on it stops blocking the review. You can import the file again.
        </Text>
      </ConfirmRemoval>
    </Stack>
  );
}
