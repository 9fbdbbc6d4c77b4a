import type { ComponentProps } from 'react';
import { DISPLAY_NAME_MAX } from '../../../../shared/api/displays';
import { Field } from '../../../ui/Field';

type Props = Pick<ComponentProps<typeof Field>, 'label' | 'value' | 'onValueChange' | 'hint' | 'error' | 'autoFocus'>;

/** A screen's name, the same field wherever a screen is named (created, paired, renamed). */
export function ScreenNameField(props: Props) {
  return <Field name="name" maxLength={DISPLAY_NAME_MAX} required {...props} />;
}
