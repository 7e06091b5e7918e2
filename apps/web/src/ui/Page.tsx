import { useEffect, useRef, type ReactNode } from 'react';
import { Group, Stack, Title } from '@mantine/core';

// The first page after loading keeps focus where the browser put it; later pages move focus to their
// heading so that screen-reader and keyboard users hear where they arrived.
let firstPageShown = false;

/** The page's one <h1>, the document title, and focus on arrival. */
export function PageHeading({ title, actions }: { title: string; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Veza`;
  }, [title]);
  useEffect(() => {
    if (firstPageShown) heading.current?.focus();
    firstPageShown = true;
  }, []);
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
      <Title order={1} ref={heading} tabIndex={-1} fz={{ base: 'h2', sm: 'h1' }}>
        {title}
      </Title>
      {actions}
    </Group>
  );
}

export function Page({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack gap="lg">
      <PageHeading title={title} actions={actions} />
      {children}
    </Stack>
  );
}
