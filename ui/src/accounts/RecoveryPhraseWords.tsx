import { Paper, SimpleGrid, Text } from "@mantine/core";

/** The words of a recovery phrase, numbered, in reading order (across, then down). */
export function RecoveryPhraseWords({ words }: { words: ReadonlyArray<string> }) {
  return (
    <Paper withBorder radius="md" p="md">
      <SimpleGrid
        component="ol"
        cols={{ base: 2, xs: 3, sm: 4 }}
        spacing="sm"
        verticalSpacing="xs"
        aria-label="Recovery phrase"
        data-testid="recovery-phrase"
        style={{ listStyle: "none", margin: 0, padding: 0 }}
      >
        {words.map((word, index) => (
          <li key={index} data-testid="recovery-word">
            <Text span size="sm" c="dimmed" className="tabular-nums" w={28} display="inline-block" ta="right" mr="xs">
              {index + 1}.
            </Text>
            <Text span ff="monospace" fw={600}>
              {word}
            </Text>
          </li>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
