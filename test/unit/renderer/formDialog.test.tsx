// @vitest-environment happy-dom
// The modal form both small dialogs use (Save version, Open/New workspace): focus in and back out,
// Tab kept inside, Escape and the backdrop cancel, submit only with what it needs.

import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormDialog } from '../../../renderer/features/shell/FormDialog';

function Harness({ onSubmit, onCancel, busy = false }: { onSubmit(): void; onCancel(): void; busy?: boolean }) {
  const [text, setText] = useState('');
  return (
    <FormDialog title="Name it" hint="A short name." submitLabel="Save" busyLabel="Saving…" busy={busy} canSubmit={text.trim() !== ''} onSubmit={onSubmit} onCancel={onCancel}>
      <label className="field">
        <span className="field__label">Name</span>
        <input value={text} onChange={(e) => setText(e.target.value)} />
      </label>
    </FormDialog>
  );
}

function renderWithOpener(props: { onSubmit(): void; onCancel(): void; busy?: boolean }) {
  const opener = document.createElement('button');
  opener.textContent = 'opener';
  document.body.appendChild(opener);
  opener.focus();
  const view = render(<Harness {...props} />);
  return { opener, view };
}

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

describe('FormDialog', () => {
  it('focuses the first field, names itself, and gives focus back on closing', () => {
    const { opener, view } = renderWithOpener({ onSubmit: vi.fn(), onCancel: vi.fn() });
    const dialog = screen.getByRole('dialog', { name: 'Name it' });
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Name' }));
    view.unmount();
    expect(document.activeElement).toBe(opener);
  });

  it('submits with Enter only once the field has text, and not while busy', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithOpener({ onSubmit, onCancel: vi.fn() });
    expect(screen.getByRole('button', { name: 'Save' })).toHaveProperty('disabled', true);
    await user.keyboard('{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
    await user.keyboard('Q3 review{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('shows the busy label and refuses to submit while busy', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithOpener({ onSubmit, onCancel: vi.fn(), busy: true });
    await user.keyboard('x{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Saving…' })).toHaveProperty('disabled', true);
  });

  it('keeps Tab inside and cancels on Escape or a click on the backdrop', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    renderWithOpener({ onSubmit: vi.fn(), onCancel });
    await user.keyboard('abc');
    const field = screen.getByRole('textbox', { name: 'Name' });
    await user.tab(); // Cancel
    await user.tab(); // Save
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save' }));
    await user.tab(); // back to the field, not out of the dialog
    expect(document.activeElement).toBe(field);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save' }));
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    await user.pointer({ keys: '[MouseLeft>]', target: screen.getByRole('dialog').parentElement! });
    expect(onCancel).toHaveBeenCalledTimes(2);
  });
});
