// The dismissible banner(s) under the top bar that show failed api calls.

import { useErrorStore } from './errorStore';
import { AlertIcon, CloseIcon } from './icons';

export function ErrorBanner() {
  const errors = useErrorStore((s) => s.errors);
  const dismiss = useErrorStore((s) => s.dismiss);
  if (errors.length === 0) return null;
  return (
    <div className="error-stack">
      {errors.map((error) => (
        <div key={error.id} className="error-banner" role="alert" data-error-code={error.code ?? undefined}>
          <AlertIcon className="error-banner__icon" />
          <p className="error-banner__text">
            {error.context ? <strong>{error.context} failed. </strong> : null}
            {error.message}
            {error.repeats > 1 ? <span className="error-banner__repeats"> (×{error.repeats})</span> : null}
          </p>
          <button type="button" className="icon-button" aria-label="Dismiss error" onClick={() => dismiss(error.id)}>
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
