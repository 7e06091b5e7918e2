import { Button } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * Opens a printable PDF of a record. The server picks the reader's language and the person's
 * preferred one, prints the pseudonymous reference, and logs the print as a disclosure.
 */
export function PdfLink({ href, label }: { href: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Button
      component="a"
      href={href}
      target="_blank"
      rel="noopener"
      variant="default"
      title={t('documents.pdfHint')}
      leftSection={<IconFileTypePdf size={16} aria-hidden="true" />}
    >
      {label}
    </Button>
  );
}
