import type { ComponentProps } from 'react';
import { DISPLAY_NAME_MAX } from '../../../../shared/api/displays';
import { Field } from '../../../ui/Field';

type Props = Omit<ComponentProps<typeof Field>, 'maxLength' | 'required'>;

/** A screen's name, the same field wherever a screen is named (created, paired, renamed). */
export function ScreenNameField(props: Props) {
  return <Field maxLength={DISPLAY_NAME_MAX} required {...props} />;
}
