import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HandlingCode } from '@veza/shared';

const COLOR: Record<HandlingCode, string> = { H0: 'gray.8', H1: 'blue.9', H2: 'red.9', H3: 'grape.9' };

/** Badge text wraps in narrow table cells instead of being cut off with an ellipsis. */
export const WRAPPING_BADGE = {
  root: { height: 'auto', maxWidth: '100%' },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const;

/** A handling code as text (code and meaning); the colour only repeats what the text says. */
export function HandlingBadge({ code }: { code: HandlingCode }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" tt="none" color={COLOR[code]} styles={WRAPPING_BADGE}>
      {t('investigation.handlingBadge', { code, meaning: t(`investigation.handling.${code}`) })}
    </Badge>
  );
}
