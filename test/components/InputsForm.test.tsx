/** The form island's view: fields by label, messages by role, the unit switch and Clear. */
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { createForm } from '../../src/components/form-state';
import InputsForm from '../../src/components/InputsForm';
import { createUnitSystem } from '../../src/components/unit-system';
import { definition } from './helpers';

const ckd = definition('ckd-epi-2021');

// Without vitest globals the library cannot register its own cleanup.
afterEach(cleanup);

function setup() {
  let inputs = 0;
  let cleared = 0;
  let form!: ReturnType<typeof createForm>;
  render(() => {
    form = createForm(ckd);
    return (
      <InputsForm
        calc={ckd}
        form={form}
        units={createUnitSystem(ckd, form)}
        onInput={() => inputs++}
        onClear={() => {
          cleared++;
          form.clear();
        }}
      />
    );
  });
  return { form, inputs: () => inputs, cleared: () => cleared };
}

describe('InputsForm', () => {
  test('typing updates the form and starts the engine; the converted value is shown', async () => {
    const { form, inputs } = setup();
    const scr = screen.getByRole('textbox', { name: /Serum creatinine/ });
    fireEvent.input(scr, { target: { value: '1' } });
    expect(form.texts.scr).toBe('1');
    expect(inputs()).toBeGreaterThan(0);
    expect(await screen.findByText('= 88.4 µmol/L')).toBeTruthy();
  });

  test('switching to SI units converts the typed value', () => {
    const { form } = setup();
    fireEvent.input(screen.getByRole('textbox', { name: /Serum creatinine/ }), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('radio', { name: 'SI units' }));
    expect(form.units.scr).toBe('umol/L');
    expect(form.texts.scr).toBe('88.4');
  });

  test('the unit menu after typing relabels; "did you mean" has a button that relabels (issue 16, item 1)', () => {
    const { form } = setup();
    const scr = screen.getByRole('textbox', { name: /Serum creatinine/ });
    fireEvent.input(scr, { target: { value: '88' } });
    fireEvent.click(screen.getByRole('button', { name: 'Read 88 as µmol/L' }));
    expect(form.snapshot()).toMatchObject({ texts: { scr: '88' }, units: { scr: 'umol/L' } });
    expect(screen.queryByRole('button', { name: /Read 88 as/ })).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Serum creatinine unit' }), { target: { value: 'mg/dL' } });
    expect(form.snapshot()).toMatchObject({ texts: { scr: '88' }, units: { scr: 'mg/dL' } });
  });

  test('a value outside the limits gets a plain message next to the field', async () => {
    setup();
    const age = screen.getByRole('textbox', { name: /Age/ });
    fireEvent.input(age, { target: { value: '7' } });
    fireEvent.blur(age);
    expect(age.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Age must be between 18 and 120/)).toBeTruthy();
  });

  test('Clear empties the fields', () => {
    const { form, cleared } = setup();
    fireEvent.input(screen.getByRole('textbox', { name: /Age/ }), { target: { value: '50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(cleared()).toBe(1);
    expect(form.texts.age).toBe('');
  });
});
