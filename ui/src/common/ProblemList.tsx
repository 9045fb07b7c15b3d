import { List, ScrollArea, Text } from "@mantine/core";

/** One problem of a refused file: where in the file (`row 3: entry`, `$.tables.sales[0]`) and what is wrong. */
export type FileProblem = { field: string; message: string };

/** Every problem of a refused file, each at its place, scrolling when there are many. */
export function ProblemList({ problems, maxHeight = 240, "data-testid": testId }: { problems: readonly FileProblem[]; maxHeight?: number; "data-testid"?: string }) {
  return (
    <ScrollArea.Autosize mah={maxHeight}>
      <List size="sm" spacing={4} data-testid={testId}>
        {problems.map((problem, index) => (
          <List.Item key={`${problem.field}-${index}`}>
            <Text span size="sm" ff="monospace">
              {problem.field}
            </Text>
            : {problem.message}
          </List.Item>
        ))}
      </List>
    </ScrollArea.Autosize>
  );
}
