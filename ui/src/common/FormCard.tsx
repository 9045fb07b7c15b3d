import { Paper, Stack, Text, Title, type MantineSpacing } from "@mantine/core";
import { useId, type ReactNode, type RefObject } from "react";
import { submitOnEnterKeys } from "./formKeys";

type FormCardProps<Input> = {
  /** The form's heading, which also names the form. */
  title: ReactNode;
  /** A dimmed line under the heading. */
  description?: ReactNode;
  /** From `useFormSubmit`. */
  submission: { formRef: RefObject<HTMLFormElement | null>; submitting: boolean; submit: (input: Input) => unknown };
  /** What the form submits. */
  input: Input;
  gap?: MantineSpacing;
  "data-testid": string;
  children: ReactNode;
};

/**
 * A form in a card, titled: submits `input` through `submission`, Ctrl+Enter (and Enter on a
 * choice) included, and is busy while it is sent.
 */
export function FormCard<Input>(props: FormCardProps<Input>) {
  const { title, description, submission, input, gap = "md", "data-testid": testId, children } = props;
  const { formRef, submitting, submit } = submission;
  const titleId = useId();
  return (
    <Paper withBorder radius="md" p="lg">
      <form
        ref={formRef}
        onSubmit={(event) => {
          event.preventDefault();
          void submit(input);
        }}
        onKeyDown={submitOnEnterKeys}
        noValidate
        aria-labelledby={titleId}
        aria-busy={submitting}
        data-testid={testId}
      >
        <Stack gap={gap}>
          <div>
            <Title order={2} size="h5" id={titleId}>
              {title}
            </Title>
            {description !== undefined && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </div>
          {children}
        </Stack>
      </form>
    </Paper>
  );
}
