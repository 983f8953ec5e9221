import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ProblemError, problemFrom } from '@/lib/problem';
import { ProblemAlert } from './ProblemAlert';

const validation = new ProblemError(
  problemFrom(400, {
    type: 'https://emporium.io/problems/validation-failed',
    title: 'Validation failed',
    status: 400,
    detail: 'The address is not valid.',
    errors: [
      { field: 'shippingAddress.line1', message: 'must not contain control characters' },
      { field: 'shippingAddress.city', message: 'must not be blank' },
    ],
  }),
);

describe('ProblemAlert', () => {
  it('shows the detail and each field with its message, named as the shopper knows it', () => {
    render(
      <ProblemAlert
        error={validation}
        fieldLabels={{ 'shippingAddress.line1': 'Address line 1' }}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('The address is not valid.')).toBeInTheDocument();
    expect(alert).toHaveTextContent('Address line 1: must not contain control characters');
    expect(alert).toHaveTextContent('shippingAddress.city: must not be blank');
  });

  it('leaves out the fields already shown next to their inputs', () => {
    render(<ProblemAlert error={validation} shownFields={['shippingAddress.line1']} />);
    const alert = screen.getByRole('alert');
    expect(within(alert).getAllByRole('listitem')).toHaveLength(1);
    expect(alert).not.toHaveTextContent('control characters');
  });

  it('offers a retry', async () => {
    const retry = vi.fn();
    render(<ProblemAlert error={new Error('boom')} onRetry={retry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong. Please try again.');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledOnce();
  });
});
