import { Alert, ScrollArea, Table, Text } from "@mantine/core";
import { IconFileAlert } from "@tabler/icons-react";
import type { CsvRowError } from "../api";

type CsvRowErrorsAlertProps = {
  /** The problems listed (the backend lists the first ones only). */
  errors: ReadonlyArray<CsvRowError>;
  /** How many problems the file has in all. */
  errorCount: number;
};

/** Why a previewed CSV file cannot be imported: each problem with its row number and column. */
export function CsvRowErrorsAlert({ errors, errorCount }: CsvRowErrorsAlertProps) {
  return (
    <Alert color="red" variant="light" icon={<IconFileAlert />} title={`${errorCount} problem${errorCount === 1 ? "" : "s"}: nothing would be added`} data-testid="csv-errors">
      <Text size="sm" mb="xs">
        Fix {errorCount === 1 ? "it" : "them"} in the file and choose it again.
        {errors.length < errorCount ? ` The first ${errors.length} are listed.` : ""}
      </Text>
      <ScrollArea.Autosize mah={260}>
        <Table fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Row</Table.Th>
              <Table.Th>Column</Table.Th>
              <Table.Th>Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((error, index) => (
              <Table.Tr key={index} data-testid="csv-error-row">
                <Table.Td className="tabular-nums">{error.row}</Table.Td>
                <Table.Td>{error.column || "—"}</Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Alert>
  );
}
