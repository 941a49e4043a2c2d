import {
  useId,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { useT } from "../i18n";
import { WriteError } from "./item-tools";

/**
 * The labelled box every field here stands in: `children` renders the control, given the id
 * its label points to. `labelAddon` sits beside the label.
 */
function LabelledField({
  label,
  labelAddon,
  className,
  children,
}: {
  label: string;
  labelAddon?: ReactNode;
  className?: string | undefined;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  const labelElement = (
    <label className="field__label" htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={className ? `field ${className}` : "field"}>
      {labelAddon ? (
        <span className="field__label-row">
          {labelElement}
          {labelAddon}
        </span>
      ) : (
        labelElement
      )}
      {children(id)}
    </div>
  );
}

/**
 * A labelled select; `options` are value/label pairs, or groups of them. `labelAddon` sits
 * beside the label (an explanation of the word, see `ui/explained-term.tsx`); `help`, under
 * the select, is read with it.
 */
export function SelectField({
  label,
  labelAddon,
  help,
  options,
  className,
  ...select
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & {
  label: string;
  labelAddon?: ReactNode;
  help?: ReactNode;
  options: readonly (
    | { value: string; label: string }
    | { group: string; options: readonly { value: string; label: string }[] }
  )[];
}) {
  return (
    <LabelledField label={label} labelAddon={labelAddon} className={className}>
      {(id) => (
        <>
          <select
            className="field__input"
            id={id}
            aria-describedby={help ? `${id}-help` : undefined}
            {...select}
          >
            {options.map((option) =>
              "group" in option ? (
                <optgroup key={option.group} label={option.group}>
                  {option.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ) : (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ),
            )}
          </select>
          {help ? <div id={`${id}-help`}>{help}</div> : null}
        </>
      )}
    </LabelledField>
  );
}

/** A labelled multi-line text input. */
export function TextAreaField({
  label,
  className,
  ...textarea
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> & { label: string }) {
  return (
    <LabelledField label={label} className={className}>
      {(id) => (
        <textarea className="field__input field__input--area" id={id} rows={3} {...textarea} />
      )}
    </LabelledField>
  );
}

/** A labelled single-line input, laid out for the compact grids of item forms. */
export function InputField({
  label,
  className,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & { label: string }) {
  return (
    <LabelledField label={label} className={className}>
      {(id) => <input className="field__input" id={id} {...input} />}
    </LabelledField>
  );
}

/** A labelled decimal number, held as the text typed (`lib/decimal-text.ts` reads it). */
export function DecimalField({
  onChange,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type" | "step" | "onChange"> & {
  label: string;
  value: string;
  onChange: (text: string) => void;
}) {
  return (
    <InputField type="number" step="any" onChange={(e) => onChange(e.target.value)} {...input} />
  );
}

/** A group of checkboxes with a legend. */
export function CheckboxGroup({
  legend,
  options,
  selected,
  onChange,
}: {
  legend: string;
  options: readonly { value: string; label: ReactNode }[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}) {
  return (
    <fieldset className="fieldset field">
      <legend className="field__label">{legend}</legend>
      <div className="checkbox-row">
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...selected, option.value]
                    : selected.filter((v) => v !== option.value),
                )
              }
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The buttons under an item form: save, cancel, and the reason a write was refused. */
export function FormFooter({
  submitLabel,
  cancelLabel,
  onCancel,
  error,
}: {
  submitLabel: string;
  cancelLabel: string;
  onCancel: () => void;
  error: string | null;
}) {
  return (
    <div className="item-form__footer">
      <WriteError error={error} />
      <div className="item-form__buttons">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
      </div>
    </div>
  );
}

/** An item form: its fields (in the compact grid unless `grid` is false) and the footer. */
export function ItemForm({
  label,
  nested = false,
  testId,
  intro,
  grid = true,
  submitLabel,
  error,
  onSubmit,
  onCancel,
  children,
}: {
  label: string;
  /** Inside a card or list, rather than a card of its own. */
  nested?: boolean;
  testId?: string;
  intro?: ReactNode;
  grid?: boolean;
  submitLabel: string;
  error: string | null;
  onSubmit: (event: FormEvent) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <form
      className={nested ? "item-form item-form--nested" : "item-form"}
      aria-label={label}
      onSubmit={onSubmit}
      data-testid={testId}
    >
      {intro}
      {grid ? <div className="item-form__grid">{children}</div> : children}
      <FormFooter
        submitLabel={submitLabel}
        cancelLabel={t("common.cancel")}
        onCancel={onCancel}
        error={error}
      />
    </form>
  );
}

/** A select of one of a fixed set of values, each with its label. */
export function ChoiceField<V extends string>({
  label,
  labelAddon,
  help,
  value,
  values,
  optionLabel,
  onChange,
  className,
}: {
  label: string;
  labelAddon?: ReactNode;
  help?: ReactNode;
  value: V;
  values: readonly V[];
  optionLabel: (value: V) => string;
  onChange: (value: V) => void;
  className?: string;
}) {
  return (
    <SelectField
      className={className}
      label={label}
      labelAddon={labelAddon}
      help={help}
      value={value}
      onChange={(e) => onChange(e.target.value as V)}
      options={values.map((v) => ({ value: v, label: optionLabel(v) }))}
    />
  );
}
