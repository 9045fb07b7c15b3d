import type { ParticipationsRoute } from "../shell/route";
import { ParticipationDetailPage } from "./ParticipationDetailPage";
import { ParticipationsListPage } from "./ParticipationsListPage";

export function ParticipationsArea({ route }: { route: ParticipationsRoute }) {
  switch (route.view) {
    case "list":
      return <ParticipationsListPage />;
    case "detail":
      return <ParticipationDetailPage key={route.participationId} participationId={route.participationId} />;
  }
}
