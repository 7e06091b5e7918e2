import { Fieldset, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  EVALUATION_INFOS,
  EVALUATION_SOURCES,
  HANDLING_CODES,
  STATEMENT_KINDS,
  type EvaluationSource,
  type HandlingCode,
  type StatementKind,
} from '@veza/shared';

/** Where statements come from and how far to trust them: Europol 4x4, handling code, fact or assessment. */
export interface Provenance {
  source: string;
  evaluationSource: EvaluationSource;
  evaluationInfo: 1 | 2 | 3 | 4;
  handlingCode: HandlingCode;
  kind: StatementKind;
}

export interface ProvenanceLabels {
  legend: string;
  source: string;
  sourceHelp: string;
  sourceGrade: string;
  infoGrade: string;
}

/** The provenance asked once for everything a form records (an entity, a statement, an import). */
export function ProvenanceFields({
  value,
  onChange,
  labels,
  sourceError,
}: {
  value: Provenance;
  onChange: (next: Provenance) => void;
  labels: ProvenanceLabels;
  sourceError?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={labels.legend}>
      <Stack gap="sm">
        <TextInput
          label={labels.source}
          description={labels.sourceHelp}
          required
          maxLength={500}
          value={value.source}
          error={sourceError}
          onChange={(e) => onChange({ ...value, source: e.currentTarget.value })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={labels.sourceGrade}
            value={value.evaluationSource}
            onChange={(e) =>
              onChange({ ...value, evaluationSource: e.currentTarget.value as EvaluationSource })
            }
          >
            {EVALUATION_SOURCES.map((grade) => (
              <option key={grade} value={grade}>
                {`${grade}: ${t(`investigation.sourceGrades.${grade}`)}`}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={labels.infoGrade}
            value={String(value.evaluationInfo)}
            onChange={(e) =>
              onChange({
                ...value,
                evaluationInfo: Number(e.currentTarget.value) as Provenance['evaluationInfo'],
              })
            }
          >
            {EVALUATION_INFOS.map((grade) => (
              <option key={grade} value={grade}>
                {`${grade}: ${t(`investigation.infoGrades.${grade}`)}`}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('investigation.handlingCode')}
            value={value.handlingCode}
            onChange={(e) => onChange({ ...value, handlingCode: e.currentTarget.value as HandlingCode })}
          >
            {HANDLING_CODES.map((code) => (
              <option key={code} value={code}>
                {t('investigation.handlingBadge', { code, meaning: t(`investigation.handling.${code}`) })}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('investigation.kind')}
            value={value.kind}
            onChange={(e) => onChange({ ...value, kind: e.currentTarget.value as StatementKind })}
          >
            {STATEMENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`investigation.kinds.${kind}`)}
              </option>
            ))}
          </NativeSelect>
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}
