export interface Choice<T extends string> {
  value: T;
  label: string;
}

interface Props<T extends string> {
  label: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
}

/** A labelled group of toggle buttons: the active one is aria-pressed, as screen readers expect. */
export function ChoiceGroup<T extends string>({ label, choices, value, onChange }: Props<T>) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar's button group, not a form section
    <div class="choice-group" role="group" aria-label={label}>
      {choices.map((c) => (
        <button
          key={c.value}
          type="button"
          class="choice"
          data-value={c.value}
          aria-pressed={c.value === value ? 'true' : 'false'}
          onClick={() => onChange(c.value)}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}
