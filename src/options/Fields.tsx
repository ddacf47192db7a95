import type { ComponentChildren } from 'preact';

// Small form pieces of the options page: a labelled control with its help text.

/** A labelled <select> with help text; `label` names each value. */
export function Choice<T extends string | number>(props: {
  id: string;
  label: string;
  help?: string;
  disabled?: boolean;
  value: T;
  values: readonly T[];
  name: (value: T) => string;
  onChange: (value: T) => void;
}) {
  const { id, values } = props;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        disabled={props.disabled ?? false}
        aria-describedby={props.help ? `${id}-help` : undefined}
        value={String(props.value)}
        onChange={(e) => props.onChange(values[e.currentTarget.selectedIndex]!)}
      >
        {values.map((v) => (
          <option key={String(v)} value={String(v)}>
            {props.name(v)}
          </option>
        ))}
      </select>
      {props.help && <p class="help" id={`${id}-help`}>{props.help}</p>}
    </div>
  );
}

/** A labelled checkbox with help text. */
export function Check(props: { id: string; label: string; help?: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <div class="field check">
      <input id={props.id} type="checkbox" checked={props.checked} aria-describedby={props.help ? `${props.id}-help` : undefined} onChange={(e) => props.onChange(e.currentTarget.checked)} />
      <label for={props.id}>{props.label}</label>
      {props.help && <p class="help" id={`${props.id}-help`}>{props.help}</p>}
    </div>
  );
}

/** A titled group of settings. */
export function Group({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}
