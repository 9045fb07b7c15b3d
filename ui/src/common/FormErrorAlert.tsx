import { Alert, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { ReactNode, Ref } from "react";
import { FailureText } from "./FailureAlert";
import type { GeneralFormError } from "./formErrors";

type FormErrorAlertProps = {
  /** What did not happen: "The sale was not saved". */
  title: string;
  errors: ReadonlyArray<GeneralFormError>;
  /** The labels of the inputs marked invalid; named here, their messages stay beside them. */
  invalidFieldLabels: ReadonlyArray<string>;
  ref?: Ref<HTMLDivElement>;
  "data-testid"?: string;
  /** A way out, e.g. "Start again". */
  children?: ReactNode;
};

/** The alert at the top of a form after a failed submission; nothing when there is nothing to say. */
export function FormErrorAlert({ title, errors, invalidFieldLabels, ref, "data-testid": testId, children }: FormErrorAlertProps) {
  if (errors.length === 0 && invalidFieldLabels.length === 0) return null;
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="red"
      variant="light"
      icon={<IconAlertTriangle />}
      title={title}
      role="alert"
      data-testid={testId}
    >
      <Stack gap={6}>
        {errors.map((error, index) => (
          <FailureText key={index} heading={error.heading} message={error.message} hint={error.hint} />
        ))}
        {invalidFieldLabels.length > 0 && (
          <Text size="sm">
            Check {invalidFieldLabels.length === 1 ? "this field" : "these fields"}: {invalidFieldLabels.join(", ")}.
          </Text>
        )}
        {children}
      </Stack>
    </Alert>
  );
}
