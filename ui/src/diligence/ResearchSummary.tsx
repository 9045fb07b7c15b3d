import { Alert, Anchor, Badge, Group, List, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconBan, IconCircleCheck, IconFlag, IconFlagOff, IconMapPin, IconScale, IconShieldCheck } from "@tabler/icons-react";
import type { GradeView, JurisdictionFinding, LinkHitView, SaleResearch } from "../api";
import { StatCard } from "../common/StatCard";
import { routeHref } from "../shell/route";
import { gradeColor, redFlagLabel, severityColors } from "./researchLabels";

/** The grade letter, large, or what is missing for one. */
export function GradeText({ grade }: { grade: GradeView }) {
  if (grade.letter === null || grade.points === null) {
    return (
      <Stack gap={2}>
        <Text fz={32} fw={600} lh={1} c="dimmed" data-testid="grade-letter">
          —
        </Text>
        <Text size="sm" c="dimmed">
          Not graded yet: score at least {grade.needed} of the nine factors ({grade.scored} scored).
        </Text>
      </Stack>
    );
  }
  return (
    <Group gap="md" align="baseline" wrap="nowrap">
      <Text fz={40} fw={700} lh={1} c={gradeColor(grade.letter)} data-testid="grade-letter">
        {grade.letter}
      </Text>
      <Stack gap={0}>
        <Text size="sm" className="tabular-nums" data-testid="grade-points">
          {grade.points} points of 100
        </Text>
        <Text size="xs" c="dimmed">
          {grade.scored} of 9 factors scored
        </Text>
      </Stack>
    </Group>
  );
}

/** The formula in one line (docs/diligence-grade.md has it in full). */
export const gradeFormula =
  "The average score as points of 100, minus 10 per red flag raised: A from 80, B from 65, C from 50, D from 35, F below.";

function RaisedFlags({ research }: { research: SaleResearch }) {
  const raised = research.redFlags.filter((flag) => flag.raised);
  if (raised.length === 0) {
    return (
      <Group gap="xs" wrap="nowrap">
        <IconFlagOff size={16} aria-hidden="true" color="var(--mantine-color-dimmed)" />
        <Text size="sm" c="dimmed">
          No red flag raised.
        </Text>
      </Group>
    );
  }
  return (
    <List spacing={4} size="sm" icon={<IconFlag size={16} color="var(--mantine-color-red-6)" aria-hidden="true" />} data-testid="raised-flags">
      {raised.map((flag) => (
        <List.Item key={flag.flag}>
          <Text span size="sm" c="red.7" fw={500}>
            {redFlagLabel(flag.flag)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** What the sale's jurisdictions say of where the user lives. */
export function JurisdictionFindingText({ finding }: { finding: JurisdictionFinding }) {
  return (
    <Stack gap={6}>
      <Badge
        color={severityColors[finding.severity]}
        variant="light"
        leftSection={finding.severity === "block" ? <IconBan size={12} /> : finding.severity === "warn" ? <IconAlertTriangle size={12} /> : <IconCircleCheck size={12} />}
        data-testid="jurisdiction-severity"
        style={{ alignSelf: "flex-start" }}
      >
        {finding.severity === "block" ? "Blocks signing" : finding.severity === "warn" ? "Check this" : "Fine"}
      </Badge>
      <Text size="sm" data-testid="jurisdiction-message">
        {finding.message}
      </Text>
      {finding.kind === "no_country_set" && (
        <Anchor href={routeHref({ area: "settings" })} size="sm">
          Open Settings
        </Anchor>
      )}
    </Stack>
  );
}

/**
 * The sale's links that a list of phishing domains catches or that look like its own site,
 * each with the list and the entry; or, quietly, that none does.
 */
export function LinkHits({ hits }: { hits: LinkHitView[] }) {
  if (hits.length === 0) {
    return (
      <Group gap="xs" wrap="nowrap" data-testid="link-hits-none">
        <IconShieldCheck size={16} aria-hidden="true" color="var(--mantine-color-teal-6)" />
        <Text size="sm" c="dimmed">
          The sale&apos;s links (whitepaper, evidence, sources) were checked offline against known phishing domains and look-alikes of its own site: none found.
        </Text>
      </Group>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconBan size={18} />} title="Links to known scams — signing is blocked" data-testid="link-hits">
      <Stack gap="xs">
        {hits.map((hit) => (
          <Stack key={`${hit.url} ${hit.entry}`} gap={2} data-testid="link-hit" data-code={hit.code}>
            <Text size="sm" fw={500} style={{ overflowWrap: "anywhere" }}>
              {hit.url}
            </Text>
            <Text size="sm">{hit.message}</Text>
          </Stack>
        ))}
        <Text size="xs" c="dimmed">
          Do not use these links. Find the sale&apos;s records on its own site, then correct or remove them here.
        </Text>
      </Stack>
    </Alert>
  );
}

/** The grade, the red flags and the jurisdiction finding, side by side: what matters first. */
export function ResearchSummary({ research }: { research: SaleResearch }) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        <StatCard label="Due-diligence grade" icon={<IconScale size={18} />} testId="research-grade">
          <GradeText grade={research.grade} />
          <Text size="xs" c="dimmed" mt="sm">
            {gradeFormula}
          </Text>
        </StatCard>
        <StatCard label="Red flags" icon={<IconFlag size={18} />} testId="research-red-flags">
          <RaisedFlags research={research} />
        </StatCard>
        <StatCard label="Where you live" icon={<IconMapPin size={18} />} testId="research-jurisdiction">
          <JurisdictionFindingText finding={research.jurisdiction} />
        </StatCard>
      </SimpleGrid>
      <LinkHits hits={research.linkHits} />
      {research.whitepaperChanged && (
        <Alert color="orange" variant="light" title="The whitepaper changed" data-testid="whitepaper-changed">
          The last whitepaper file you fingerprinted differs from the first one. Read what changed before you contribute.
        </Alert>
      )}
    </Stack>
  );
}
