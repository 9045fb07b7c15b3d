import { TransactionWizardPage } from "../contribute/TransactionWizardPage";
import type { ParticipationsRoute } from "../shell/route";
import { ParticipationDetailPage } from "./ParticipationDetailPage";
import { ParticipationsListPage } from "./ParticipationsListPage";

export function ParticipationsArea({ route }: { route: ParticipationsRoute }) {
  switch (route.view) {
    case "list":
      return <ParticipationsListPage />;
    case "detail":
      return <ParticipationDetailPage key={route.participationId} participationId={route.participationId} />;
    case "contribute":
      return (
        <TransactionWizardPage key={`contribute-${route.participationId}`} participationId={route.participationId} target={{ kind: "contribution" }} />
      );
    case "refund":
      return <TransactionWizardPage key={`refund-${route.participationId}`} participationId={route.participationId} target={{ kind: "refund" }} />;
    case "act":
      return (
        <TransactionWizardPage
          key={`act-${route.participationId}-${route.actionId}`}
          participationId={route.participationId}
          target={{ kind: "action", actionId: route.actionId }}
        />
      );
    case "replace":
      return (
        <TransactionWizardPage
          key={`replace-${route.transactionId}-${route.how}`}
          participationId={route.participationId}
          target={{ kind: "replace", transactionId: route.transactionId, how: route.how }}
        />
      );
    case "revoke":
      return (
        <TransactionWizardPage
          key={`revoke-${route.participationId}-${route.spender}`}
          participationId={route.participationId}
          target={{ kind: "revoke", spender: route.spender }}
        />
      );
  }
}
