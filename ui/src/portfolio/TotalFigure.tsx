import { Text } from "@mantine/core";
import type { PortfolioTotal } from "../api";
import { gainColor, gainText, moneyText } from "./portfolioFormat";

type TotalFigureProps = {
  total: PortfolioTotal;
  currency: string;
  /** Written with its sign and coloured (a profit or loss). */
  gain?: boolean;
  testId: string;
};

/** A headline sum in large type; when a part had no price, a line under it says the real figure is more than shown. */
export function TotalFigure({ total, currency, gain = false, testId }: TotalFigureProps) {
  return (
    <div data-testid={testId}>
      <Text fz={24} fw={600} lh={1.15} className="tabular-nums" c={gain ? gainColor(total.amount) : undefined} data-testid={`${testId}-amount`}>
        {gain ? gainText(total.amount, currency) : moneyText(total.amount, currency)}
      </Text>
      {!total.complete && (
        <Text size="xs" c="yellow.8" fw={500} data-testid={`${testId}-incomplete`}>
          + unknown: some values have no price
        </Text>
      )}
    </div>
  );
}
