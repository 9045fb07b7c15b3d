import { Stack, Text } from "@mantine/core";
import { DateTimeText } from "../common/DateTimeText";
import { FailureAlert } from "../common/FailureAlert";
import { LoadingState } from "../common/LoadingState";
import { ResearchSummary } from "./ResearchSummary";
import { ScorecardEditor } from "./ScorecardEditor";
import { WhitepaperFingerprints } from "./WhitepaperFingerprints";
import { useResearch } from "./researchQueries";

/** A sale's due diligence: the grade and findings first, then the scorecard and whitepapers. */
export function ResearchPanel({ saleId }: { saleId: number }) {
  const researchQuery = useResearch(saleId);
  if (researchQuery.isPending) return <LoadingState label="Loading the research…" />;
  if (researchQuery.isError) {
    return (
      <FailureAlert title="The research could not be loaded" error={researchQuery.error} onRetry={() => void researchQuery.refetch()} />
    );
  }
  const research = researchQuery.data;
  return (
    <Stack gap="lg" data-testid="research-panel">
      <ResearchSummary research={research} />
      <Text size="xs" c="dimmed">
        {research.updatedAt ? (
          <>
            Last saved <DateTimeText iso={research.updatedAt} size="xs" withRelative />.
          </>
        ) : (
          "Nothing saved yet: score what you have judged, the rest can wait."
        )}
      </Text>
      {/* Keyed by the save time: a save elsewhere (another window, the CLI) restarts the editor from it. */}
      <ScorecardEditor key={research.updatedAt ?? "new"} research={research} />
      <WhitepaperFingerprints research={research} />
    </Stack>
  );
}
