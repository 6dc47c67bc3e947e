// Any error the user should read: the API's {code, message}; the code is kept for support and the e2e test.
import type { ErrorInfo } from '../../shared/contract';

export function toErrorInfo(err: unknown): ErrorInfo {
  if (typeof err === 'object' && err !== null && typeof (err as ErrorInfo).message === 'string') {
    const code = typeof (err as ErrorInfo).code === 'string' ? (err as ErrorInfo).code : 'INTERNAL';
    return { code, message: (err as ErrorInfo).message };
  }
  return { code: 'INTERNAL', message: String(err) };
}

export function ErrorMessage({ error, onDismiss }: { error: ErrorInfo; onDismiss?: () => void }) {
  return (
    <div className="error-message" role="alert" data-testid="error-message" data-code={error.code}>
      <strong>Something went wrong.</strong> {error.message} <span className="muted">({error.code})</span>
      {onDismiss && <button type="button" className="link" onClick={onDismiss}>Dismiss</button>}
    </div>
  );
}
