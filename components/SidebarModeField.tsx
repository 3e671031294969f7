import './Options.css';

export type SidebarModeValue = 'collapsed' | 'open' | 'off';

export type SidebarModeFieldProps = {
  value: SidebarModeValue;
  onChange: (mode: SidebarModeValue) => void;
};

const MODES: { value: SidebarModeValue; label: string; detail: string }[] = [
  { value: 'collapsed', label: 'A small tab', detail: 'A “Backstory” tab at the edge of article pages, with the count of related stories. Click it to open.' },
  { value: 'open', label: 'Open', detail: 'The sidebar opens by itself on article pages.' },
  { value: 'off', label: 'Off', detail: 'No sidebar; use the toolbar button (or the keyboard shortcut) instead.' },
];

/** Radio buttons for the sidebar mode. */
export function SidebarModeField({ value, onChange }: SidebarModeFieldProps) {
  return (
    <fieldset class="bs-options__fieldset">
      <legend>When you read an article</legend>
      {MODES.map((m) => (
        <label key={m.value} class="bs-options__check">
          <input type="radio" name="bs-sidebar-mode" value={m.value} checked={value === m.value} onChange={() => onChange(m.value)} />
          <span>
            <span class="bs-options__name">{m.label}</span>
            <span class="bs-options__detail">{m.detail}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
