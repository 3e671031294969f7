import { t, type MessageKey } from '@/utils/i18n';
import './Options.css';

export type SidebarModeValue = 'collapsed' | 'open' | 'off';

export type SidebarModeFieldProps = {
  value: SidebarModeValue;
  onChange: (mode: SidebarModeValue) => void;
};

const MODES: { value: SidebarModeValue; label: MessageKey; detail: MessageKey }[] = [
  { value: 'collapsed', label: 'sidebarModeTab', detail: 'sidebarModeTabDetail' },
  { value: 'open', label: 'sidebarModeOpen', detail: 'sidebarModeOpenDetail' },
  { value: 'off', label: 'sidebarModeOff', detail: 'sidebarModeOffDetail' },
];

/** Radio buttons for the sidebar mode. */
export function SidebarModeField({ value, onChange }: SidebarModeFieldProps) {
  return (
    <fieldset class="bs-options__fieldset">
      <legend>{t('sidebarModeLegend')}</legend>
      {MODES.map((m) => (
        <label key={m.value} class="bs-options__check">
          <input type="radio" name="bs-sidebar-mode" value={m.value} checked={value === m.value} onChange={() => onChange(m.value)} />
          <span>
            <span class="bs-options__name">{t(m.label)}</span>
            <span class="bs-options__detail">{t(m.detail)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
